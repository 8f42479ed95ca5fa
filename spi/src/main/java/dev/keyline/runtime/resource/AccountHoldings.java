package dev.keyline.runtime.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.ReservedUnits;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.UnitSet;
import java.util.List;

/**
 * What a key account holds in one pool.
 *
 * @param pool the pool
 * @param account the key account
 * @param allocations its allocations there
 * @param reservations the units reserved for its open reservations there
 */
public record AccountHoldings(PoolId pool, AccountId account, List<Allocation> allocations,
        List<ReservedUnits> reservations) {

    /**
     * Validates and copies the lists.
     *
     * @param pool the pool
     * @param account the key account
     * @param allocations its allocations there
     * @param reservations the units reserved for its open reservations there
     */
    public AccountHoldings {
        Require.nonNull(pool, "pool");
        Require.nonNull(account, "account");
        allocations = Require.nonNullElements(allocations, "allocations");
        reservations = Require.nonNullElements(reservations, "reservations");
    }

    static AccountHoldings of(ResourcePool pool, AccountId account) {
        return new AccountHoldings(pool.id(), account,
                pool.allocations().stream().filter(a -> a.holder().equals(account)).toList(),
                pool.reservations().stream().filter(r -> r.holder().equals(account)).toList());
    }

    /**
     * Every unit the account holds in the pool, allocated or reserved.
     *
     * @return the units
     */
    public UnitSet units() {
        UnitSet all = UnitSet.EMPTY;
        for (Allocation a : allocations) {
            all = all.union(a.units());
        }
        for (ReservedUnits r : reservations) {
            all = all.union(r.units());
        }
        return all;
    }
}
