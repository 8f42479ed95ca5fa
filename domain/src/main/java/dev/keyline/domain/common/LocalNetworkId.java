package dev.keyline.domain.common;

import dev.keyline.domain.common.Identifier;

/**
 * A local network (本地网): a city-level operating unit such as Suzhou ({@code SZ}) or Kunming
 * ({@code KM}). Key-account classification runs per local network.
 *
 * @param value the network code
 */
public record LocalNetworkId(String value) implements Identifier {

    /**
     * Validates the code.
     *
     * @param value the network code
     */
    public LocalNetworkId {
        Identifier.check(value, "network");
    }

    @Override
    public String toString() {
        return value;
    }
}
