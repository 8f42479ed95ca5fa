package dev.keyline.domain.common;

import java.util.Optional;

/**
 * Who should hear of an event, so a host maps a notification to people and channels without
 * parsing its payload. Every part but {@code subject} is optional; a part longer than
 * {@value Limits#AUDIENCE_PART_LENGTH} characters is rejected.
 *
 * @param role the business role that must act, for example {@code ACCOUNT_MANAGER}; may be null
 * @param organisationUnit the unit concerned, for example a local network code; may be null
 * @param accountId the key account concerned; may be null
 * @param stationId the station (工位) concerned; may be null
 * @param subject a short human-readable subject line; one longer than {@link #MAX_SUBJECT_LENGTH}
 *     characters is shortened to that length, ending in an ellipsis, since it often quotes a
 *     free-text reason
 */
public record Audience(String role, String organisationUnit, String accountId, String stationId, String subject) {

    /** The longest subject kept; longer ones are shortened. */
    public static final int MAX_SUBJECT_LENGTH = 500;

    /**
     * Validates the audience and shortens an overlong subject.
     *
     * @param role the business role that must act, for example {@code ACCOUNT_MANAGER}; may be null
     * @param organisationUnit the unit concerned, for example a local network code; may be null
     * @param accountId the key account concerned; may be null
     * @param stationId the station (工位) concerned; may be null
     * @param subject a short human-readable subject line; one longer than {@link #MAX_SUBJECT_LENGTH} characters is shortened to that length, ending in an ellipsis, since it often quotes a free-text reason
     */
    public Audience {
        Require.nonBlank(subject, "subject");
        subject = shorten(subject);
        role = blankToNull(role);
        organisationUnit = blankToNull(organisationUnit);
        accountId = blankToNull(accountId);
        stationId = blankToNull(stationId);
        bounded(role, "role");
        bounded(organisationUnit, "organisationUnit");
        bounded(accountId, "accountId");
        bounded(stationId, "stationId");
    }

    /**
     * {@return an audience with only a subject}
     *
     * @param subject the subject
     */
    public static Audience of(String subject) {
        return new Audience(null, null, null, null, subject);
    }

    /**
     * {@return this audience with the given role; null or blank leaves it unset}
     *
     * @param newRole the new role
     */
    public Audience withRole(String newRole) {
        return new Audience(newRole, organisationUnit, accountId, stationId, subject);
    }

    /**
     * {@return this audience with the given organisation unit; null or blank leaves it unset}
     *
     * @param unit the unit
     */
    public Audience withOrganisationUnit(String unit) {
        return new Audience(role, unit, accountId, stationId, subject);
    }

    /**
     * {@return this audience with the given account; null or blank leaves it unset}
     *
     * @param account the key account
     */
    public Audience withAccount(String account) {
        return new Audience(role, organisationUnit, account, stationId, subject);
    }

    /**
     * {@return this audience with the given station; null or blank leaves it unset}
     *
     * @param station the station
     */
    public Audience withStation(String station) {
        return new Audience(role, organisationUnit, accountId, station, subject);
    }

    /** {@return the role, if one is set} */
    public Optional<String> roleIfSet() {
        return Optional.ofNullable(role);
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_SUBJECT_LENGTH) {
            return text;
        }
        int end = MAX_SUBJECT_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return text.substring(0, end) + "\u2026";
    }

    private static void bounded(String part, String name) {
        if (part != null && part.length() > Limits.AUDIENCE_PART_LENGTH) {
            throw new InvalidArgumentException(name, "must be at most " + Limits.AUDIENCE_PART_LENGTH
                    + " characters, was " + part.length());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
