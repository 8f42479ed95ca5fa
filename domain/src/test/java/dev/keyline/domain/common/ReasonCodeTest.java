package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReasonCodeTest {

    @Test
    void codesAreUniqueAndWellFormed() {
        List<String> codes = Arrays.stream(ReasonCode.values()).map(ReasonCode::code).toList();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(codes).allMatch(c -> c.matches("KL-[1-5]\\d\\d"), "matches KL-ddd in the groups 1xx to 5xx");
    }

    @Test
    void codesFallInTheirDocumentedGroups() {
        assertThat(ReasonCode.INVALID_ARGUMENT.code()).startsWith("KL-1");
        assertThat(ReasonCode.MALFORMED_INPUT.code()).startsWith("KL-1");
        assertThat(ReasonCode.STALE_VERSION.code()).startsWith("KL-2");
        assertThat(ReasonCode.NOT_AUTHORISED.code()).startsWith("KL-3");
        assertThat(ReasonCode.LIMIT_EXCEEDED.code()).startsWith("KL-4");
        assertThat(ReasonCode.STORAGE_FAILURE.code()).startsWith("KL-5");
    }

    @Test
    void everyExceptionOfTheKernelMapsToItsOwnReason() throws ReflectiveOperationException {
        Set<Class<?>> subclasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(KeylineException.class.getPackageName())
                .stream()
                .filter(c -> c.isAssignableTo(KeylineException.class) && !c.isEquivalentTo(KeylineException.class))
                .filter(c -> c.getPackageName().equals(KeylineException.class.getPackageName()))
                .map(JavaClass::reflect)
                .collect(Collectors.toSet());
        assertThat(subclasses).contains(InvalidArgumentException.class, StaleVersionException.class, CorruptStateException.class)
                .hasSizeGreaterThanOrEqualTo(13);

        Map<ReasonCode, Class<?>> owners = new HashMap<>();
        for (Class<?> type : subclasses) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getSimpleName() + " is public").isTrue();
            KeylineException e = instantiate(type);
            assertThat(e.reason()).as(type.getSimpleName()).isNotNull();
            assertThat(e.getMessage()).startsWith(e.reason().code() + " ").contains("what went wrong");
            Class<?> previous = owners.put(e.reason(), type);
            assertThat(previous).as("%s and %s share %s", previous, type, e.reason()).isNull();
        }
    }

    @Test
    void exceptionsKeepTheirCause() throws ReflectiveOperationException {
        IllegalStateException cause = new IllegalStateException("root");
        for (Class<? extends KeylineException> type : List.of(InvalidStateException.class, NotFoundException.class,
                AlreadyExistsException.class, StaleVersionException.class, NotAuthorisedException.class,
                AuthorityExceededException.class, ApprovalRequiredException.class, LimitExceededException.class,
                InsufficientCapacityException.class, ExpiredException.class, CorruptStateException.class,
                MalformedInputException.class)) {
            Constructor<? extends KeylineException> c = type.getConstructor(String.class, Throwable.class);
            KeylineException e = c.newInstance("what went wrong", cause);
            assertThat(e.getCause()).isSameAs(cause);
            assertThat(e.getMessage()).endsWith("what went wrong");
        }
    }

    @Test
    void invalidArgumentNamesTheArgument() {
        InvalidArgumentException e = new InvalidArgumentException("amount", "must not be null");
        assertThat(e.argument()).isEqualTo("amount");
        assertThat(e.reason()).isEqualTo(ReasonCode.INVALID_ARGUMENT);
        assertThat(e).hasMessage("KL-100 amount: must not be null");
    }

    @Test
    void theBaseExceptionRejectsAMissingReasonOrMessage() {
        assertThatThrownBy(() -> new KeylineException(null, "x"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("reason"));
        assertThatThrownBy(() -> new KeylineException(ReasonCode.CONFIGURATION, null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("message"));
        assertThatThrownBy(() -> new InvalidArgumentException(null, "x"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("argument"));
        assertThatThrownBy(() -> new NotFoundException(null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("message"));
        assertThat(new KeylineException(ReasonCode.CONFIGURATION, "no storage provider"))
                .hasMessage("KL-503 no storage provider").hasNoCause();
    }

    private static KeylineException instantiate(Class<?> type) throws ReflectiveOperationException {
        if (type.equals(InvalidArgumentException.class)) {
            return new InvalidArgumentException("field", "what went wrong");
        }
        return (KeylineException) type.getConstructor(String.class).newInstance("what went wrong");
    }
}
