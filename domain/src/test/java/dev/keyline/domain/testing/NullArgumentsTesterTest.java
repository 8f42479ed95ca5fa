package dev.keyline.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tester catches each way of getting null arguments wrong, and only those. */
class NullArgumentsTesterTest {

    /** Rejects every null by name. */
    public static final class Careful {

        /** @param name a name */
        public Careful(String name) {
            Require.nonNull(name, "name");
        }

        /**
         * @param whom who
         * @param times how often
         */
        public void greet(String whom, int times) {
            Require.nonNull(whom, "whom");
        }

        /** @param count a count */
        public void count(int count) {
            throw new AssertionError("a member without reference parameters is never called");
        }
    }

    /** Accepts a null. */
    public static final class Careless {

        /** @param whom who */
        public void accept(String whom) {
        }
    }

    /** Fails with a raw NullPointerException. */
    public static final class Dereferencing {

        /**
         * @param text a text
         * @return its length
         */
        public int length(String text) {
            return text.length();
        }
    }

    /** Names another argument than the null one. */
    public static final class Misnaming {

        /** @param newName the new name */
        public void rename(String newName) {
            Require.nonNull(newName, "name");
        }
    }

    /** A type the tester has no sample of. */
    public static final class Unknown {

        private Unknown() {
        }
    }

    /** Needs a value the tester cannot make. */
    public static final class NeedsUnknown {

        /**
         * @param unknown a value
         * @param label a label
         */
        public static void take(Unknown unknown, String label) {
            Require.nonNull(unknown, "unknown");
            Require.nonNull(label, "label");
        }
    }

    /** Cannot be made by the tester. */
    public static final class Unmakeable {

        private Unmakeable() {
        }

        /** @param text a text */
        public void use(String text) {
            Require.nonNull(text, "text");
        }
    }

    /** Works only inside a session, and checks the session before the argument. */
    public static final class SessionBound {

        private boolean open;

        /** @param entry what to record */
        public void record(String entry) {
            if (!open) {
                throw new InvalidStateException("no session");
            }
            Require.nonNull(entry, "entry");
        }
    }

    @Test
    void aCarefulClassIsCleanAndCounted() {
        NullArgumentsTester.Report report = new NullArgumentsTester().value(String.class, () -> "x")
                .check(List.of(Careful.class));

        report.assertClean();
        assertThat(report.constructors()).isEqualTo(1);
        assertThat(report.methods()).isEqualTo(1);
        assertThat(report.parameters()).isEqualTo(2);
    }

    @Test
    void acceptingNullThrowingNullPointerAndNamingAnotherArgumentAreOffences() {
        NullArgumentsTester.Report report = new NullArgumentsTester()
                .check(List.of(Careless.class, Dereferencing.class, Misnaming.class));

        assertThat(report.offenders()).hasSize(3);
        assertThat(report.offenders().get(0)).contains("Careless.accept(String whom): whom -> returned normally");
        assertThat(report.offenders().get(1)).contains("Dereferencing.length(String text): text -> java.lang.NullPointerException");
        assertThat(report.offenders().get(2)).contains("Misnaming.rename(String newName): newName -> InvalidArgumentException naming 'name'");
        assertThatThrownBy(report::assertClean).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Careless.accept").hasMessageContaining("Dereferencing.length")
                .hasMessageContaining("Misnaming.rename");
    }

    @Test
    void aMemberWithoutSamplesIsReportedNotSkipped() {
        NullArgumentsTester.Report report = new NullArgumentsTester().check(List.of(NeedsUnknown.class, Unmakeable.class));

        assertThat(report.missing()).hasSize(2);
        assertThat(report.missing().get(0)).contains("NeedsUnknown.take").contains("no sample of").contains("Unknown");
        assertThat(report.missing().get(1)).contains("Unmakeable.use").contains("no instance");
        assertThatThrownBy(report::assertClean).isInstanceOf(AssertionError.class).hasMessageContaining("NeedsUnknown.take");
    }

    @Test
    void allowancesAliasesAndExclusionsClearOnlyWhatTheyName() {
        NullArgumentsTester.Report report = new NullArgumentsTester()
                .nullable(Careless.class, "accept", "whom", "documented as optional")
                .alias(Misnaming.class, "rename", "newName", "name", "the business name")
                .exclude(Dereferencing.class, "length", "left out on purpose")
                .check(List.of(Careless.class, Dereferencing.class, Misnaming.class));

        report.assertClean();
        assertThat(report.allowed()).singleElement().asString().contains("whom: documented as optional");
        assertThat(report.excludedMembers()).singleElement().asString().contains("left out on purpose");
        assertThat(report.parameters()).isEqualTo(1);
    }

    @Test
    void anAllowanceThatMatchesNothingFails() {
        NullArgumentsTester.Report report = new NullArgumentsTester()
                .nullable(Careless.class, "accept", "someoneElse", "stale")
                .nullable(Careless.class, "accept", "whom", "documented as optional")
                .alias(Careless.class, "accept", "whom", "who", "never needed")
                .exclude(Careless.class, "gone", "stale")
                .check(List.of(Careless.class));

        assertThat(report.stale()).hasSize(3);
        assertThatThrownBy(report::assertClean).isInstanceOf(AssertionError.class).hasMessageContaining("match nothing");
    }

    @Test
    void callsOnASubjectRunThroughItsAround() {
        NullArgumentsTester.Report outside = new NullArgumentsTester().check(List.of(SessionBound.class));
        assertThat(outside.offenders()).singleElement().asString().contains("InvalidStateException: KL-200 no session");

        NullArgumentsTester.Report inside = new NullArgumentsTester()
                .subject(SessionBound.class, () -> {
                    SessionBound bound = new SessionBound();
                    return NullArgumentsTester.Subject.of(bound, call -> {
                        bound.open = true;
                        try {
                            return call.get();
                        } finally {
                            bound.open = false;
                        }
                    });
                })
                .check(List.of(SessionBound.class));
        inside.assertClean();
        assertThat(inside.methods()).isEqualTo(1);
    }
}
