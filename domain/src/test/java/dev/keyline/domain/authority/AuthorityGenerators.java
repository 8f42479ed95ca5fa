package dev.keyline.domain.authority;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.KernelGenerators;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

/**
 * QuickTheories generators for the authority area: actors, account scopes, authority matrices,
 * offers, floor prices and random command sequences for {@link PriceAuthorisation} and
 * {@link FloorPriceList}. Public so that other modules' tests (through the domain test-jar) can
 * reuse them.
 *
 * <p>Ids come from small pools so that generated values collide often: the same user requests and
 * approves, an account manager manages the account in scope, and so on.
 */
public final class AuthorityGenerators {

    /** The currency every generated price is in. */
    public static final Currency CNY = Currency.getInstance("CNY");

    /** The instant generated requests start from. */
    public static final Instant EPOCH = Instant.parse("2024-03-01T08:00:00Z");

    private static final List<UserId> USERS = List.of(new UserId("u1"), new UserId("u2"), new UserId("u3"),
            new UserId("u4"), new UserId("u5"), new UserId("u6"));
    private static final List<AccountId> ACCOUNTS = List.of(new AccountId("A1"), new AccountId("A2"),
            new AccountId("A3"), new AccountId("A4"));
    private static final List<LocalNetworkId> NETWORKS = List.of(new LocalNetworkId("SZ"), new LocalNetworkId("KM"));
    private static final List<ProductCode> PRODUCTS = List.of(new ProductCode("DDN"), new ProductCode("FR"),
            new ProductCode("ADSL"));

    private AuthorityGenerators() {
    }

    /** User ids from a pool of six. */
    public static Gen<UserId> userIds() {
        return Generate.pick(USERS);
    }

    /** Account ids from a pool of four. */
    public static Gen<AccountId> accountIds() {
        return Generate.pick(ACCOUNTS);
    }

    /** Local network ids from a pool of two. */
    public static Gen<LocalNetworkId> networks() {
        return Generate.pick(NETWORKS);
    }

    /** Product codes from a pool of three. */
    public static Gen<ProductCode> products() {
        return Generate.pick(PRODUCTS);
    }

    /** Any industry. */
    public static Gen<Industry> industries() {
        return Generate.enumValues(Industry.class);
    }

    /** Any role. */
    public static Gen<Role> roles() {
        return Generate.enumValues(Role.class);
    }

    /** Non-empty sets of one to three roles. */
    public static Gen<Set<Role>> roleSets() {
        return lists().of(roles()).ofSizeBetween(1, 3).map(list -> (Set<Role>) EnumSet.copyOf(list));
    }

    /** Random valid actors: a user, one to three roles and industries when an industry manager. */
    public static Gen<Actor> actors() {
        Gen<List<Industry>> industries = lists().of(industries()).ofSizeBetween(0, 3);
        return userIds().zip(roleSets(), industries, (user, roles, led) -> new Actor(user, roles,
                roles.contains(Role.INDUSTRY_MANAGER) ? new HashSet<>(led) : Set.of()));
    }

    /** Actors biased towards the approvers of commercial authorisation (FM, DGM, GM, IM). */
    public static Gen<Actor> approvers() {
        Gen<Actor> seniors = userIds().zip(Generate.pick(List.of(Role.GENERAL_MANAGER, Role.INDUSTRY_MANAGER)),
                (user, role) -> Actor.withRoles(user, role));
        return Generate.frequency(List.of(
                Pair.of(2, userIds().map(u -> Actor.withRoles(u, Role.FINANCIAL_MANAGER))),
                Pair.of(2, userIds().map(u -> Actor.withRoles(u, Role.DEPARTMENT_GENERAL_MANAGER))),
                Pair.of(1, userIds().map(u -> Actor.withRoles(u, Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER))),
                Pair.of(2, seniors),
                Pair.of(2, actors())));
    }

    /**
     * Access scopes of key accounts over the pools of accounts, networks and users and any industry,
     * with an account manager from the user pool or, now and then, none.
     */
    public static Gen<AccessScope> accessScopes() {
        Gen<Optional<UserId>> managers = Generate.frequency(Pair.of(4, userIds().map(Optional::of)),
                Pair.of(1, Generate.constant(Optional.<UserId>empty())));
        return accountIds().zip(networks(), industries(), managers, AccountId::accessScope);
    }

