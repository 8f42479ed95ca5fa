package dev.keyline.domain.common;

/**
 * A telecom product the operator sells, for example {@code DDN}, {@code FR}, {@code ADSL},
 * {@code LAN}; used by pricing authority, SLAs and work orders alike.
 *
 * @param value the product code
 */
public record ProductCode(String value) implements Identifier {

    /**
     * Validates the code.
     *
     * @param value the product code
     */
    public ProductCode {
        Identifier.check(value, "product");
    }

    @Override
    public String toString() {
        return value;
    }
}
