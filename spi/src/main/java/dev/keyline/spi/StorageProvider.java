package dev.keyline.spi;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.FloorPriceListRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.PriceAuthorisationRepository;
import dev.keyline.spi.account.SpendFactRepository;

/**
 * What a storage provider gives the runtime: a transaction boundary, an outbox and one
 * repository per aggregate. All of them share the provider's transactions.
 *
 * <p>The repositories of each business area are default methods that fail with a
 * {@link KeylineException} of reason {@link ReasonCode#CONFIGURATION} saying that the provider
 * does not store that area, so a provider written before an area existed keeps compiling and
 * fails clearly only when the area is used. A provider that stores an area overrides its methods
 * (returning the same repository object on every call is allowed, not required) and proves it
 * with the area's contracts in the compatibility kit.
 */
public interface StorageProvider {

    /** The provider's transaction boundary. */
    Transactions transactions();

    /** The provider's outbox. */
    Outbox outbox();

    /** A short name for logs and messages, for example {@code in-memory} or {@code jdbc:h2}. */
    String name();

    /**
     * The key accounts (大客户).
     *
     * @return the repository, sharing this provider's transactions
     * @throws KeylineException with reason {@link ReasonCode#CONFIGURATION} when the provider does
     *     not store key accounts
     */
    default KeyAccountRepository keyAccounts() {
        throw unsupported("key accounts");
    }

    /**
     * Billing's monthly spend facts of key accounts.
     *
     * @return the repository, sharing this provider's transactions
     * @throws KeylineException with reason {@link ReasonCode#CONFIGURATION} when the provider does
     *     not store spend facts
     */
    default SpendFactRepository spendFacts() {
        throw unsupported("spend facts");
    }

    /**
     * The results of key-account classification runs.
     *
     * @return the repository, sharing this provider's transactions
     * @throws KeylineException with reason {@link ReasonCode#CONFIGURATION} when the provider does
     *     not store classification results
     */
    default ClassificationResultRepository classificationResults() {
        throw unsupported("classification results");
    }

    /**
     * The account plans (客户发展计划).
     *
     * @return the repository, sharing this provider's transactions
     * @throws KeylineException with reason {@link ReasonCode#CONFIGURATION} when the provider does
     *     not store account plans
     */
    default AccountPlanRepository accountPlans() {
        throw unsupported("account plans");
    }

    /**
     * The requests for commercial authorisation (商务授权) of prices.
     *
     * @return the repository, sharing this provider's transactions
     * @throws KeylineException with reason {@link ReasonCode#CONFIGURATION} when the provider does
     *     not store price authorisations
     */
    default PriceAuthorisationRepository priceAuthorisations() {
        throw unsupported("price authorisations");
    }

    /**
     * The floor price lists (底价).
     *
     * @return the repository, sharing this provider's transactions
     * @throws KeylineException with reason {@link ReasonCode#CONFIGURATION} when the provider does
     *     not store floor price lists
     */
    default FloorPriceListRepository floorPriceLists() {
        throw unsupported("floor price lists");
    }

    private KeylineException unsupported(String area) {
        return new KeylineException(ReasonCode.CONFIGURATION, "storage provider '" + name() + "' does not store "
                + area + "; use a provider that does, such as Keyline's in-memory or JDBC provider");
    }
}
