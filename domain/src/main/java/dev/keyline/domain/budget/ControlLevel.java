package dev.keyline.domain.budget;

/** How a budget line reacts to a document that would take it over budget. */
public enum ControlLevel {
    /** The document is rejected with a {@link BudgetExceededException}; nothing is booked. */
    STOP,
    /** The document is booked and a {@link BudgetOverrunWarned} event is raised. */
    WARN,
    /** The document is booked silently. */
    IGNORE
}
