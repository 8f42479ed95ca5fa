package dev.keyline.runtime.budget;

import dev.keyline.domain.budget.BudgetExceededException;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LineBalance;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.budget.CapexProjectRepository;

/**
 * A CAPEX project's commitments flow into its budget line: each document of the chain request →
 * order → invoice is booked on the project's own record ({@link CapexProjects}) and on the budget
 * line it was approved against ({@link Budgets}) in one transaction. When the line refuses (under
 * stop control, {@link BudgetExceededException}) or the project does (above its planned amount),
 * neither is written. The document that a booking replaces has its commitment reversed on both.
 *
 * <p>The booker acts on both: a financial manager (财务经理) may, since the budget lets only the
 * financial manager book and the project lets the financial manager book too. Immutable and
 * thread-safe.
 */
public final class CapexCommitments {

    private final Keyline keyline;
    private final CapexProjects projects;
    private final Budgets budgets;
    private final CapexProjectRepository stored;

    private CapexCommitments(Keyline keyline) {
        this.keyline = keyline;
        this.projects = CapexProjects.on(keyline);
        this.budgets = Budgets.on(keyline);
        this.stored = keyline.storage().port(CapexProjectRepository.class);
    }

    /**
     * The service on a runtime whose storage stores CAPEX projects and budgets.
     *
     * @param keyline the runtime
     * @return the service
     */
    public static CapexCommitments on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new CapexCommitments(keyline);
    }

    /**
     * A request or an order was confirmed: books its commitment on the project and on its budget line,
     * reversing on both the commitment of the document it replaces.
     *
     * @param booker who books; a financial manager
     * @param project the project
     * @param document the confirmed document's id
     * @param stage {@link DocumentStage#REQUEST} or {@link DocumentStage#ORDER}
     * @param amount its amount
     * @param replaces the document it replaces (an order replaces its request), or null
     * @return the budget line's balance after it
     * @throws InvalidStateException when the project is not approved or not building
     * @throws BudgetExceededException when the line's control stops the commitment
     * @throws NotAuthorisedException when the booker may not book on the project or the line
     */
    public LineBalance commit(Actor booker, CapexProjectId project, String document, DocumentStage stage, Money amount,
            String replaces) {
        Require.nonNull(booker, "booker");
        Require.nonNull(project, "project");
        Require.nonNull(document, "document");
        Require.nonNull(stage, "stage");
        Require.nonNull(amount, "amount");
        Require.that(stage.isCommitment(), "stage", "an invoice is booked with invoice(...), not as a commitment");
        return keyline.execute(ctx -> {
            CapexBudgetLine line = lineOf(project);
            releaseReplaced(booker, project, replaces);
            projects.bookCommitment(booker, project, document, amount);
            return budgets.bookCommitment(booker, line.budget(), line.line(),
                    new CommitmentId(document), stage, amount, replaces == null ? null : new CommitmentId(replaces));
        });
    }

    /**
     * An invoice was confirmed: books it as an actual on the project and on its budget line,
     * reversing on both the commitment of the order it replaces.
     *
     * @param booker who books; a financial manager
     * @param project the project
     * @param invoice the invoice's id
     * @param amount its amount
     * @param replaces the order (or request) it replaces, or null
     * @return the budget line's balance after it
     * @throws InvalidStateException when the project is neither building nor accepted
     * @throws BudgetExceededException when the line's control stops the invoice
     * @throws NotAuthorisedException when the booker may not book on the project or the line
     */
    public LineBalance invoice(Actor booker, CapexProjectId project, String invoice, Money amount, String replaces) {
        Require.nonNull(booker, "booker");
        Require.nonNull(project, "project");
        Require.nonNull(invoice, "invoice");
        Require.nonNull(amount, "amount");
        return keyline.execute(ctx -> {
            CapexBudgetLine line = lineOf(project);
            releaseReplaced(booker, project, replaces);
            projects.bookActual(booker, project, invoice, amount);
            return budgets.recordActual(booker, line.budget(), line.line(),
                    new CommitmentId(invoice), amount, replaces == null ? null : new CommitmentId(replaces));
        });
    }

    /**
     * An open commitment is cancelled: reversed in full on the project and on its budget line.
     *
     * @param booker who books; a financial manager
     * @param project the project
     * @param document the commitment's document
     * @param reason why
     * @return the budget line's balance after it
     * @throws NotAuthorisedException when the booker may not book on the project or the line
     */
    public LineBalance cancel(Actor booker, CapexProjectId project, String document, String reason) {
        Require.nonNull(booker, "booker");
        Require.nonNull(project, "project");
        Require.nonNull(document, "document");
        Require.nonNull(reason, "reason");
        return keyline.execute(ctx -> {
            CapexBudgetLine line = lineOf(project);
            releaseReplaced(booker, project, document);
            return budgets.reverseCommitment(booker, line.budget(), new CommitmentId(document), reason);
        });
    }

    private CapexBudgetLine lineOf(CapexProjectId project) {
        CapexProject found = stored.get(project);
        return found.budgetLine().orElseThrow(() -> new InvalidStateException("CAPEX project " + project + " is "
                + found.stage() + ": it books on a budget line only once approved"));
    }

    private void releaseReplaced(Actor booker, CapexProjectId project, String replaced) {
        if (replaced == null) {
            return;
        }
        Money open = stored.get(project).openCommitmentOf(replaced);
        if (open.isPositive()) {
            projects.releaseCommitment(booker, project, replaced, open);
        }
    }
}
