package dev.keyline.json.tmf;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import java.util.Optional;

/**
 * What a TMF621 {@code TroubleTicket_Create} asks Keyline to report: the arguments of
 * {@code FaultTickets.report} other than the reporter and the ticket's id, which the host chooses
 * (the specification leaves {@code id} to the server).
 *
 * @param account the key account whose service failed (the related party in role {@code customer})
 * @param product the product whose service failed (the related entity in role {@code affectedProduct})
 * @param source who learnt of it first (the channel)
 * @param priority its priority ({@code priority}, or else derived from {@code severity})
 * @param serviceClass the service class (the related entity in role {@code serviceClass}), if any
 * @param description what was reported
 */
public record FaultReportRequest(AccountId account, ProductCode product, FaultSource source, FaultPriority priority,
        Optional<FaultServiceClass> serviceClass, String description) {

    /**
     * Validates the request.
     *
     * @param account the key account whose service failed (the related party in role {@code customer})
     * @param product the product whose service failed (the related entity in role {@code affectedProduct})
     * @param source who learnt of it first (the channel)
     * @param priority its priority ({@code priority}, or else derived from {@code severity})
     * @param serviceClass the service class (the related entity in role {@code serviceClass}), if any
     * @param description what was reported
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or the description is blank
     */
    public FaultReportRequest {
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(source, "source");
        Require.nonNull(priority, "priority");
        Require.nonNull(serviceClass, "serviceClass");
        Require.text(description, "description");
    }
}
