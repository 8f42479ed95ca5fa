package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.reflect.ClassPath;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.resource.DepotId;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every identifier and event type the domain module declares works with the JSON module without
 * registration: identifiers are plain strings and read back, events are records.
 */
class DomainValuesJsonTest {

    private final KeylineJson json = KeylineJson.create();

    private static List<Class<?>> domainClasses() throws IOException {
        return ClassPath.from(DomainValuesJsonTest.class.getClassLoader())
                .getTopLevelClassesRecursive("dev.keyline.domain").stream()
                .<Class<?>>map(ClassPath.ClassInfo::load).toList();
    }

    @Test
    void everyDomainIdentifierIsAPlainStringThatReadsBack() throws Exception {
        List<Class<?>> ids = domainClasses().stream()
                .filter(c -> Identifier.class.isAssignableFrom(c) && !c.isInterface()).toList();
        assertThat(ids).as("identifier types found").isNotEmpty();
        for (Class<?> type : ids) {
            assertThat(IdentifierCodec.handles(type)).as("%s is a record with one String component 'value'", type).isTrue();
            Constructor<?> constructor = type.getDeclaredConstructor(String.class);
            // a depot code has no colon: it separates depot and part in a spare stock's id
            String sample = type == DepotId.class ? "ID-7.a_b" : "ID-7.a_b:c";
            Object id = constructor.newInstance(sample);
            String text = json.write(id);
            assertThat(text).as(type.getName()).isEqualTo("\"" + sample + "\"");
            assertThat(json.read(text, type)).isEqualTo(id);
        }
    }

    @Test
    void everyDomainEventIsARecordSoItReadsBackThroughItsCanonicalConstructor() throws Exception {
        List<Class<?>> events = domainClasses().stream()
                .filter(c -> DomainEvent.class.isAssignableFrom(c) && !c.isInterface()).toList();
        for (Class<?> type : events) {
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
        }
    }
}
