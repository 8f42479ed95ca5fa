package dev.keyline.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bill preferences accept exactly the valid combinations: a combination is built when, and only
 * when, it keeps every rule as stated independently here, and a refused one names its first broken
 * rule.
 */
class BillPreferenceProperties {

    @Test
    void preferencesAcceptExactlyTheValidCombinations() {
        qt().withExamples(2000).forAll(integers().between(0, Integer.MAX_VALUE - 1), integers().between(0, 3),
                integers().between(0, 3)).checkAssert((pick, branchCount, projectCount) -> {
                    int p = pick;
                    BillChannel channel = BillChannel.values()[p % 5];
                    p /= 5;
                    BillFrequency frequency = BillFrequency.values()[p % 3];
                    p /= 3;
                    BillFormat format = BillFormat.values()[p % 4];
                    p /= 4;
                    BillDetail detail = BillDetail.values()[p % 3];
                    p /= 3;
                    BillSplit split = BillSplit.values()[p % 2];
                    List<String> branches = names("BR-", branchCount);
                    List<String> projects = names("PRJ-", projectCount);
                    List<BillPreferenceRule> broken = new ArrayList<>();
                    if (channel == BillChannel.EDI && format == BillFormat.PDF) {
                        broken.add(BillPreferenceRule.EDI_NEEDS_MACHINE_READABLE_FORMAT);
                    }
                    if (format == BillFormat.EDIFACT && channel != BillChannel.EDI) {
                        broken.add(BillPreferenceRule.EDIFACT_ONLY_OVER_EDI);
                    }
                    if ((channel == BillChannel.PAPER || channel == BillChannel.FAX) && format != BillFormat.PDF) {
                        broken.add(BillPreferenceRule.PRINTED_NEEDS_PDF);
                    }
                    if (channel == BillChannel.FAX && detail == BillDetail.ITEMISED_WITH_CALL_DETAIL) {
                        broken.add(BillPreferenceRule.FAX_CARRIES_NO_CALL_DETAIL);
                    }
                    if (frequency == BillFrequency.PER_PROJECT ? projects.isEmpty() : !projects.isEmpty()) {
                        broken.add(BillPreferenceRule.PER_PROJECT_NEEDS_PROJECTS);
                    }
                    if (split == BillSplit.PER_BRANCH ? branches.isEmpty() : !branches.isEmpty()) {
                        broken.add(BillPreferenceRule.PER_BRANCH_NEEDS_BRANCHES);
                    }
                    if (broken.isEmpty()) {
                        BillPreferences prefs = new BillPreferences(channel, frequency, format, detail, split, branches, projects);
                        assertThat(prefs.branches()).isEqualTo(branches);
                        assertThat(prefs.projects()).isEqualTo(projects);
                    } else {
                        assertThatThrownBy(() -> new BillPreferences(channel, frequency, format, detail, split, branches, projects))
                                .isInstanceOfSatisfying(BillPreferenceRuleException.class,
                                        e -> assertThat(e.rule()).isEqualTo(broken.get(0)))
                                .hasMessageContaining(broken.get(0).name());
                    }
                });
    }

    @Test
    void everyRuleIsReachableAndNamedInItsRefusal() {
        assertThatThrownBy(() -> BillPreferences.consolidated(BillChannel.EDI, BillFrequency.MONTHLY, BillFormat.PDF,
                BillDetail.SUMMARY)).hasMessageContaining("EDI_NEEDS_MACHINE_READABLE_FORMAT");
        assertThatThrownBy(() -> BillPreferences.consolidated(BillChannel.EMAIL, BillFrequency.MONTHLY, BillFormat.EDIFACT,
                BillDetail.SUMMARY)).hasMessageContaining("EDIFACT_ONLY_OVER_EDI");
        assertThatThrownBy(() -> BillPreferences.consolidated(BillChannel.PAPER, BillFrequency.MONTHLY, BillFormat.CSV,
                BillDetail.SUMMARY)).hasMessageContaining("PRINTED_NEEDS_PDF");
        assertThatThrownBy(() -> BillPreferences.consolidated(BillChannel.FAX, BillFrequency.MONTHLY, BillFormat.PDF,
                BillDetail.ITEMISED_WITH_CALL_DETAIL)).hasMessageContaining("FAX_CARRIES_NO_CALL_DETAIL");
        assertThatThrownBy(() -> BillPreferences.consolidated(BillChannel.PORTAL, BillFrequency.PER_PROJECT, BillFormat.PDF,
                BillDetail.SUMMARY)).hasMessageContaining("PER_PROJECT_NEEDS_PROJECTS");
        assertThatThrownBy(() -> new BillPreferences(BillChannel.PORTAL, BillFrequency.MONTHLY, BillFormat.PDF,
                BillDetail.SUMMARY, BillSplit.PER_BRANCH, List.of(), List.of())).hasMessageContaining("PER_BRANCH_NEEDS_BRANCHES");
        assertThatThrownBy(() -> new BillPreferences(BillChannel.PORTAL, BillFrequency.MONTHLY, BillFormat.PDF,
                BillDetail.SUMMARY, BillSplit.PER_BRANCH, List.of("SZ", "SZ"), List.of())).hasMessageContaining("twice");
        assertThat(new BillPreferences(BillChannel.EDI, BillFrequency.PER_PROJECT, BillFormat.EDIFACT,
                BillDetail.ITEMISED_WITH_CALL_DETAIL, BillSplit.PER_BRANCH, List.of("WX", "SZ"), List.of("P-1")).branches())
                .containsExactly("SZ", "WX");
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
