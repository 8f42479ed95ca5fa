package dev.keyline.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a value declared as a sealed interface whose implementations are all records (for
 * example a tier change's cause, a manual override or a classification run) a type property,
 * {@value #TYPE_PROPERTY}, holding the simple name of the record, so the value reads back as the
 * record it was written from. No annotation on domain types is needed, and a record written under
 * its own type (an event read by its class) carries no type property.
 */
final class SealedRecordTypes extends NopAnnotationIntrospector {

    /** The name of the property that holds the record's simple name. */
    static final String TYPE_PROPERTY = "@type";

    private static final long serialVersionUID = 1L;

    @Override
    public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {
        if (!isSealedRecordHierarchy(ac.getRawType())) {
            return null;
        }
        return new StdTypeResolverBuilder(JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY,
                TYPE_PROPERTY, null, false, true));
    }

    @Override
    public List<NamedType> findSubtypes(Annotated a) {
        Class<?> raw = a.getRawType();
        if (!isSealedRecordHierarchy(raw)) {
            return null;
        }
        List<NamedType> named = new ArrayList<>();
        for (Class<?> permitted : raw.getPermittedSubclasses()) {
            named.add(new NamedType(permitted, permitted.getSimpleName()));
        }
        return named;
    }

    /** A sealed interface whose permitted subtypes are records or, in turn, such interfaces. */
    static boolean isSealedRecordHierarchy(Class<?> type) {
        if (type == null || !type.isInterface() || !type.isSealed()) {
            return false;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            if (!permitted.isRecord() && !isSealedRecordHierarchy(permitted)) {
                return false;
            }
        }
        return true;
    }
}
