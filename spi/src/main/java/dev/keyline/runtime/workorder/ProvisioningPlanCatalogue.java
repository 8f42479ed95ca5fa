package dev.keyline.runtime.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StagePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's provisioning plans per product: for each product it provisions through work orders,
 * the plan, the stations assigned to its stages, and the parties an order of it is opened for (the
 * account, the originating unit that coordinates it, its account manager and IT support). The
 * reaction {@link SlaOrderProvisioning} opens a provisioning order from it for every order accepted
 * under the SLA. Immutable and thread-safe.
 */
public final class ProvisioningPlanCatalogue {

    private final Map<ProductCode, Template> templates;

    private ProvisioningPlanCatalogue(Map<ProductCode, Template> templates) {
        this.templates = Map.copyOf(templates);
    }

    /**
     * A catalogue of these templates, one per product.
     *
     * @param templates the templates
     * @return the catalogue
     * @throws InvalidArgumentException naming {@code templates} when two are for the same product
     */
    public static ProvisioningPlanCatalogue of(List<Template> templates) {
        Require.nonNullElements(templates, "templates");
        Map<ProductCode, Template> byProduct = new LinkedHashMap<>();
        for (Template t : templates) {
            if (byProduct.put(t.parties().product(), t) != null) {
                throw new InvalidArgumentException("templates", "two templates for product " + t.parties().product());
            }
        }
        return new ProvisioningPlanCatalogue(byProduct);
    }

    /**
     * The template of a product.
     *
     * @param product the product
     * @return its template, or empty when the product is not provisioned through work orders
     */
    public Optional<Template> templateFor(ProductCode product) {
        Require.nonNull(product, "product");
        return Optional.ofNullable(templates.get(product));
    }

    /**
     * How a product's orders are provisioned.
     *
     * @param parties the parties its orders are opened for; their product is the template's
     * @param plan the stages
     * @param assignments one per stage of the plan
     */
    public record Template(ProvisioningParties parties, StagePlan plan, List<StageAssignment> assignments) {

        /**
         * Validates the template.
         *
         * @param parties the parties its orders are opened for; their product is the template's
         * @param plan the stages
         * @param assignments one per stage of the plan
         * @throws InvalidArgumentException naming the component that is null
         */
        public Template {
            Require.nonNull(parties, "parties");
            Require.nonNull(plan, "plan");
            assignments = Require.nonNullElements(assignments, "assignments");
        }
    }
}
