package dev.keyline.memory.authority;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The price authorisations of an {@link InMemoryStorage}, with their decisions. */
final class InMemoryPriceAuthorisationRepository
        extends InMemoryAggregateRepository<PriceAuthorisation, PriceAuthorisationId, PriceAuthorisationSnapshot>
        implements PriceAuthorisationRepository {

    private static final Comparator<PriceAuthorisationSnapshot> BY_REQUEST_TIME = Comparator
            .comparing(PriceAuthorisationSnapshot::requestedAt)
            .thenComparing(s -> s.id().value());

    InMemoryPriceAuthorisationRepository(InMemoryStorage storage) {
        super(storage, "price authorisation", PriceAuthorisationSnapshot.class, PriceAuthorisation::snapshot, PriceAuthorisation::restore);
    }

    @Override
    public List<PriceAuthorisation> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return table().scan(s -> account.equals(s.account())).sorted(BY_REQUEST_TIME).map(this::restore).toList();
    }

    @Override
    public Stream<PriceAuthorisation> byStatus(PriceAuthorisationState status) {
        Require.nonNull(status, "status");
        return table().scan(s -> s.state() == status).sorted(BY_REQUEST_TIME).map(this::restore);
    }
}
