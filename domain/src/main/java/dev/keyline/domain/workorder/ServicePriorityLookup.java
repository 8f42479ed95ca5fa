package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;

/**
 * Where the work-order services find a key account's {@link ServicePriority} when they open an
 * order, report a fault or list a queue. The host supplies it (for example from the
 * customer-priority ranking of the current period); the work-order area knows nothing of where
 * the priority comes from. Implementations answer from memory and must not call storage: they are
 * asked inside the work-order command's transaction.
 */
@FunctionalInterface
public interface ServicePriorityLookup {

    /**
     * The account's service priority; {@link ServicePriority#STANDARD} when it has none.
     *
     * @param account the account
     * @return its priority, never null
     */
    ServicePriority priorityOf(AccountId account);

    /**
     * The lookup that gives every account standard service: the work-order services' default.
     *
     * @return the lookup
     */
    static ServicePriorityLookup standard() {
        return account -> {
            Require.nonNull(account, "account");
            return ServicePriority.STANDARD;
        };
    }
}