    /** Discount fractions on a grid of whole percent, 0.00 to 1.00. */
    public static Gen<BigDecimal> discountFractions() {
        return integers().between(0, 100).map(percent -> BigDecimal.valueOf(percent, 2));
    }

    /**
     * Authority matrices of zero to six roles, each with a maximum on the whole-percent grid or, now
     * and then, with every one of the twelve decimals the domain keeps.
     */
    public static Gen<AuthorityMatrix> authorityMatrices() {
        Gen<BigDecimal> maximums = Generate.frequency(Pair.of(10, discountFractions()),
                Pair.of(1, Generate.pick(List.of(new BigDecimal("0.123456789012"), new BigDecimal("0.999999999999")))));
        Gen<Map.Entry<Role, BigDecimal>> entry = roles().zip(maximums, Map::entry);
        return lists().of(entry).ofSizeBetween(0, 6).map(entries -> {
            Map<Role, BigDecimal> map = new EnumMap<>(Role.class);
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
            return AuthorityMatrix.of(map);
        });
    }

    /** An amount of CNY from a number of cents. */
    public static Money cents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), CNY);
    }

    /**
     * Valid offers: nearly half on a whole-percent discount grid (so discounts hit matrix maximums
     * exactly), nearly half with arbitrary offered prices between one cent and the list price, and a
     * few at the largest list price the domain stores.
     */
    public static Gen<PriceOffer> priceOffers() {
        Gen<PriceOffer> onGrid = accountIds().zip(products(), longs().between(1, 20_000), integers().between(0, 99),
                (account, product, listUnits, percent) -> new PriceOffer(account, product, cents(listUnits * 100),
                        cents(listUnits * (100 - percent))));
        Gen<PriceOffer> arbitrary = accountIds().zip(products(), longs().between(1, 2_000_000),
                longs().between(1, 2_000_000), (account, product, a, b) -> new PriceOffer(account, product,
                        cents(Math.max(a, b)), cents(Math.min(a, b))));
        // the largest list price the domain stores, with offers far below it and at it
        Gen<PriceOffer> largest = accountIds().zip(products(), longs().between(1, 9_000_000_000_000_000_000L),
                (account, product, offered) -> new PriceOffer(account, product, Money.cny(Limits.MAX_MONEY),
                        cents(offered)));
        return Generate.frequency(Pair.of(5, onGrid), Pair.of(5, arbitrary), Pair.of(1, largest));
    }

    /**
     * A floor price relative to an offer: none, below, equal to or above the offered price.
     *
     * @param offer the offer
     * @return the floor price in cents, or empty for none
     */
    public static Gen<Optional<Long>> floorCentsFor(PriceOffer offer) {
        long offered = offer.offeredPrice().amount().movePointRight(2).longValueExact();
        return integers().between(0, 3).zip(longs().between(1, 1_000), (kind, delta) -> switch (kind) {
            case 0 -> Optional.<Long>empty();
            case 1 -> Optional.of(Math.max(1, offered - delta));
            case 2 -> Optional.of(offered);
            default -> Optional.of(offered + delta);
        });
    }

    /**
     * A price request ready to be opened: the offer, the requester, the product's floor price (or
     * none) and the authority matrix in force.
     *
     * @param offer the price asked for
     * @param requester who asks
     * @param floorCents the floor price in cents, or empty when the product has none
     * @param matrix the authority matrix
     */
    public record PriceRequestSetup(PriceOffer offer, Actor requester, Optional<Long> floorCents,
            AuthorityMatrix matrix) {

        /** A floor price list holding this setup's floor price, set by a financial manager. */
        public FloorPriceList floorPrices() {
            FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
            floorCents.ifPresent(floor -> list.setFloorPrice(
                    Actor.withRoles(new UserId("finance"), Role.FINANCIAL_MANAGER), offer.product(), cents(floor),
                    EPOCH.minus(Duration.ofDays(1))));
            return list;
        }

        /** Opens the request at {@link AuthorityGenerators#EPOCH}. */
        public PriceAuthorisation open(PriceAuthorisationId id) {
            return PriceAuthorisation.request(id, offer, requester, "customer asks for a better price", floorPrices(),
                    matrix, EPOCH);
        }
    }

    /** Price requests with random offers, requesters, floor prices and matrices. */
    public static Gen<PriceRequestSetup> priceRequests() {
        return priceOffers().flatMap(offer -> actors().zip(floorCentsFor(offer), authorityMatrices(),
                (requester, floor, matrix) -> new PriceRequestSetup(offer, requester, floor, matrix)));
    }

    /** A command on a {@link PriceAuthorisation}, applied at a time relative to the previous one. */
    public sealed interface PriceCommand permits Approve, Reject, Withdraw {

        /** Who acts. */
        Actor actor();

        /** The reason given (blank in some commands, which must be refused). */
        String reason();

        /** Minutes after the previous command (negative in some, which must be refused). */
        long minutesLater();
    }

    /**
     * Approve with a matrix (the request's own or another).
     *
     * @param actor who approves
     * @param matrix the matrix in force, or empty to use the request's own
     * @param reason why
     * @param minutesLater minutes after the previous command
     */
    public record Approve(Actor actor, Optional<AuthorityMatrix> matrix, String reason, long minutesLater) implements PriceCommand {
    }

    /**
     * Reject with a matrix (the request's own or another).
     *
     * @param actor who rejects
     * @param matrix the matrix in force, or empty to use the request's own
     * @param reason why
     * @param minutesLater minutes after the previous command
     */
    public record Reject(Actor actor, Optional<AuthorityMatrix> matrix, String reason, long minutesLater) implements PriceCommand {
    }

    /**
     * Withdraw, by the requester when {@code byRequester}, otherwise by {@code actor}.
     *
     * @param actor who withdraws when not the requester
     * @param byRequester whether the requester withdraws
     * @param reason why
     * @param minutesLater minutes after the previous command
     */
    public record Withdraw(Actor actor, boolean byRequester, String reason, long minutesLater) implements PriceCommand {
    }

    private static Gen<String> reasons() {
        return Generate.frequency(List.of(
                Pair.of(12, Generate.pick(List.of("within budget", "strategic customer",
                        "competitor offers less"))),
                Pair.of(2, KernelGenerators.boundaryTexts(Limits.TEXT_LENGTH)),
                Pair.of(1, Generate.constant(" "))));
    }

    private static Gen<Long> minutesLater() {
        return Generate.frequency(List.of(
                Pair.of(12, longs().between(0, 600)),
                Pair.of(1, longs().between(-600, -1))));
    }

    private static Gen<Optional<AuthorityMatrix>> ownOrOtherMatrix() {
        return Generate.frequency(List.of(
                Pair.of(4, Generate.constant(Optional.<AuthorityMatrix>empty())),
                Pair.of(1, authorityMatrices().map(Optional::of))));
    }

    /** Single commands: approvals most often, then rejections and withdrawals. */
    public static Gen<PriceCommand> priceCommands() {
        Gen<PriceCommand> approve = approvers().zip(ownOrOtherMatrix(), reasons(), minutesLater(), Approve::new);
        Gen<PriceCommand> reject = approvers().zip(ownOrOtherMatrix(), reasons(), minutesLater(), Reject::new);
        Gen<PriceCommand> withdraw = actors().zip(Generate.booleans(), reasons(), minutesLater(), Withdraw::new);
        return Generate.frequency(List.of(
                Pair.of(6, approve),
                Pair.of(2, reject),
                Pair.of(1, withdraw)));
    }

    /** Sequences of zero to eight commands. */
    public static Gen<List<PriceCommand>> priceCommandSequences() {
        return lists().of(priceCommands()).ofSizeBetween(0, 8);
    }

    /**
     * Setting a floor price: who sets it, for which product, at which price (zero or negative in
     * some, which must be refused) and how many minutes after the previous setting (negative in some).
     *
     * @param actor who sets it
     * @param product the product
     * @param priceCents the price in cents
     * @param minutesLater minutes after the previous command
     */
    public record SetFloorPrice(Actor actor, ProductCode product, long priceCents, long minutesLater) {
    }

    /** Floor-price settings, by financial managers most of the time. */
    public static Gen<SetFloorPrice> floorPriceSettings() {
        Gen<Actor> setters = Generate.frequency(List.of(
                Pair.of(3, userIds().map(u -> Actor.withRoles(u, Role.FINANCIAL_MANAGER))),
                Pair.of(1, actors())));
        Gen<Long> prices = Generate.frequency(List.of(
                Pair.of(10, longs().between(1, 1_000_000)),
                Pair.of(1, longs().between(-100, 0))));
        return setters.zip(products(), prices, minutesLater(), SetFloorPrice::new);
    }
}
