package dev.keyline.domain.sla;

import dev.keyline.domain.common.Role;

/**
 * A side of an SLA (服务水平协议): the marketing service centre (营销服务中心) or the network centre
 * (网络中心), and the role that acts for it.
 */
public enum SlaParty {

    /** The marketing department, acting through the marketing service centre's manager. */
    MARKETING(Role.MARKETING_MANAGER),

    /** The network centre, acting through its manager. */
    NETWORK_CENTRE(Role.NETWORK_CENTRE_MANAGER);

    private final Role role;

    SlaParty(Role role) {
        this.role = role;
    }

    /**
     * The role that signs and speaks for this party.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }
}
