package dev.keyline.domain.common;

import java.util.Optional;

/**
 * Who should hear of an event, so a host maps a notification to people and channels without
 * parsing its payload. Every part but {@code subject} is optional.
 *
 * @param role the business role that must act, for example {@code ACCOUNT_MANAGER}; may be null
 * @param organisationUnit the unit concerned, for example a local network code; may be null
 * @param accountId the key account concerned; may be null
 * @param stationId the station (工位) concerned; may be null
 * @param subject a short human-readable subject line
 */
public record Audience(String role, String organisationUnit, String accountId, String stationId, String subject) {

    /** Validates the audience. */
    public Audience {
        Require.nonBlank(subject, "subject");
        role = blankToNull(role);
        organisationUnit = blankToNull(organisationUnit);
        accountId = blankToNull(accountId);
        stationId = blankToNull(stationId);
    }

    /** An audience with only a subject. */
    public static Audience of(String subject) {
        return new Audience(null, null, null, null, subject);
    }

    /** This audience with the given role; null or blank leaves it unset. */
    public Audience withRole(String newRole) {
        return new Audience(newRole, organisationUnit, accountId, stationId, subject);
    }

    /** This audience with the given organisation unit; null or blank leaves it unset. */
    public Audience withOrganisationUnit(String unit) {
        return new Audience(role, unit, accountId, stationId, subject);
    }

    /** This audience with the given account; null or blank leaves it unset. */
    public Audience withAccount(String account) {
        return new Audience(role, organisationUnit, account, stationId, subject);
    }

    /** This audience with the given station; null or blank leaves it unset. */
    public Audience withStation(String station) {
        return new Audience(role, organisationUnit, accountId, station, subject);
    }

    /** The role, if one is set. */
    public Optional<String> roleIfSet() {
        return Optional.ofNullable(role);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
