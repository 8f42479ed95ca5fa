package dev.keyline.tck.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything the key-account area holds in a storage, read in one transaction, so a test can
 * compare the storage before and after a command: every key account, the spend facts, results and
 * plans of the given networks' accounts, every price request, the given floor price lists and the
 * whole outbox.
 *
 * @param accounts every key account, by id
 * @param spendFacts the spend facts of the given networks, in the repository's order
 * @param results the classification history of each given network
 * @param plans every plan of the stored accounts, by account
 * @param priceRequests every price request, by state
 * @param floorLists the given floor price lists
 * @param outbox every outbox entry, by status
 */
public record AreaState(Map<String, KeyAccountSnapshot> accounts, List<SpendFact> spendFacts,
        Map<String, List<ClassificationResult>> results, Map<String, List<AccountPlanSnapshot>> plans,
        Map<PriceAuthorisationState, List<PriceAuthorisationSnapshot>> priceRequests,
        Map<String, Optional<FloorPriceListSnapshot>> floorLists, Map<DeliveryStatus, List<OutboxEntry>> outbox) {

    private static final YearMonth FIRST = YearMonth.of(2000, 1);
    private static final YearMonth LAST = YearMonth.of(2099, 12);
    private static final int ALL = 100_000;

    /**
     * Reads the state.
     *
     * @param storage the storage
     * @param networks the networks whose facts and results to read
     * @param floorLists the floor price lists to read
     * @return the state
     */
    public static AreaState of(StorageProvider storage, List<LocalNetworkId> networks, List<FloorPriceListId> floorLists) {
        return storage.transactions().execute(() -> {
            Map<String, KeyAccountSnapshot> accounts = new TreeMap<>();
            for (AccountStatus status : AccountStatus.values()) {
                try (Stream<KeyAccount> stream = storage.port(KeyAccountRepository.class).byStatus(status)) {
                    stream.forEach(a -> accounts.put(a.id().value(), a.snapshot()));
                }
            }
            List<SpendFact> facts = new ArrayList<>();
            Map<String, List<ClassificationResult>> results = new TreeMap<>();
            for (LocalNetworkId network : networks) {
                try (Stream<SpendFact> stream = storage.port(SpendFactRepository.class).byNetworkAndMonths(network, FIRST, LAST)) {
                    stream.forEach(facts::add);
                }
                results.put(network.value(), storage.port(ClassificationResultRepository.class).history(network));
            }
            Map<String, List<AccountPlanSnapshot>> plans = new TreeMap<>();
            for (String id : accounts.keySet()) {
                plans.put(id, storage.port(AccountPlanRepository.class).byAccount(new AccountId(id)).stream().map(AccountPlan::snapshot).toList());
            }
            Map<PriceAuthorisationState, List<PriceAuthorisationSnapshot>> requests = new TreeMap<>();
            for (PriceAuthorisationState state : PriceAuthorisationState.values()) {
                try (Stream<PriceAuthorisation> stream = storage.port(PriceAuthorisationRepository.class).byStatus(state)) {
                    requests.put(state, stream.map(PriceAuthorisation::snapshot).toList());
                }
            }
            Map<String, Optional<FloorPriceListSnapshot>> lists = new TreeMap<>();
            for (FloorPriceListId id : floorLists) {
                lists.put(id.value(), storage.port(FloorPriceListRepository.class).find(id).map(FloorPriceList::snapshot));
            }
            Map<DeliveryStatus, List<OutboxEntry>> outbox = new TreeMap<>();
            for (DeliveryStatus status : DeliveryStatus.values()) {
                List<OutboxEntry> entries = new ArrayList<>(storage.outbox().list(status, ALL));
                entries.sort(Comparator.comparingLong(OutboxEntry::sequence));
                outbox.put(status, List.copyOf(entries));
            }
            return new AreaState(accounts, List.copyOf(facts), results, plans, requests, lists, outbox);
        });
    }

    /** Every outbox entry, whatever its status, in sequence order. */
    public List<OutboxEntry> outboxEntries() {
        return outbox.values().stream().flatMap(List::stream).sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .toList();
    }
}
