package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A review comment on a submitted budget (质询) that the drafter must answer before submitting
 * again. The answer fields are all null while it awaits an answer and all set once answered.
 *
 * @param number its number within the budget, from 1
 * @param comment what the reviewer asks
 * @param raisedBy the reviewer
 * @param raisedAt when
 * @param answer the drafter's answer, or null
 * @param answeredBy who answered, or null
 * @param answeredAt when, or null
 */
public record Challenge(int number, String comment, UserId raisedBy, Instant raisedAt, String answer,
        UserId answeredBy, Instant answeredAt) {

    /**
     * Validates the challenge.
     *
     * @param number its number within the budget, from 1
     * @param comment what the reviewer asks
     * @param raisedBy the reviewer
     * @param raisedAt when
     * @param answer the drafter's answer, or null
     * @param answeredBy who answered, or null
     * @param answeredAt when, or null
     * @throws InvalidArgumentException naming the component when the number is not positive, a
     *     required part is null or blank, the answer is given only in part or before the challenge
     */
    public Challenge {
        Require.positive(number, "number");
        Require.text(comment, "comment");
        Require.nonNull(raisedBy, "raisedBy");
        Require.nonNull(raisedAt, "raisedAt");
        boolean none = answer == null && answeredBy == null && answeredAt == null;
        boolean all = answer != null && answeredBy != null && answeredAt != null;
        Require.that(none || all, "answer", "answer, answeredBy and answeredAt are given together or not at all");
        if (all) {
            Require.text(answer, "answer");
            Require.that(!answeredAt.isBefore(raisedAt), "answeredAt", () -> "must not be before the challenge at "
                    + raisedAt + ", was " + answeredAt);
        }
    }

    /**
     * A challenge just raised.
     *
     * @param number its number
     * @param comment the comment
     * @param raisedBy the reviewer
     * @param raisedAt when
     * @return the open challenge
     */
    public static Challenge raised(int number, String comment, UserId raisedBy, Instant raisedAt) {
        return new Challenge(number, comment, raisedBy, raisedAt, null, null, null);
    }

    /**
     * Whether it was answered.
     *
     * @return true once answered
     */
    public boolean isAnswered() {
        return answer != null;
    }

    /**
     * This challenge with the drafter's answer.
     *
     * @param text the answer
     * @param by who answers
     * @param at when
     * @return the answered challenge
     */
    public Challenge answered(String text, UserId by, Instant at) {
        Require.text(text, "text");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        return new Challenge(number, comment, raisedBy, raisedAt, text, by, at);
    }
}
