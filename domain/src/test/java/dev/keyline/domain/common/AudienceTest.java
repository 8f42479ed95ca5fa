package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AudienceTest {

    @Test
    void holdsOnlyASubjectByDefault() {
        Audience a = Audience.of("SLA limit reached");
        assertThat(a.subject()).isEqualTo("SLA limit reached");
        assertThat(a.role()).isNull();
        assertThat(a.organisationUnit()).isNull();
        assertThat(a.accountId()).isNull();
        assertThat(a.stationId()).isNull();
        assertThat(a.roleIfSet()).isEmpty();
    }

    @Test
    void addsEachPartWithoutChangingTheOthers() {
        Audience a = Audience.of("fault overdue").withRole("ACCOUNT_MANAGER").withOrganisationUnit("SZ")
                .withAccount("ACC-1").withStation("ST-9");
        assertThat(a).isEqualTo(new Audience("ACCOUNT_MANAGER", "SZ", "ACC-1", "ST-9", "fault overdue"));
        assertThat(a.roleIfSet()).contains("ACCOUNT_MANAGER");
        assertThat(a.withRole("FINANCIAL_MANAGER").organisationUnit()).isEqualTo("SZ");
        assertThat(a.withStation(null).stationId()).isNull();
        assertThat(a.withStation(null).accountId()).isEqualTo("ACC-1");
    }

    @Test
    void treatsBlankPartsAsAbsent() {
        Audience a = new Audience(" ", "", "\t", " ", "subject");
        assertThat(a).isEqualTo(Audience.of("subject"));
    }

    @Test
    void requiresASubject() {
        assertThatThrownBy(() -> Audience.of(null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("subject"));
        assertThatThrownBy(() -> Audience.of("  "))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("subject"));
    }

    @Test
    void anEventsDefaultAudienceNamesItsTypeAndAggregate() {
        DomainEvent event = new DomainEvent() {
            private final EventId id = EventId.random();

            @Override
            public EventId eventId() {
                return id;
            }

            @Override
            public Instant occurredAt() {
                return Instant.EPOCH;
            }

            @Override
            public String aggregateId() {
                return "WO-7";
            }

            @Override
            public String type() {
                return "workorder.stage-overdue";
            }
        };
        assertThat(event.audience()).isEqualTo(Audience.of("workorder.stage-overdue WO-7"));
    }

    @Test
    void anOverlongSubjectIsShortenedWithAnEllipsisAndShortOnesAreKept() {
        String exact = "s".repeat(Audience.MAX_SUBJECT_LENGTH);
        assertThat(Audience.of(exact).subject()).isEqualTo(exact);

        Audience shortened = Audience.of("r".repeat(Audience.MAX_SUBJECT_LENGTH + 2500));
        assertThat(shortened.subject()).hasSize(Audience.MAX_SUBJECT_LENGTH).endsWith("\u2026")
                .startsWith("r".repeat(Audience.MAX_SUBJECT_LENGTH - 1));
    }

    @Test
    void shorteningNeverSplitsASurrogatePair() {
        String clef = "\uD834\uDD1E"; // one code point, two chars
        String subject = "a".repeat(Audience.MAX_SUBJECT_LENGTH - 2) + clef + "tail";
        String kept = Audience.of(subject).subject();
        assertThat(kept).endsWith("\u2026");
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 2))).isFalse();
        assertThat(kept.length()).isLessThanOrEqualTo(Audience.MAX_SUBJECT_LENGTH);
    }
}
