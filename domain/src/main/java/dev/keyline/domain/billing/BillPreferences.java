package dev.keyline.domain.billing;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.List;
import java.util.TreeSet;

/**
 * How one key account (大客户) wants to be billed (计费帐务): channel, frequency, format, level of detail, and
 * whether consolidated or per branch. A combination must keep every {@link BillPreferenceRule};
 * the first rule broken is named in a {@link BillPreferenceRuleException}.
 *
 * @param channel how bills are delivered
 * @param frequency how often
 * @param format the file format
 * @param detail the level of detail
 * @param split consolidated or per branch
 * @param branches the branches billed separately (identifiers, kept sorted and unique); empty
 *     unless per branch
 * @param projects the projects billed (identifiers, kept sorted and unique); empty unless per project
 */
public record BillPreferences(BillChannel channel, BillFrequency frequency, BillFormat format, BillDetail detail,
        BillSplit split, List<String> branches, List<String> projects) {

    /** The most branches or projects one combination names. */
    public static final int MAX_NAMES = 100;

    /**
     * Validates the combination and sorts the names.
     *
     * @param channel how bills are delivered
     * @param frequency how often
     * @param format the file format
     * @param detail the level of detail
     * @param split consolidated or per branch
     * @param branches the branches billed separately (identifiers, kept sorted and unique); empty unless per branch
     * @param projects the projects billed (identifiers, kept sorted and unique); empty unless per project
     */
    public BillPreferences {
        Require.nonNull(channel, "channel");
        Require.nonNull(frequency, "frequency");
        Require.nonNull(format, "format");
        Require.nonNull(detail, "detail");
        Require.nonNull(split, "split");
        branches = names(branches, "branches");
        projects = names(projects, "projects");
        BillPreferenceRule broken = firstBrokenRule(channel, frequency, format, detail, split, branches.size(),
                projects.size());
        if (broken != null) {
            throw new BillPreferenceRuleException(broken, "channel " + channel + ", frequency " + frequency + ", format "
                    + format + ", detail " + detail + ", " + split + " with " + branches.size() + " branches and "
                    + projects.size() + " projects");
        }
    }

    /**
     * A consolidated bill (no branches) of a monthly or quarterly frequency (no projects).
     *
     * @param channel the channel
     * @param frequency the frequency, not per project
     * @param format the format
     * @param detail the detail
     * @return the preferences
     */
    public static BillPreferences consolidated(BillChannel channel, BillFrequency frequency, BillFormat format,
            BillDetail detail) {
        return new BillPreferences(channel, frequency, format, detail, BillSplit.CONSOLIDATED, List.of(), List.of());
    }

    /**
     * The first rule a combination breaks, in the order of {@link BillPreferenceRule}; null when it
     * keeps them all. Only the counts of branches and projects matter to the rules.
     *
     * @param channel the channel
     * @param frequency the frequency
     * @param format the format
     * @param detail the detail
     * @param split the split
     * @param branchCount how many branches are named
     * @param projectCount how many projects are named
     * @return the rule broken, or null
     */
    public static BillPreferenceRule firstBrokenRule(BillChannel channel, BillFrequency frequency, BillFormat format,
            BillDetail detail, BillSplit split, int branchCount, int projectCount) {
        Require.nonNull(channel, "channel");
        Require.nonNull(frequency, "frequency");
        Require.nonNull(format, "format");
        Require.nonNull(detail, "detail");
        Require.nonNull(split, "split");
        Require.nonNegative(branchCount, "branchCount");
        Require.nonNegative(projectCount, "projectCount");
        if (channel == BillChannel.EDI && !format.isMachineReadable()) {
            return BillPreferenceRule.EDI_NEEDS_MACHINE_READABLE_FORMAT;
        }
        if (format == BillFormat.EDIFACT && channel != BillChannel.EDI) {
            return BillPreferenceRule.EDIFACT_ONLY_OVER_EDI;
        }
        if (channel.isPrinted() && format != BillFormat.PDF) {
            return BillPreferenceRule.PRINTED_NEEDS_PDF;
        }
        if (channel == BillChannel.FAX && detail == BillDetail.ITEMISED_WITH_CALL_DETAIL) {
            return BillPreferenceRule.FAX_CARRIES_NO_CALL_DETAIL;
        }
        if ((frequency == BillFrequency.PER_PROJECT) != (projectCount > 0)) {
            return BillPreferenceRule.PER_PROJECT_NEEDS_PROJECTS;
        }
        if ((split == BillSplit.PER_BRANCH) != (branchCount > 0)) {
            return BillPreferenceRule.PER_BRANCH_NEEDS_BRANCHES;
        }
        return null;
    }

    private static List<String> names(List<String> names, String field) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : Require.nonNullElements(names, field)) {
            Identifier.check(name, field);
            if (!sorted.add(name)) {
                throw new InvalidArgumentException(field, "names '" + name + "' twice");
            }
        }
        if (sorted.size() > MAX_NAMES) {
            throw new InvalidArgumentException(field, "must name at most " + MAX_NAMES + ", named " + sorted.size());
        }
        return List.copyOf(sorted);
    }
}
