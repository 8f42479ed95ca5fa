package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;

/**
 * What a binding reservation made in the resources area is for: the SLA it is made against and the
 * agreed product whose units it keeps. It travels as the reservation's reference, written
 * {@code <SLA id>/<product>} (for example {@code SLA-2026-GROUP/DDN}), so the SLA area learns both
 * from the resources area's {@code resource.reservation-made} event alone. The resources area does
 * not read it; it only carries the text.
 *
 * @param sla the SLA the reservation binds the network centre to
 * @param product the agreed product the units serve
 */
public record SlaReservationReference(SlaId sla, ProductCode product) {

    /** The separator between the SLA id and the product; no identifier may hold it. */
    public static final char SEPARATOR = '/';

    /**
     * Validates the reference.
     *
     * @param sla the SLA the reservation binds the network centre to
     * @param product the agreed product the units serve
     * @throws InvalidArgumentException naming the component that is null
     */
    public SlaReservationReference {
        Require.nonNull(sla, "sla");
        Require.nonNull(product, "product");
    }

    /**
     * Reads a reservation's reference.
     *
     * @param reference the reservation's reference, {@code <SLA id>/<product>}
     * @return what it names
     * @throws InvalidArgumentException naming {@code reference} when it is null or not of that form,
     *     or naming {@code slaId} or {@code product} when a part is not a valid identifier
     */
    public static SlaReservationReference parse(String reference) {
        Require.nonBlank(reference, "reference");
        int at = reference.indexOf(SEPARATOR);
        if (at <= 0 || at == reference.length() - 1 || reference.indexOf(SEPARATOR, at + 1) >= 0) {
            throw new InvalidArgumentException("reference", "of a binding reservation must read <SLA id>"
                    + SEPARATOR + "<product>, was '" + reference + "'");
        }
        return new SlaReservationReference(new SlaId(reference.substring(0, at)),
                new ProductCode(reference.substring(at + 1)));
    }

    /**
     * The reference as the reservation carries it.
     *
     * @return {@code <SLA id>/<product>}
     */
    public String text() {
        return sla.value() + SEPARATOR + product.value();
    }

    @Override
    public String toString() {
        return text();
    }
}
