package dev.keyline.domain.account;

import static dev.keyline.domain.account.AccountGenerators.keyAccountCommandSequences;
import static dev.keyline.domain.account.AccountGenerators.keyAccountSnapshots;
import static dev.keyline.domain.account.AccountGenerators.registeredAccounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class KeyAccountProperties {

    /** The legal status transitions, written out independently of {@link AccountStatus#next()}. */
    private static final Map<AccountStatus, Set<AccountStatus>> LEGAL = Map.of(
            AccountStatus.PROSPECT, EnumSet.of(AccountStatus.ACTIVE, AccountStatus.EXITED),
            AccountStatus.ACTIVE, EnumSet.of(AccountStatus.CHURN_WARNING, AccountStatus.EXITED),
            AccountStatus.CHURN_WARNING, EnumSet.of(AccountStatus.ACTIVE, AccountStatus.EXITED),
            AccountStatus.EXITED, EnumSet.noneOf(AccountStatus.class));

    @Test
    void everyCommandKeepsEveryInvariantAndEveryRejectionChangesNothing() {
        Map<String, int[]> outcomes = new java.util.TreeMap<>();
        qt().withExamples(500).forAll(registeredAccounts(), keyAccountCommandSequences()).checkAssert((account, commands) -> {
            checkInvariants(account.snapshot());
            for (KeyAccountCommand command : commands) {
                KeyAccountSnapshot before = account.snapshot();
                int eventsBefore = account.pendingEvents().size();
                Instant at = before.lastChangedAt().plusSeconds(command.secondsAfterLastChange());
                boolean expected = expectedAccepted(before, command);
                boolean accepted;
                try {
                    command.applyTo(account);
                    accepted = true;
                } catch (KeylineException rejected) {
                    accepted = false;
                }
                KeyAccountSnapshot after = account.snapshot();
                assertThat(accepted).as("accepted %s in %s", command, before).isEqualTo(expected);
                outcomes.computeIfAbsent(command.getClass().getSimpleName(), k -> new int[2])[accepted ? 0 : 1]++;
                checkInvariants(after);
                assertThat(after.version()).isEqualTo(before.version());
                List<DomainEvent> events = account.pendingEvents();
                if (!accepted) {
                    assertThat(after).as("state after rejected %s", command).isEqualTo(before);
                    assertThat(events).hasSize(eventsBefore);
                    continue;
                }
                assertThat(LEGAL.get(before.status()).contains(after.status()) || before.status() == after.status())
                        .as("%s -> %s", before.status(), after.status()).isTrue();
                checkHistoryGrowth(before, after);
                checkEffect(before, after, command, at);
                boolean noOp = after.equals(before);
                assertThat(events).hasSize(eventsBefore + (noOp ? 0 : 1));
                if (!noOp) {
                    DomainEvent event = events.get(events.size() - 1);
                    assertThat(event.aggregateId()).isEqualTo(before.id().value());
                    assertThat(event.occurredAt()).isEqualTo(at);
                    assertThat(event.audience().role()).isEqualTo(KeyAccountEvent.ACCOUNT_MANAGER_ROLE);
                    assertThat(event.audience().organisationUnit()).isEqualTo(before.network().value());
                    assertThat(event.audience().accountId()).isEqualTo(before.id().value());
                    assertThat(after.lastChangedAt()).isEqualTo(at);
                }
            }
        });
        // the generators must reach both outcomes of every command, or the property proves little
        assertThat(outcomes).hasSize(10);
        outcomes.forEach((command, counts) -> {
            assertThat(counts[0]).as("%s accepted", command).isPositive();
            assertThat(counts[1]).as("%s rejected", command).isPositive();
        });
    }

    @Test
    void exitedAccountsAcceptNothing() {
        qt().withExamples(300).forAll(keyAccountSnapshots(), keyAccountCommandSequences()).checkAssert((snapshot, commands) -> {
            KeyAccount account = KeyAccount.restore(snapshot);
            if (account.status() != AccountStatus.EXITED) {
                account.exit("moved to a competitor", new UserId("u9"), account.lastChangedAt());
            }
            KeyAccountSnapshot exited = account.snapshot();
            for (KeyAccountCommand command : commands) {
                try {
                    command.applyTo(account);
                    fail("exited account accepted " + command);
                } catch (KeylineException expected) {
                    assertThat(account.snapshot()).isEqualTo(exited);
                }
            }
        });
    }

    @Test
    void snapshotAndRestoreRoundTrip() {
        qt().withExamples(500).forAll(keyAccountSnapshots()).checkAssert(snapshot -> {
            KeyAccount restored = KeyAccount.restore(snapshot);
            assertThat(restored.snapshot()).isEqualTo(snapshot);
            assertThat(restored.pendingEvents()).isEmpty();
            assertThat(restored.version()).isEqualTo(snapshot.version());
        });
    }

    @Test
    void restoringACorruptedSnapshotFails() {
        qt().withExamples(500).forAll(keyAccountSnapshots(), integers().between(0, CORRUPTIONS.size() - 1)).checkAssert((snapshot, which) -> {
            KeyAccountSnapshot corrupted = CORRUPTIONS.get(which).apply(snapshot);
            assertThatThrownBy(() -> KeyAccount.restore(corrupted)).as("corruption %d of %s", which, snapshot)
                    .isInstanceOf(CorruptStateException.class);
        });
    }

    /** Each turns any valid snapshot into an invalid one. */
    private static final List<UnaryOperator<KeyAccountSnapshot>> CORRUPTIONS = List.of(
            s -> with(s).name(" ").build(),
            s -> with(s).tier(s.tier() == Tier.NONE ? Tier.LOCAL : Tier.NONE).build(),
            s -> with(s).status(AccountStatus.ACTIVE).accountManager(Optional.empty()).exit(Optional.empty(), Optional.empty()).build(),
            s -> with(s).status(AccountStatus.CHURN_WARNING).churn(List.of(), Optional.empty()).exit(Optional.empty(), Optional.empty()).build(),
            s -> s.status() == AccountStatus.EXITED
                    ? with(s).exit(Optional.empty(), Optional.empty()).build()
                    : with(s).exit(Optional.of("left"), Optional.of(s.lastChangedAt())).build(),
            s -> with(s).lastChangedAt(s.registeredAt().minusSeconds(1)).build(),
            s -> {
                Tier wrongFrom = s.tier() == Tier.POTENTIAL ? Tier.LOCAL : Tier.POTENTIAL;
                Tier to = s.tier() == Tier.NATIONAL ? Tier.LOCAL : Tier.NATIONAL;
                List<TierChange> history = new ArrayList<>(s.tierHistory());
                history.add(new TierChange(wrongFrom, to, s.lastChangedAt(), new UserId("u1"),
                        new TierChangeCause.ClassificationRun("share", java.time.LocalDate.of(2024, 7, 1))));
                return with(s).tier(to).history(history).build();
            },
            s -> with(s).version(-1).build(),
            s -> with(s).churn(null, s.churnWarningSince()).build(),
            s -> with(s).registeredBy(null).build(),
            s -> s.status() == AccountStatus.CHURN_WARNING
                    ? with(s).churn(List.of(s.churnSignals().get(0), s.churnSignals().get(0)), s.churnWarningSince()).build()
                    : with(s).churn(List.of(new ChurnSignal("r", ChurnSignalKind.OTHER, java.time.LocalDate.of(2024, 1, 1), "x")),
                            s.churnWarningSince()).build());

    static boolean expectedAccepted(KeyAccountSnapshot s, KeyAccountCommand c) {
        boolean usable = s.status() != AccountStatus.EXITED && c.secondsAfterLastChange() >= 0;
        if (c instanceof KeyAccountCommand.Activate) {
            return usable && s.status() == AccountStatus.PROSPECT && s.accountManager().isPresent();
        } else if (c instanceof KeyAccountCommand.AssignManager m) {
            return usable && !s.accountManager().equals(Optional.of(m.manager()));
        } else if (c instanceof KeyAccountCommand.AssignTeam t) {
            return usable && !s.team().equals(Optional.of(t.team()));
        } else if (c instanceof KeyAccountCommand.UpdateProfile p) {
            return usable && !s.profile().equals(p.profile());
        } else if (c instanceof KeyAccountCommand.FlagPotential f) {
            return usable && !s.potential().equals(f.flags());
        } else if (c instanceof KeyAccountCommand.Classify k) {
            return usable && !k.ruleName().isBlank();
        } else if (c instanceof KeyAccountCommand.OverrideTier o) {
            return usable && !o.reason().isBlank() && !o.requestedBy().equals(o.approvedBy()) && o.tier() != s.tier();
        } else if (c instanceof KeyAccountCommand.RaiseChurnWarning r) {
            return usable && !r.signals().isEmpty()
                    && (s.status() == AccountStatus.ACTIVE || s.status() == AccountStatus.CHURN_WARNING)
                    && !new HashSet<>(s.churnSignals()).containsAll(r.signals());
        } else if (c instanceof KeyAccountCommand.ClearChurnWarning) {
            return usable && s.status() == AccountStatus.CHURN_WARNING;
        } else if (c instanceof KeyAccountCommand.Exit e) {
            return usable && !e.reason().isBlank();
        }
        throw new AssertionError("unknown command " + c);
    }

    private static void checkEffect(KeyAccountSnapshot before, KeyAccountSnapshot after, KeyAccountCommand c, Instant at) {
        if (c instanceof KeyAccountCommand.Activate) {
            assertThat(after.status()).isEqualTo(AccountStatus.ACTIVE);
        } else if (c instanceof KeyAccountCommand.AssignManager m) {
            assertThat(after.accountManager()).contains(m.manager());
        } else if (c instanceof KeyAccountCommand.AssignTeam t) {
            assertThat(after.team()).contains(t.team());
        } else if (c instanceof KeyAccountCommand.UpdateProfile p) {
            assertThat(after.profile()).isEqualTo(p.profile());
        } else if (c instanceof KeyAccountCommand.FlagPotential f) {
            assertThat(after.potential()).isEqualTo(f.flags());
        } else if (c instanceof KeyAccountCommand.Classify k) {
            assertThat(after.tier()).isEqualTo(k.tier());
            if (before.tier() != k.tier()) {
                TierChange last = after.tierHistory().get(after.tierHistory().size() - 1);
                assertThat(last.cause()).isEqualTo(new TierChangeCause.ClassificationRun(k.ruleName(), k.runDate()));
                assertThat(last.by()).isEqualTo(k.by());
                assertThat(last.at()).isEqualTo(at);
            } else {
                assertThat(after).isEqualTo(before);
            }
        } else if (c instanceof KeyAccountCommand.OverrideTier o) {
            assertThat(after.tier()).isEqualTo(o.tier());
            TierChange last = after.tierHistory().get(after.tierHistory().size() - 1);
            assertThat(last.cause()).isEqualTo(new TierChangeCause.ManualOverride(o.reason(), o.approvedBy()));
            assertThat(last.by()).isEqualTo(o.requestedBy());
        } else if (c instanceof KeyAccountCommand.RaiseChurnWarning r) {
            assertThat(after.status()).isEqualTo(AccountStatus.CHURN_WARNING);
            assertThat(after.churnSignals()).containsAll(r.signals());
            assertThat(after.churnSignals().subList(0, before.churnSignals().size())).isEqualTo(before.churnSignals());
            assertThat(after.churnWarningSince()).isEqualTo(before.status() == AccountStatus.ACTIVE ? Optional.of(at) : before.churnWarningSince());
        } else if (c instanceof KeyAccountCommand.ClearChurnWarning) {
            assertThat(after.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(after.churnSignals()).isEmpty();
        } else if (c instanceof KeyAccountCommand.Exit e) {
            assertThat(after.status()).isEqualTo(AccountStatus.EXITED);
            assertThat(after.exitReason()).contains(e.reason().strip());
            assertThat(after.exitedAt()).contains(at);
            assertThat(after.tier()).isEqualTo(before.tier());
        }
    }

    private static void checkHistoryGrowth(KeyAccountSnapshot before, KeyAccountSnapshot after) {
        assertThat(after.tierHistory().subList(0, before.tierHistory().size())).isEqualTo(before.tierHistory());
        int grown = after.tierHistory().size() - before.tierHistory().size();
        assertThat(grown).isEqualTo(before.tier() == after.tier() ? 0 : 1);
    }

    /** Every invariant, written out independently of the aggregate's own checks. */
    static void checkInvariants(KeyAccountSnapshot s) {
        Tier tier = Tier.NONE;
        Instant previous = s.registeredAt();
        for (TierChange change : s.tierHistory()) {
            assertThat(change.from()).isEqualTo(tier);
            assertThat(change.to()).isNotEqualTo(change.from());
            assertThat(change.at()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(s.lastChangedAt());
            tier = change.to();
            previous = change.at();
        }
        assertThat(s.tier()).as("tier matches history").isEqualTo(tier);
        if (s.status() == AccountStatus.ACTIVE || s.status() == AccountStatus.CHURN_WARNING) {
            assertThat(s.accountManager()).as("served account has a manager").isPresent();
        }
        assertThat(s.churnSignals().isEmpty()).isEqualTo(s.status() != AccountStatus.CHURN_WARNING);
        assertThat(s.churnWarningSince().isPresent()).isEqualTo(s.status() == AccountStatus.CHURN_WARNING);
        assertThat(s.exitReason().isPresent()).isEqualTo(s.status() == AccountStatus.EXITED);
        assertThat(s.exitedAt().isPresent()).isEqualTo(s.status() == AccountStatus.EXITED);
        assertThat(s.lastChangedAt()).isAfterOrEqualTo(s.registeredAt());
        assertThat(KeyAccount.restore(s).snapshot()).isEqualTo(s);
    }

    private static SnapshotBuilder with(KeyAccountSnapshot s) {
        return new SnapshotBuilder(s);
    }

    /** Copies a snapshot with some fields replaced. */
    private static final class SnapshotBuilder {
        private final KeyAccountSnapshot s;
        private long version;
        private String name;
        private AccountStatus status;
        private Tier tier;
        private Optional<UserId> manager;
        private List<ChurnSignal> signals;
        private Optional<Instant> since;
        private Optional<String> exitReason;
        private Optional<Instant> exitedAt;
        private UserId registeredBy;
        private Instant lastChangedAt;
        private List<TierChange> history;

        SnapshotBuilder(KeyAccountSnapshot s) {
            this.s = s;
            version = s.version();
            name = s.name();
            status = s.status();
            tier = s.tier();
            manager = s.accountManager();
            signals = s.churnSignals();
            since = s.churnWarningSince();
            exitReason = s.exitReason();
            exitedAt = s.exitedAt();
            registeredBy = s.registeredBy();
            lastChangedAt = s.lastChangedAt();
            history = s.tierHistory();
        }

        SnapshotBuilder version(long v) {
            version = v;
            return this;
        }

        SnapshotBuilder name(String n) {
            name = n;
            return this;
        }

        SnapshotBuilder status(AccountStatus st) {
            status = st;
            return this;
        }

        SnapshotBuilder tier(Tier t) {
            tier = t;
            return this;
        }

        SnapshotBuilder accountManager(Optional<UserId> m) {
            manager = m;
            return this;
        }

        SnapshotBuilder churn(List<ChurnSignal> list, Optional<Instant> from) {
            signals = list;
            since = from;
            return this;
        }

        SnapshotBuilder exit(Optional<String> reason, Optional<Instant> at) {
            exitReason = reason;
            exitedAt = at;
            return this;
        }

        SnapshotBuilder registeredBy(UserId u) {
            registeredBy = u;
            return this;
        }

        SnapshotBuilder lastChangedAt(Instant t) {
            lastChangedAt = t;
            return this;
        }

        SnapshotBuilder history(List<TierChange> h) {
            history = h;
            return this;
        }

        KeyAccountSnapshot build() {
            return new KeyAccountSnapshot(s.id(), version, name, s.network(), s.industry(), s.profile(), s.potential(),
                    status, tier, manager, s.team(), signals, since, exitReason, exitedAt, registeredBy, s.registeredAt(),
                    lastChangedAt, history);
        }
    }
}
