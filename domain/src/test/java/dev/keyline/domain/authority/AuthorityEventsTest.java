package dev.keyline.domain.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Role;

class AuthorityEventsTest {

    private static final EventId EVENT = EventId.random();
    private static final Instant AT = Instant.parse("2024-03-04T09:00:00Z");
    private static final PriceAuthorisationId ID = new PriceAuthorisationId("PA-1");
    private static final AccountId BANK = new AccountId("A-BANK");
    private static final ProductCode DDN = new ProductCode("DDN");
    private static final UserId WANG = new UserId("wang.am");
    private static final UserId SUN = new UserId("sun.fm");

    @Test
    void eachEventHasItsStableTypeAndAddressesTheRoleThatMustAct() {
        PriceRequested requested = new PriceRequested(EVENT, AT, ID, BANK, DDN, Money.cny("1000.00"), Money.cny("700.00"),
                new BigDecimal("0.3"), true, Money.cny("800.00"), WANG, Role.FINANCIAL_MANAGER, "competitor");
        assertThat(requested.type()).isEqualTo(PriceRequested.TYPE).isEqualTo("authority.price-requested");
        assertThat(requested.audience().role()).isEqualTo("FINANCIAL_MANAGER");
        assertThat(requested.audience().subject()).contains("below the floor price 800.00 CNY")
                .contains("DEPARTMENT_GENERAL_MANAGER");

        PriceApprovalRecorded recorded = new PriceApprovalRecorded(EVENT, AT, ID, BANK, DDN, SUN,
                Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(recorded.type()).isEqualTo("authority.price-approval-recorded");
        assertThat(recorded.audience().role()).isEqualTo("DEPARTMENT_GENERAL_MANAGER");

        PriceRejected rejected = new PriceRejected(EVENT, AT, ID, BANK, DDN, Money.cny("700.00"), WANG, SUN,
                Role.FINANCIAL_MANAGER, "margin negative");
        assertThat(rejected.type()).isEqualTo("authority.price-rejected");
        assertThat(rejected.audience().role()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(rejected.audience().accountId()).isEqualTo("A-BANK");

        PriceWithdrawn withdrawn = new PriceWithdrawn(EVENT, AT, ID, BANK, DDN, WANG, Role.INDUSTRY_MANAGER, "lost");
        assertThat(withdrawn.type()).isEqualTo("authority.price-withdrawn");
        assertThat(withdrawn.aggregateId()).isEqualTo("PA-1");
    }

    @Test
    void approvedEventsNeedOneRolePerApprover() {
        assertThatThrownBy(() -> new PriceApproved(EVENT, AT, ID, BANK, DDN, Money.cny("700.00"), WANG, List.of(SUN),
                List.of())).isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("roles"));
        assertThatThrownBy(() -> new PriceApproved(EVENT, AT, ID, BANK, DDN, Money.cny("700.00"), WANG, List.of(),
                List.of())).isInstanceOfSatisfying(InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("approvedBy"));
    }

    @Test
    void eventsRejectMissingParts() {
        assertThatThrownBy(() -> new PriceRequested(EVENT, AT, ID, BANK, DDN, Money.cny("1000.00"), Money.cny("700.00"),
                new BigDecimal("0.3"), false, null, WANG, null, "r"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("addressedTo"));
        assertThatThrownBy(() -> new PriceWithdrawn(EVENT, null, ID, BANK, DDN, WANG, Role.INDUSTRY_MANAGER, "r"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("occurredAt"));
        assertThatThrownBy(() -> new FloorPriceSet(EVENT, AT, new FloorPriceListId("SZ"), DDN, null, null, SUN))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("price"));
    }
}
