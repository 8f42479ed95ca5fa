package dev.keyline.domain.account;

import dev.keyline.domain.common.Require;
import java.util.Optional;

/**
 * What makes a customer a potential key account (潜在大客户) apart from its industry rank: being a
 * Party, government or military body (党政军), having influence over others' telecom use, or a
 * manual designation for major potential impact, with its reason.
 *
 * @param partyGovernmentMilitary whether the customer is a Party, government or military body
 * @param influencer the kind of influence it has, if any
 * @param designationReason why it was designated by hand, if it was; not blank when present
 */
public record PotentialFlags(boolean partyGovernmentMilitary, Optional<InfluencerKind> influencer,
        Optional<String> designationReason) {

    /**
     * Validates the flags; a designation reason is trimmed.
     *
     * @param partyGovernmentMilitary whether the customer is a Party, government or military body
     * @param influencer the kind of influence it has, if any
     * @param designationReason why it was designated by hand, if it was; not blank when present
     */
    public PotentialFlags {
        Require.nonNull(influencer, "influencer");
        Require.nonNull(designationReason, "designationReason");
        designationReason.ifPresent(r -> Require.text(r, "designationReason"));
        designationReason = designationReason.map(String::strip);
    }

    /**
     * No flag set.
     *
     * @return the flags with none set
     */
    public static PotentialFlags none() {
        return new PotentialFlags(false, Optional.empty(), Optional.empty());
    }

    /** {@return whether any flag is set} */
    public boolean any() {
        return partyGovernmentMilitary || influencer.isPresent() || designationReason.isPresent();
    }
}
