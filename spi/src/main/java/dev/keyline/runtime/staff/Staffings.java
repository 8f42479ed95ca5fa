package dev.keyline.runtime.staff;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.staff.DivisionStaffing;
import dev.keyline.domain.staff.DivisionStaffingSnapshot;
import dev.keyline.domain.staff.Position;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.staff.DivisionStaffingRepository;

/**
 * The staffing (人员配备) of industry divisions run through the runtime.
 *
 * <p><b>Access.</b> Opening a division's staffing and planning its headcount is for the
 * {@link Role#DEPARTMENT_GENERAL_MANAGER}, who manages the department's staff (部门人事管理).
 * Assigning and releasing people is for the department general manager and for an
 * {@link Role#INDUSTRY_MANAGER} who leads the division's industry. A refused command throws
 * {@link NotAuthorisedException} before anything changes.
 *
 * <p>Every command runs through {@link ServiceSteps}: loaded, checked, changed, saved with the
 * version check and its {@code staff.*} events written in the same transaction. Immutable and
 * thread-safe.
 */
public final class Staffings {

    private final ServiceSteps steps;
    private final DivisionStaffingRepository staffings;

    private Staffings(Keyline keyline) {
        this.steps = ServiceSteps.on(keyline);
        this.staffings = keyline.storage().port(DivisionStaffingRepository.class);
    }

    /**
     * The staffing service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the staff area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store it
     */
    public static Staffings on(Keyline keyline) {
        return new Staffings(Require.nonNull(keyline, "keyline"));
    }

    /**
     * Opens the staffing of an industry division, with nothing planned.
     *
     * @param manager the department general manager
     * @param id the staffing's id
     * @param industry the division's industry
     * @return the new staffing
     * @throws NotAuthorisedException when the manager is not the department general manager
     * @throws dev.keyline.domain.common.AlreadyExistsException when the id is taken
     */
    public DivisionStaffingSnapshot open(Actor manager, StaffingId id, Industry industry) {
        Require.nonNull(manager, "manager");
        Require.nonNull(id, "id");
        Require.nonNull(industry, "industry");
        return steps.create(staffings, ctx -> {
            requireGeneralManager(manager, "open the staffing " + id);
            return DivisionStaffing.open(id, industry);
        }, DivisionStaffing::snapshot);
    }

    /**
     * Sets a role's planned headcount; raises {@code staff.headcount-planned}.
     *
     * @param manager the department general manager
     * @param id the staffing
     * @param role the role
     * @param headcount the planned headcount; at least the people filling the role
     * @return the role's position
     * @throws NotAuthorisedException when the manager is not the department general manager
     * @throws NotFoundException when there is no such staffing
     * @throws dev.keyline.domain.common.InvalidStateException when the headcount is below the filled one
     */
    public Position planHeadcount(Actor manager, StaffingId id, Role role, int headcount) {
        Require.nonNull(manager, "manager");
        Require.nonNull(id, "id");
        Require.nonNull(role, "role");
        return steps.change(staffings, id, (s, ctx) -> requireGeneralManager(manager, "plan the headcount of " + id),
                (s, ctx) -> s.planHeadcount(role, headcount, manager.user(), ctx.now()));
    }

    /**
     * Assigns a person to a role; raises {@code staff.person-assigned}.
     *
     * @param manager the department general manager, or an industry manager of the division's industry
     * @param id the staffing
     * @param role the role; with an open place
     * @param person the person; holding no position in the division
     * @return the role's position
     * @throws NotAuthorisedException when the manager may not staff the division
     * @throws NotFoundException when there is no such staffing
     * @throws dev.keyline.domain.common.InvalidStateException when there is no open place or the
     *     person already holds a position in the division
     */
    public Position assign(Actor manager, StaffingId id, Role role, UserId person) {
        Require.nonNull(manager, "manager");
        Require.nonNull(id, "id");
        Require.nonNull(role, "role");
        Require.nonNull(person, "person");
        return steps.change(staffings, id, (s, ctx) -> requireMayStaff(manager, s, "assign " + person + " in " + id),
                (s, ctx) -> s.assign(role, person, manager.user(), ctx.now()));
    }

    /**
     * Releases a person from their position; raises {@code staff.person-released}.
     *
     * @param manager the department general manager, or an industry manager of the division's industry
     * @param id the staffing
     * @param person a person holding a position there
     * @return the position the person left
     * @throws NotAuthorisedException when the manager may not staff the division
     * @throws NotFoundException when there is no such staffing or the person holds no position there
     */
    public Position release(Actor manager, StaffingId id, UserId person) {
        Require.nonNull(manager, "manager");
        Require.nonNull(id, "id");
        Require.nonNull(person, "person");
        return steps.change(staffings, id, (s, ctx) -> requireMayStaff(manager, s, "release " + person + " in " + id),
                (s, ctx) -> s.release(person, manager.user(), ctx.now()));
    }

    /**
     * A division's staffing as stored.
     *
     * @param id the staffing
     * @return its snapshot
     * @throws NotFoundException when there is no such staffing
     */
    public DivisionStaffingSnapshot get(StaffingId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> staffings.get(id).snapshot());
    }

    private static void requireGeneralManager(Actor actor, String what) {
        if (!actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER)) {
            throw new NotAuthorisedException(actor + " may not " + what + ": only a DEPARTMENT_GENERAL_MANAGER may");
        }
    }

    private static void requireMayStaff(Actor actor, DivisionStaffing staffing, String what) {
        if (!actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER) && !actor.leadsIndustry(staffing.industry())) {
            throw new NotAuthorisedException(actor + " may not " + what + ": only a DEPARTMENT_GENERAL_MANAGER or an "
                    + "INDUSTRY_MANAGER of " + staffing.industry() + " may");
        }
    }
}
