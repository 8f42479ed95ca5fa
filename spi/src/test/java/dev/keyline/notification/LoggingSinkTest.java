package dev.keyline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.Notification;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LoggingSinkTest {

    /** A real System.Logger that keeps what it is given. */
    static final class CapturingLogger implements System.Logger {
        final List<String> lines = new ArrayList<>();
        final List<Level> levels = new ArrayList<>();
        private final Level threshold;

        CapturingLogger(Level threshold) {
            this.threshold = threshold;
        }

        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                levels.add(level);
                lines.add(msg);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                levels.add(level);
                lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
            }
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            log(level, (ResourceBundle) null, msgSupplier.get(), (Throwable) null);
        }
    }

    private static final EventId ID = new EventId(UUID.fromString("4f0c2d6e-0000-4000-8000-0000000000e1"));

    private static Notification notification(Audience audience, String payload, int attempt) {
        return new Notification(ID, "account.churn-warning-raised", Notifications.OCCURRED_AT, "KA-0042",
                audience, payload, attempt);
    }

    @Test
    void writesOneKeyValueLinePerNotification() {
        CapturingLogger logger = new CapturingLogger(System.Logger.Level.INFO);
        LoggingSink sink = new LoggingSink(logger);
        Audience audience = new Audience("ACCOUNT_MANAGER", "GZ", "KA-0042", null, "Churn warning for KA-0042");

        sink.deliver(notification(audience, "{\"score\":12.50}", 2));

        assertThat(logger.lines).containsExactly("notification eventId=4f0c2d6e-0000-4000-8000-0000000000e1"
                + " type=account.churn-warning-raised occurredAt=2025-03-01T08:00:00Z aggregateId=KA-0042 attempt=2"
                + " role=ACCOUNT_MANAGER organisationUnit=GZ accountId=KA-0042"
                + " subject=\"Churn warning for KA-0042\"");
        assertThat(logger.levels).containsExactly(System.Logger.Level.INFO);
    }

    @Test
    void thePayloadIsIncludedOnlyWhenAskedAndCut() {
        CapturingLogger logger = new CapturingLogger(System.Logger.Level.DEBUG);
        LoggingSink sink = LoggingSink.builder().logger(logger).level(System.Logger.Level.DEBUG)
                .includePayload(true).maxPayloadLength(10).name("audit").build();

        sink.deliver(notification(Audience.of("s"), "{\"score\":12.50}", 1));

        assertThat(logger.lines.get(0)).endsWith(" subject=s payload=\"{\\\"score\\\":1…(5 more chars)\"");
        assertThat(logger.levels).containsExactly(System.Logger.Level.DEBUG);
        assertThat(sink.name()).isEqualTo("audit");
    }

    @Test
    void nothingIsFormattedWhenTheLevelIsOff() {
        CapturingLogger logger = new CapturingLogger(System.Logger.Level.WARNING);
        new LoggingSink(logger).deliver(notification(Audience.of("s"), "{}", 1));

        assertThat(logger.lines).isEmpty();
    }

    @Test
    void controlCharactersQuotesAndLineBreaksNeverBreakTheLine() {
        LoggingSink sink = LoggingSink.builder().logger(new CapturingLogger(System.Logger.Level.INFO))
                .includePayload(true).build();
        qt().forAll(strings().allPossible().ofLengthBetween(1, 40), strings().allPossible().ofLengthBetween(1, 40))
                .assuming((subject, payload) -> !subject.isBlank() && !payload.isBlank())
                .checkAssert((subject, payload) -> {
                    String line = sink.format(notification(new Audience("R", null, null, "ST 1", subject), payload, 1));

                    assertThat(line).doesNotContain("\n", "\r", "\u2028", "\u2029");
                    assertThat(line.chars().filter(Character::isISOControl)).isEmpty();
                    Map<String, String> fields = parse(line);
                    assertThat(fields).containsEntry("subject", subject).containsEntry("payload", payload)
                            .containsEntry("stationId", "ST 1").containsEntry("role", "R");
                });
    }

    @Test
    void aLoggerNameCanBeChosen() {
        assertThat(LoggingSink.builder().loggerName("acme.events").build().toString()).contains("logger=acme.events");
        assertThat(new LoggingSink().toString()).contains("logger=" + LoggingSink.DEFAULT_LOGGER_NAME);
    }

    @Test
    void badOptionsAreRejectedByName() {
        assertThatThrownBy(() -> LoggingSink.builder().level(System.Logger.Level.OFF)).hasMessageContaining("level");
        assertThatThrownBy(() -> LoggingSink.builder().maxPayloadLength(0)).hasMessageContaining("maxPayloadLength");
        assertThatThrownBy(() -> LoggingSink.builder().loggerName(" ")).hasMessageContaining("loggerName");
        assertThatThrownBy(() -> new LoggingSink((System.Logger) null)).hasMessageContaining("logger");
        assertThatThrownBy(() -> new LoggingSink().deliver(null)).hasMessageContaining("notification");
    }

    /** Reads a line back: bare values end at a space, quoted ones are unescaped. */
    private static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = "notification".length();
        while (i < line.length()) {
            assertThat(line.charAt(i)).isEqualTo(' ');
            int eq = line.indexOf('=', i);
            String key = line.substring(i + 1, eq);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (line.charAt(i) == '"') {
                i++;
                while (line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char e = line.charAt(i + 1);
                        switch (e) {
                            case 'n' -> value.append('\n');
                            case 'r' -> value.append('\r');
                            case 't' -> value.append('\t');
                            case 'u' -> {
                                value.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                                i += 4;
                            }
                            default -> value.append(e);
                        }
                        i += 2;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                i++;
            } else {
                int end = line.indexOf(' ', i);
                end = end < 0 ? line.length() : end;
                value.append(line, i, end);
                i = end;
            }
            fields.put(key, value.toString());
        }
        return fields;
    }
}
