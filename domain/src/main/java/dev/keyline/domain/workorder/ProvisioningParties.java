package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;

/**
 * Whom a provisioning order is for and who answers for it as a whole: the key account and the
 * product, the originating unit (which coordinates every stage, including those at other units of
 * a cross-network order, and is the customer's single interface), the account manager (客户经理)
 * and the IT support (IT 支撑) of the order.
 *
 * @param account the key account
 * @param product the product provisioned, for example a DDN circuit
 * @param originatingUnit the unit that coordinates the order
 * @param accountManager the account manager
 * @param itSupport the IT support answering for the order's systems
 */
public record ProvisioningParties(AccountId account, ProductCode product, LocalNetworkId originatingUnit,
        UserId accountManager, UserId itSupport) {

    /**
     * Validates the parties.
     *
     * @param account the key account
     * @param product the product provisioned, for example a DDN circuit
     * @param originatingUnit the unit that coordinates the order
     * @param accountManager the account manager
     * @param itSupport the IT support answering for the order's systems
     * @throws InvalidArgumentException naming the component that is null
     */
    public ProvisioningParties {
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(originatingUnit, "originatingUnit");
        Require.nonNull(accountManager, "accountManager");
        Require.nonNull(itSupport, "itSupport");
    }
}
