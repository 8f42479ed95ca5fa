package dev.keyline.runtime.authority;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountManagerAssigned;
import dev.keyline.domain.account.AccountRegistered;
import dev.keyline.domain.authority.AccountStanding;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.authority.AccountStandingRepository;

/**
 * The reaction that keeps commercial authorisation's projection of the key accounts
 * ({@link AccountStanding}) from the key-account area's events: {@code account.registered} adds an
 * account, {@code account.manager-assigned} records its manager, {@code account.exited} marks it
 * exited. It runs on the relay like every reaction, in its own transaction, once per event.
 *
 * <p>An account's events arrive in order, so a manager assignment or an exit finds the account's
 * standing; if it does not (its registration was dead-lettered, say), the reaction fails with
 * {@link NotFoundException} and is retried, and replaying the registration's dead letter lets it
 * through.
 */
public final class AccountStandings {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "authority.account-standing";

    private AccountStandings() {
    }

    /**
     * The reaction over a storage provider that stores the authority area.
     *
     * @param storage the runtime's storage provider
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store the authority area
     */
    public static Reaction reaction(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        AccountStandingRepository standings = storage.port(AccountStandingRepository.class);
        return Reaction.of(REACTION, (event, context) -> apply(standings, event), AccountRegistered.TYPE,
                AccountManagerAssigned.TYPE, AccountExited.TYPE);
    }

    private static void apply(AccountStandingRepository standings, DomainEvent event) {
        if (event instanceof AccountRegistered registered) {
            standings.put(AccountStanding.registered(registered.account(), registered.network(), registered.industry()));
        } else if (event instanceof AccountManagerAssigned assigned) {
            standings.put(known(standings, assigned.account(), event).withManager(assigned.accountManager()));
        } else if (event instanceof AccountExited exited) {
            standings.put(known(standings, exited.account(), event).asExited());
        } else {
            throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                    + event.type() + "'");
        }
    }

    private static AccountStanding known(AccountStandingRepository standings, AccountId account, DomainEvent event) {
        return standings.find(account).orElseThrow(() -> new NotFoundException("key account " + account
                + " is not known to commercial authorisation, so its " + event.type() + " event " + event.eventId()
                + " cannot be applied; its account.registered event has not been applied (is it dead-lettered?)"));
    }
}
