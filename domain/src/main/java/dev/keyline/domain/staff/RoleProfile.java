package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.KpiId;
import java.util.List;

/**
 * One role's entry in the {@link RoleCatalogue}: its duties (职责), the skills it requires (技能要求)
 * and the KPIs it is assessed on (业绩指标), by their ids in the KPI catalogue.
 *
 * @param role the role, one of {@link RoleCatalogue#ROLES}
 * @param duties the duties, at least one
 * @param skills the required skills, at least one
 * @param kpis the KPIs the role is assessed on, each once; may be empty
 */
public record RoleProfile(Role role, List<Phrase> duties, List<Phrase> skills, List<KpiId> kpis) {

    /**
     * Validates the entry.
     *
     * @param role the role, one of {@link RoleCatalogue#ROLES}
     * @param duties the duties, at least one
     * @param skills the required skills, at least one
     * @param kpis the KPIs the role is assessed on, each once; may be empty
     * @throws InvalidArgumentException naming the component when one is null or holds null, the
     *     role is not one the catalogue covers, there are no duties or no skills, or a KPI appears twice
     */
    public RoleProfile {
        Require.nonNull(role, "role");
        Require.that(RoleCatalogue.ROLES.contains(role), "role",
                () -> role + " is not a role of the catalogue; its roles are " + RoleCatalogue.ROLES);
        duties = Require.nonNullElements(duties, "duties");
        skills = Require.nonNullElements(skills, "skills");
        kpis = Require.nonNullElements(kpis, "kpis");
        Require.that(!duties.isEmpty(), "duties", () -> "the role " + role + " must have at least one duty");
        Require.that(!skills.isEmpty(), "skills", () -> "the role " + role + " must have at least one skill");
        if (kpis.stream().distinct().count() != kpis.size()) {
            throw new InvalidArgumentException("kpis", "must name each KPI once, but the role " + role + " has "
                    + kpis);
        }
    }

    /**
     * Whether the role is assessed on a KPI.
     *
     * @param kpi the KPI
     * @return true when the KPI is one of the role's
     * @throws InvalidArgumentException when {@code kpi} is null
     */
    public boolean isAssessedOn(KpiId kpi) {
        return kpis.contains(Require.nonNull(kpi, "kpi"));
    }
}
