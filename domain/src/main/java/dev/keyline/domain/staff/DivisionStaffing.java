package dev.keyline.domain.staff;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staffing (人员配备) of one industry division (行业部) of a key-account department: for each
 * role of the {@link RoleCatalogue}, the planned headcount and the people who fill it.
 *
 * <p>Invariants, kept by every command and checked again on restore:
 * <ul>
 *   <li>a role's filled headcount never exceeds its planned headcount. There is no silent
 *       overstaffing: to take on one more person, raise the plan first ({@link #planHeadcount}),
 *       which is itself the explicit, recorded decision; a plan below the filled headcount is
 *       refused until people are released;</li>
 *   <li>a person holds at most one position in the division;</li>
 *   <li>only the catalogue's nine roles are staffed; a headcount lies in 0..{@value #MAX_HEADCOUNT};</li>
 *   <li>changes are in time order: none is dated before the previous one.</li>
 * </ul>
 * A refused command throws before anything changes and records no event. Every change is kept in
 * an append-only history ({@link #history()}).
 */
public final class DivisionStaffing extends AggregateRoot<StaffingId> {

    /** The largest planned headcount of one role in one division. */
    public static final int MAX_HEADCOUNT = 10_000;

    private final Industry industry;
    private final List<StaffingChange> history = new ArrayList<>();
    private final Map<Role, Integer> planned = new EnumMap<>(Role.class);
    private final Map<UserId, Role> holders = new LinkedHashMap<>();

    private DivisionStaffing(StaffingId id, long version, Industry industry) {
        super(id, version);
        this.industry = industry;
    }

    /**
     * A new staffing with nothing planned (version 0, never saved).
     *
     * @param id the staffing's id
     * @param industry the industry division
     * @return the staffing
     * @throws InvalidArgumentException when an argument is null
     */
    public static DivisionStaffing open(StaffingId id, Industry industry) {
        return new DivisionStaffing(Require.nonNull(id, "id"), 0, Require.nonNull(industry, "industry"));
    }

    /**
     * Sets a role's planned headcount; raises {@link HeadcountPlanned}.
     *
     * @param role a role of the catalogue
     * @param headcount the planned headcount, 0..{@value #MAX_HEADCOUNT}, at least the role's filled headcount
     * @param by who plans it
     * @param at when; not before the last change
     * @return the role's position now
     * @throws InvalidArgumentException when an argument is null or out of range, the role is not
     *     in the catalogue, or {@code at} lies before the last change
     * @throws InvalidStateException when the headcount is below the people already filling the role
     */
    public Position planHeadcount(Role role, int headcount, UserId by, Instant at) {
        Require.nonNull(role, "role");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        requireStaffed(role);
        StaffingChange change = new StaffingChange(StaffingChangeKind.PLAN, role, headcount, null, by, at);
        int previous = plannedOf(role);
        apply(change);
        record(new HeadcountPlanned(EventId.random(), at, id(), industry, role, previous, headcount, by));
        return position(role);
    }

    /**
     * Assigns a person to a role; raises {@link PersonAssigned}.
     *
     * @param role a role of the catalogue with an open place
     * @param person the person; holding no position in this division
     * @param by who assigns them
     * @param at when; not before the last change
     * @return the role's position now
     * @throws InvalidArgumentException when an argument is null, the role is not in the catalogue,
     *     or {@code at} lies before the last change
     * @throws InvalidStateException when the role has no open place, or the person already holds a
     *     position in the division
     */
    public Position assign(Role role, UserId person, UserId by, Instant at) {
        Require.nonNull(role, "role");
        Require.nonNull(person, "person");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        requireStaffed(role);
        apply(new StaffingChange(StaffingChangeKind.ASSIGN, role, 0, person, by, at));
        record(new PersonAssigned(EventId.random(), at, id(), industry, role, person, filledOf(role), by));
        return position(role);
    }

    /**
     * Releases a person from their position; raises {@link PersonReleased}.
     *
     * @param person a person holding a position in the division
     * @param by who releases them
     * @param at when; not before the last change
     * @return the position the person left, as it is now
     * @throws InvalidArgumentException when an argument is null or {@code at} lies before the last change
     * @throws NotFoundException when the person holds no position in the division
     */
    public Position release(UserId person, UserId by, Instant at) {
        Require.nonNull(person, "person");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        Role role = holders.get(person);
        if (role == null) {
            throw new NotFoundException(person + " holds no position in the " + industry + " division " + id());
        }
        apply(new StaffingChange(StaffingChangeKind.RELEASE, role, 0, person, by, at));
        record(new PersonReleased(EventId.random(), at, id(), industry, role, person, filledOf(role), by));
        return position(role);
    }

    /** {@return the industry division} */
    public Industry industry() {
        return industry;
    }

    /**
     * A role's position: planned headcount and people.
     *
     * @param role the role
     * @return the position; a role never planned has headcount 0 and nobody
     * @throws InvalidArgumentException when {@code role} is null
     */
    public Position position(Role role) {
        Require.nonNull(role, "role");
        List<UserId> people = holders.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).toList();
        return new Position(role, plannedOf(role), people);
    }

    /**
     * Every role planned so far (including those planned down to 0), in the order of {@link Role}.
     *
     * @return the positions
     */
    public List<Position> positions() {
        return planned.keySet().stream().map(this::position).toList();
    }

    /**
     * The role a person holds in the division.
     *
     * @param person the person
     * @return the role, or empty when the person holds no position here
     * @throws InvalidArgumentException when {@code person} is null
     */
    public Optional<Role> roleOf(UserId person) {
        return Optional.ofNullable(holders.get(Require.nonNull(person, "person")));
    }

    /**
     * Every change, oldest first.
     *
     * @return the history
     */
    public List<StaffingChange> history() {
        return List.copyOf(history);
    }

    /**
     * The stored form of this staffing.
     *
     * @return an immutable snapshot
     */
    public DivisionStaffingSnapshot snapshot() {
        return new DivisionStaffingSnapshot(id(), version(), industry, history);
    }

    /**
     * Rebuilds a staffing from its stored form by replaying its history, checking every rule again.
     *
     * @param snapshot the stored form
     * @return the staffing
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming what is wrong when the id, industry or history is
     *     missing, the version is negative, or a change breaks a rule
     */
    public static DivisionStaffing restore(DivisionStaffingSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        if (snapshot.id() == null) {
            throw new CorruptStateException("division staffing: id is missing");
        }
        String name = "division staffing " + snapshot.id();
        if (snapshot.version() < 0) {
            throw new CorruptStateException(name + ": version is negative: " + snapshot.version());
        }
        if (snapshot.industry() == null) {
            throw new CorruptStateException(name + ": industry is missing");
        }
        if (snapshot.history() == null) {
            throw new CorruptStateException(name + ": history is missing");
        }
        DivisionStaffing staffing = new DivisionStaffing(snapshot.id(), snapshot.version(), snapshot.industry());
        for (int i = 0; i < snapshot.history().size(); i++) {
            StaffingChange change = snapshot.history().get(i);
            if (change == null) {
                throw new CorruptStateException(name + ": history[" + i + "] is missing");
            }
            try {
                staffing.requireStaffed(change.role());
                staffing.apply(change);
            } catch (KeylineException e) {
                throw new CorruptStateException(name + ": history[" + i + "]: " + e.getMessage(), e);
            }
        }
        return staffing;
    }

    private int plannedOf(Role role) {
        return planned.getOrDefault(role, 0);
    }

    private int filledOf(Role role) {
        return (int) holders.values().stream().filter(r -> r == role).count();
    }

    private void requireStaffed(Role role) {
        Require.that(RoleCatalogue.ROLES.contains(role), "role",
                () -> role + " is not a role of the catalogue; a division staffs only " + RoleCatalogue.ROLES);
    }

    /** Checks a change against the current state and applies it; throws before changing anything. */
    private void apply(StaffingChange change) {
        if (!history.isEmpty()) {
            Instant last = history.get(history.size() - 1).at();
            Require.that(!change.at().isBefore(last), "at",
                    () -> "the last change to " + id() + " was at " + last + "; a change may not be dated before it, was " + change.at());
        }
        Role role = change.role();
        switch (change.kind()) {
            case PLAN -> {
                int filled = filledOf(role);
                if (change.headcount() < filled) {
                    throw new InvalidStateException("cannot plan " + change.headcount() + " " + role + " in " + id()
                            + ": " + filled + " people fill the role; release people first");
                }
                planned.put(role, change.headcount());
            }
            case ASSIGN -> {
                Role held = holders.get(change.person());
                if (held != null) {
                    throw new InvalidStateException(change.person() + " already holds the position " + held + " in "
                            + id() + "; a person holds one position per division");
                }
                if (filledOf(role) >= plannedOf(role)) {
                    throw new InvalidStateException("no open place for " + role + " in " + id() + ": " + filledOf(role)
                            + " of " + plannedOf(role) + " planned are filled; raise the planned headcount first");
                }
                holders.put(change.person(), role);
            }
            case RELEASE -> {
                Role held = holders.get(change.person());
                if (held != role) {
                    throw new InvalidStateException(change.person() + " does not hold the position " + role + " in " + id());
                }
                holders.remove(change.person());
            }
            default -> throw new IllegalStateException("unknown change kind " + change.kind());
        }
        history.add(change);
    }
}
