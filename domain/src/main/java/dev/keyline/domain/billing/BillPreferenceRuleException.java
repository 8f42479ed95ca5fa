package dev.keyline.domain.billing;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/** A combination of bill preferences breaks one of the {@link BillPreferenceRule}s, which it names. */
public final class BillPreferenceRuleException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    /** The rule broken. */
    private final BillPreferenceRule rule;

    /**
     * @param rule the rule broken
     * @param detail what in the preferences broke it
     */
    public BillPreferenceRuleException(BillPreferenceRule rule, String detail) {
        super("preferences", "rule " + Require.nonNull(rule, "rule").name() + " broken: " + rule.description() + " ("
                + Require.nonNull(detail, "detail") + ")");
        this.rule = rule;
    }

    /** {@return the rule broken} */
    public BillPreferenceRule rule() {
        return rule;
    }
}
