package dev.keyline.json;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;

/** JSON forms of the kernel's value types that are not plain records: Money and Period. */
final class KernelValueCodecs {

    private KernelValueCodecs() {
    }

    /** The serializer of a kernel value type, or null when {@code type} is none. */
    static JsonSerializer<?> serializer(Class<?> type) {
        return null;
    }

    /** The deserializer of a kernel value type, or null when {@code type} is none. */
    static JsonDeserializer<?> deserializer(Class<?> type) {
        return null;
    }
}
