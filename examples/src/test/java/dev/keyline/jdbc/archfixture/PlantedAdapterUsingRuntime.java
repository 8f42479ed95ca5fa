package dev.keyline.jdbc.archfixture;

import dev.keyline.runtime.Keyline;

/** A deliberate violation, kept in test sources only: an adapter class that depends on the runtime. */
public final class PlantedAdapterUsingRuntime {

    private PlantedAdapterUsingRuntime() {
    }

    /** Reaches into the runtime, which adapters must not. */
    static String storageOf(Keyline keyline) {
        return keyline.storage().name();
    }
}
