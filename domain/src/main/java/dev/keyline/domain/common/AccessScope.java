package dev.keyline.domain.common;

import java.util.Optional;

/**
 * What the access rules ({@link Access}) need to know about the thing an actor acts on, whatever
 * area it belongs to: a subject text for messages (for example {@code "account KA1"}), the local
 * network (本地网) that manages it, its industry (行业) and its managing user (the account manager,
 * 客户经理), if it has one.
 *
 * <p>Each area builds the scope of its own things from what it stores, so the manager the rules see
 * is always the one the area records. The local network appears in messages only: an
 * {@link Actor} carries no network, so a host that runs several local networks restricts its users
 * to their network before it calls the rules.
 *
 * @param subject what the scope is of, for messages, for example {@code "account KA1"}
 * @param network the local network that manages it
 * @param industry its industry
 * @param manager its managing user, empty before one is assigned
 */
public record AccessScope(String subject, LocalNetworkId network, Industry industry, Optional<UserId> manager) {

    /**
     * Validates the scope.
     *
     * @param subject what the scope is of, for messages, for example {@code "account KA1"}
     * @param network the local network that manages it
     * @param industry its industry
     * @param manager its managing user, empty before one is assigned
     * @throws InvalidArgumentException naming the component that is null, or {@code subject} when
     *     it is blank
     */
    public AccessScope {
        Require.nonBlank(subject, "subject");
        Require.nonNull(network, "network");
        Require.nonNull(industry, "industry");
        Require.nonNull(manager, "manager");
    }

    /**
     * The scope of something without a manager, for example an account being registered.
     *
     * @param subject what the scope is of, for messages
     * @param network the local network that manages it
     * @param industry its industry
     * @throws InvalidArgumentException naming the argument that is null or blank
     */
    public AccessScope(String subject, LocalNetworkId network, Industry industry) {
        this(subject, network, industry, Optional.empty());
    }

    /**
     * Whether the recorded manager is the given user.
     *
     * @param user a user id
     * @return true when there is a manager and it is {@code user}
     * @throws InvalidArgumentException when {@code user} is null
     */
    public boolean isManagedBy(UserId user) {
        Require.nonNull(user, "user");
        return manager.filter(user::equals).isPresent();
    }

    /** The subject, its network, industry and account manager, for messages. */
    @Override
    public String toString() {
        return subject + " (network " + network + ", industry " + industry
                + manager.map(m -> ", account manager " + m).orElse(", no account manager") + ")";
    }
}
