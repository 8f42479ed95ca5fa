package dev.keyline.domain.account;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;

/**
 * The virtual team (虚拟团队) that serves a key account beside its account manager (客户经理), as
 * the seed prescribes for national accounts: an industry manager (行业经理), a technical manager
 * (技术经理) and a business manager (商务经理).
 *
 * @param industryManager the industry manager
 * @param technicalManager the technical manager
 * @param businessManager the business manager
 */
public record AccountTeam(UserId industryManager, UserId technicalManager, UserId businessManager) {

    /**
     * Validates the team.
     *
     * @param industryManager the industry manager
     * @param technicalManager the technical manager
     * @param businessManager the business manager
     */
    public AccountTeam {
        Require.nonNull(industryManager, "industryManager");
        Require.nonNull(technicalManager, "technicalManager");
        Require.nonNull(businessManager, "businessManager");
    }
}
