package dev.keyline.domain.sla;

import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link ServiceLevelAgreement}. Built by
 * {@link ServiceLevelAgreement#snapshot()} or by a storage provider from its rows; it is not
 * validated here, {@link ServiceLevelAgreement#restore(ServiceLevelAgreementSnapshot)} does that.
 * Every list is in the order its entries were made.
 *
 * @param id the SLA's id
 * @param version the stored version
 * @param department the marketing department
 * @param network the local network whose network centre is the other party
 * @param term the SLA period
 * @param zone the time zone its business dates are reckoned in
 * @param changeFrequency how many amendments the period permits
 * @param terms the general and governing terms
 * @param draftedBy who drafted it
 * @param draftedAt when
 * @param state where it stands
 * @param agreements the service agreements, one per product
 * @param signatures the parties' signatures
 * @param approvedBy who approved it, or null before approval
 * @param approvedAt when, or null before approval
 * @param amendments the amendments
 * @param orders the orders accepted
 * @param completions the orders' completion feedback
 * @param reservations the records of binding reservations made and released
 * @param documents the documents of the information flow
 * @param endedBy who terminated it, or null unless terminated
 * @param endedAt when it expired or was terminated, or null while it runs
 * @param endReason why it was terminated, or null unless terminated
 */
public record ServiceLevelAgreementSnapshot(SlaId id, long version, MarketingDepartment department,
        LocalNetworkId network, SlaTerm term, ZoneId zone, int changeFrequency, SlaTerms terms, UserId draftedBy,
        Instant draftedAt, SlaState state, List<ServiceAgreement> agreements, List<Signature> signatures,
        UserId approvedBy, Instant approvedAt, List<Amendment> amendments, List<SlaOrder> orders,
        List<OrderCompletion> completions, List<ReservationEntry> reservations, List<SlaDocument> documents,
        UserId endedBy, Instant endedAt, String endReason) {

    /**
     * Copies the lists into unmodifiable lists (keeping any null, for restore to reject).
     *
     * @param id the SLA's id
     * @param version the stored version
     * @param department the marketing department
     * @param network the local network whose network centre is the other party
     * @param term the SLA period
     * @param zone the time zone its business dates are reckoned in
     * @param changeFrequency how many amendments the period permits
     * @param terms the general and governing terms
     * @param draftedBy who drafted it
     * @param draftedAt when
     * @param state where it stands
     * @param agreements the service agreements, one per product
     * @param signatures the parties' signatures
     * @param approvedBy who approved it, or null before approval
     * @param approvedAt when, or null before approval
     * @param amendments the amendments
     * @param orders the orders accepted
     * @param completions the orders' completion feedback
     * @param reservations the records of binding reservations made and released
     * @param documents the documents of the information flow
     * @param endedBy who terminated it, or null unless terminated
     * @param endedAt when it expired or was terminated, or null while it runs
     * @param endReason why it was terminated, or null unless terminated
     */
    public ServiceLevelAgreementSnapshot {
        agreements = copy(agreements);
        signatures = copy(signatures);
        amendments = copy(amendments);
        orders = copy(orders);
        completions = copy(completions);
        reservations = copy(reservations);
        documents = copy(documents);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
