package dev.keyline.notification;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;

/**
 * A sink that writes one structured line per notification through {@link System.Logger}, for
 * development, audits, or as a router's default sink.
 *
 * <p>The line is {@code notification} followed by {@code key=value} fields in a fixed order:
 * {@code eventId}, {@code type}, {@code occurredAt} (ISO-8601), {@code aggregateId},
 * {@code attempt}, then the audience parts that are set ({@code role},
 * {@code organisationUnit}, {@code accountId}, {@code stationId}) and {@code subject}, and,
 * when enabled, {@code payload}. A value made only of letters, digits and {@code . _ - : + / @}
 * is written bare; any other value is written in double quotes with {@code \" \\ \n \r \t}
 * and other control characters escaped, so a line never breaks and can be parsed back. For
 * example:
 *
 * <pre>
 * notification eventId=4f0c…e1 type=account.churn-warning-raised occurredAt=2025-03-01T08:00:00Z
 *   aggregateId=KA-0042 attempt=1 role=ACCOUNT_MANAGER organisationUnit=GZ accountId=KA-0042
 *   subject="Churn warning for KA-0042"
 * </pre>
 * (shown wrapped; it is one line.)
 *
 * <p>Formatting never throws: should it fail for any reason, a short line with the event id and
 * the error is logged instead. A failure of the logger itself propagates, so the relay retries.
 * The payload is off by default, as it may hold personal data; when on, it is cut after
 * {@link Builder#maxPayloadLength(int)} characters.
 */
public final class LoggingSink implements NotificationSink {

    /** The logger name used unless another is configured. */
    public static final String DEFAULT_LOGGER_NAME = "dev.keyline.notification";

    private static final int DEFAULT_MAX_PAYLOAD_LENGTH = 4096;

    private final System.Logger logger;
    private final System.Logger.Level level;
    private final boolean includePayload;
    private final int maxPayloadLength;
    private final String name;

    /** A sink logging at INFO to the logger {@value #DEFAULT_LOGGER_NAME}, without payloads. */
    public LoggingSink() {
        this(builder());
    }

    /**
     * A sink logging at INFO to the given logger, without payloads.
     *
     * @param logger the logger
     */
    public LoggingSink(System.Logger logger) {
        this(builder().logger(logger));
    }

    private LoggingSink(Builder builder) {
        this.logger = builder.logger != null ? builder.logger : System.getLogger(builder.loggerName);
        this.level = builder.level;
        this.includePayload = builder.includePayload;
        this.maxPayloadLength = builder.maxPayloadLength;
        this.name = builder.name;
    }

    /**
     * A builder for a sink with a chosen logger, level and payload policy.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Writes the notification's line, if the logger is enabled for the configured level. */
    @Override
    public void deliver(Notification notification) {
        Require.nonNull(notification, "notification");
        if (logger.isLoggable(level)) {
            logger.log(level, format(notification));
        }
    }

    /**
     * {@return the line this sink writes for the notification; never throws for a valid
     * notification}
     *
     * @param notification the notification
     */
    public String format(Notification notification) {
        Require.nonNull(notification, "notification");
        try {
            StringBuilder line = new StringBuilder(256).append("notification");
            field(line, "eventId", notification.eventId().toString());
            field(line, "type", notification.type());
            field(line, "occurredAt", notification.occurredAt().toString());
            field(line, "aggregateId", notification.aggregateId());
            field(line, "attempt", Integer.toString(notification.attempt()));
            Audience audience = notification.audience();
            field(line, "role", audience.role());
            field(line, "organisationUnit", audience.organisationUnit());
            field(line, "accountId", audience.accountId());
            field(line, "stationId", audience.stationId());
            field(line, "subject", audience.subject());
            if (includePayload) {
                field(line, "payload", cut(notification.payload()));
            }
            return line.toString();
        } catch (RuntimeException e) {
            // a log line must not stop delivery; say what went wrong instead
            StringBuilder line = new StringBuilder("notification");
            field(line, "eventId", String.valueOf(notification.eventId()));
            field(line, "formattingError", e.getClass().getName() + ": " + e.getMessage());
            return line.toString();
        }
    }

    private String cut(String payload) {
        if (payload.length() <= maxPayloadLength) {
            return payload;
        }
        int end = maxPayloadLength;
        if (Character.isHighSurrogate(payload.charAt(end - 1))) {
            end--; // do not split a surrogate pair
        }
        return payload.substring(0, end) + "…(" + (payload.length() - end) + " more chars)";
    }

    private static void field(StringBuilder line, String key, String value) {
        if (value == null) {
            return;
        }
        line.append(' ').append(key).append('=');
        if (!value.isEmpty() && value.chars().allMatch(LoggingSink::isBare)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    private static boolean isBare(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == ':' || c == '+' || c == '/' || c == '@';
    }

    /** The name given at build time, default {@code LoggingSink}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "LoggingSink[" + name + ", logger=" + logger.getName() + ", level=" + level
                + (includePayload ? ", with payload" : "") + "]";
    }

    /** Options of a {@link LoggingSink}. */
    public static final class Builder {

        private String loggerName = DEFAULT_LOGGER_NAME;
        private System.Logger logger;
        private System.Logger.Level level = System.Logger.Level.INFO;
        private boolean includePayload;
        private int maxPayloadLength = DEFAULT_MAX_PAYLOAD_LENGTH;
        private String name = "LoggingSink";

        private Builder() {
        }

        /**
         * The name of the logger to obtain from {@link System#getLogger(String)}; default {@value LoggingSink#DEFAULT_LOGGER_NAME}.
         *
         * @param loggerName the name passed to {@link System#getLogger(String)}
         * @return this builder
         */
        public Builder loggerName(String loggerName) {
            this.loggerName = Require.nonBlank(loggerName, "loggerName");
            this.logger = null;
            return this;
        }

        /**
         * The logger to write to, replacing any logger name given.
         *
         * @param logger the logger
         * @return this builder
         */
        public Builder logger(System.Logger logger) {
            this.logger = Require.nonNull(logger, "logger");
            return this;
        }

        /**
         * The level of every line; default INFO. {@code OFF} and {@code ALL} are rejected.
         *
         * @param level the level of every line
         * @return this builder
         */
        public Builder level(System.Logger.Level level) {
            Require.nonNull(level, "level");
            Require.that(level != System.Logger.Level.OFF && level != System.Logger.Level.ALL, "level",
                    () -> "must be a level a message can have, was " + level);
            this.level = level;
            return this;
        }

        /**
         * Whether the line ends with the event payload; default false.
         *
         * @param include true to end each line with the event payload
         * @return this builder
         */
        public Builder includePayload(boolean include) {
            this.includePayload = include;
            return this;
        }

        /**
         * How many payload characters to write before cutting; default 4096.
         *
         * @param length the most payload characters, above zero
         * @return this builder
         */
        public Builder maxPayloadLength(int length) {
            Require.positive(length, "maxPayloadLength");
            this.maxPayloadLength = length;
            return this;
        }

        /**
         * The sink's name in dead-letter reasons; default {@code LoggingSink}.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Require.nonBlank(name, "name");
            return this;
        }

        /**
         * Builds the sink.
         *
         * @return the sink
         */
        public LoggingSink build() {
            return new LoggingSink(this);
        }
    }
}
