package dev.keyline.domain.account;

/** What a churn signal (离网预警信号) was raised for. */
public enum ChurnSignalKind {
    /** Monthly spend fell for several consecutive months. */
    FALLING_SPEND,
    /** Outstanding arrears are above a set amount. */
    ARREARS_AMOUNT,
    /** The oldest unpaid bill is overdue longer than a set number of days. */
    ARREARS_AGE,
    /** Arrears both older than a set number of days and at least a set amount. */
    ARREARS,
    /** Too many complaints in a window. */
    COMPLAINTS,
    /** A rule the host added. */
    OTHER
}
