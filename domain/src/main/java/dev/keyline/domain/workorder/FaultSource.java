package dev.keyline.domain.workorder;

/** Who first learnt of a fault (故障): the customer through the call centre, or the network itself. */
public enum FaultSource {
    /** The key-account call centre (客服中心) recorded the customer's report. */
    CALL_CENTRE,
    /** The network management found the fault itself (网管发现) before any customer called. */
    NETWORK_DETECTED
}
