package dev.keyline.spi.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.spi.AggregateRepository;
import java.util.List;
import java.util.stream.Stream;

/**
 * Requests for commercial authorisation (商务授权) with every decision taken on them: who approved,
 * rejected or withdrew, when, why and on what authority. Saving follows
 * {@link AggregateRepository}; the decisions are saved with the request.
 */
public interface PriceAuthorisationRepository extends AggregateRepository<PriceAuthorisation, PriceAuthorisationId> {

    /**
     * Every request made for one key account.
     *
     * @param account the key account
     * @return the requests ordered by request time, then id
     */
    List<PriceAuthorisation> byAccount(AccountId account);

    /**
     * The requests in one state, for example the open ones awaiting approvers.
     *
     * @param status the state
     * @return a stream ordered by request time, then id; close it after use
     */
    Stream<PriceAuthorisation> byStatus(PriceAuthorisationState status);
}
