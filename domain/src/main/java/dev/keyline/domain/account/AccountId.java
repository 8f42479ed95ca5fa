package dev.keyline.domain.account;

import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.UserId;
import java.util.Optional;

/**
 * The id of a key account (大客户), the customer's id in the host's customer register.
 *
 * @param value the id text
 */
public record AccountId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     */
    public AccountId {
        Identifier.check(value, "accountId");
    }

    /**
     * The access scope of this key account, for the kernel's access rules; its subject is
     * {@code "account <id>"}. Every area that judges access to a key account (the key-account area
     * from the stored account, commercial authorisation from its projection) builds the scope here,
     * so they name the account alike.
     *
     * @param network the local network that manages the account
     * @param industry its industry
     * @param manager its account manager, empty before one is assigned
     * @return the scope
     * @throws InvalidArgumentException naming the argument that is null
     */
    public AccessScope accessScope(LocalNetworkId network, Industry industry, Optional<UserId> manager) {
        return new AccessScope("account " + value, network, industry, manager);
    }

    @Override
    public String toString() {
        return value;
    }
}
