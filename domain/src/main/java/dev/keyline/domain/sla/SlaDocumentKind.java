package dev.keyline.domain.sla;

/**
 * The documents of the SLA's information flow (信息流) that the SLA records as they pass, each sent
 * by one party. Completion feedback ({@link OrderCompletion}) and the monthly execution report
 * ({@link MonthlyExecutionReport}) have records of their own.
 */
public enum SlaDocumentKind {

    /** Marketing tells the network centre what resources it needs (资源需求). */
    RESOURCE_REQUIREMENT(SlaParty.MARKETING),

    /** The network centre answers whether and when it can provide them (资源反馈). */
    RESOURCE_FEEDBACK(SlaParty.NETWORK_CENTRE),

    /** Marketing confirms what it takes (资源确认). */
    RESOURCE_CONFIRMATION(SlaParty.MARKETING),

    /** Marketing reports a fault (故障工单). */
    FAULT_ORDER(SlaParty.MARKETING),

    /** The network centre reports the fault's result (故障处理结果). */
    FAULT_RESULT(SlaParty.NETWORK_CENTRE);

    private final SlaParty sender;

    SlaDocumentKind(SlaParty sender) {
        this.sender = sender;
    }

    /**
     * The party that sends documents of this kind.
     *
     * @return the party
     */
    public SlaParty sender() {
        return sender;
    }
}
