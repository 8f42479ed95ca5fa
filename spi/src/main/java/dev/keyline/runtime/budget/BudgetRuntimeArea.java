package dev.keyline.runtime.budget;

import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.RuntimeArea;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.budget.BudgetArea;
import java.util.List;

/**
 * The budget area's part of the runtime: its reaction that turns the resources area's investment
 * requests into proposed CAPEX projects ({@link InvestmentProposals}). Registered by default through
 * {@link java.util.ServiceLoader}.
 */
public final class BudgetRuntimeArea implements RuntimeArea {

    /** The area's runtime part; {@link java.util.ServiceLoader} calls this constructor. */
    public BudgetRuntimeArea() {
    }

    @Override
    public String name() {
        return BudgetArea.NAME;
    }

    @Override
    public List<Reaction> reactions(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        return List.of(InvestmentProposals.reaction(storage));
    }
}
