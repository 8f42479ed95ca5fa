package dev.keyline.examples.classify;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.LocalNetworkId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a spend file: UTF-8 CSV with the header {@code customer,network,month,spend}.
 *
 * <p>The format, exactly:
 * <ul>
 *   <li>The first line is the header {@code customer,network,month,spend}, in that order. A UTF-8
 *       byte-order mark before it is ignored.</li>
 *   <li>Every other line is one row of four fields separated by commas. Blank space around a
 *       field is ignored. Lines end with LF, CRLF or CR.</li>
 *   <li>A field may be wrapped in double quotes (RFC 4180); inside, a doubled quote {@code ""}
 *       stands for one quote. A quoted field must end on the line it starts on. A quote inside an
 *       unquoted field is an error.</li>
 *   <li>{@code customer} and {@code network} are ids: 1 to 64 letters, digits and {@code - _ . :}.
 *       {@code month} is {@code YYYY-MM}. {@code spend} is a plain decimal, not negative, with at
 *       most two decimals ({@code 1200}, {@code 1200.5}, {@code 1200.50}); no sign, exponent or
 *       grouping separator.</li>
 *   <li>A customer belongs to one network; the same customer under a second network is an
 *       error.</li>
 *   <li>Blank lines may follow the last row; a blank line between rows is an error.</li>
 * </ul>
 * Any violation fails with a {@link SpendFileException} naming the line and the problem, before
 * any row is returned.
 */
public final class SpendCsv {

    /** The header every spend file starts with. */
    public static final List<String> HEADER = List.of("customer", "network", "month", "spend");

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final char BOM = '\uFEFF';

    private SpendCsv() {
    }

    /**
     * Reads a spend file from bytes, decoding them strictly as UTF-8 (bytes that are not UTF-8 fail
     * naming their line).
     *
     * @param in the file's bytes; not closed
     * @return the rows
     * @throws SpendFileException when the content breaks the format or is not UTF-8
     * @throws IOException when reading fails
     */
    public static SpendSheet read(InputStream in) throws IOException {
        Require.nonNull(in, "in");
        byte[] bytes = in.readAllBytes();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, text, true);
        if (result.isUnderflow()) {
            result = decoder.flush(text);
        }
        if (result.isError()) {
            throw new SpendFileException(lineAt(bytes, input.position()), "is not valid UTF-8 text");
        }
        return read(new StringReader(text.flip().toString()));
    }

    /** The line number of the byte at {@code offset}; line ends are LF, CRLF or CR. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /**
     * Reads a spend file from text.
     *
     * @param text the file's characters; not closed
     * @return the rows
     * @throws SpendFileException when the content breaks the format
     * @throws IOException when reading fails
     */
    public static SpendSheet read(Reader text) throws IOException {
        Require.nonNull(text, "text");
        BufferedReader lines = text instanceof BufferedReader b ? b : new BufferedReader(text);
        List<SpendRow> rows = new ArrayList<>();
        int lineNumber = 0;
        int firstBlankLine = 0;
        boolean headerSeen = false;
        while (true) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
            if (!headerSeen) {
                checkHeader(line);
                headerSeen = true;
                continue;
            }
            if (line.isBlank()) {
                if (firstBlankLine == 0) {
                    firstBlankLine = lineNumber;
                }
                continue;
            }
            if (firstBlankLine != 0) {
                throw new SpendFileException(firstBlankLine, "blank line between rows; only trailing blank lines are allowed");
            }
            rows.add(row(lineNumber, fields(line, lineNumber)));
        }
        if (!headerSeen) {
            throw new SpendFileException(1, "the file is empty; expected the header " + String.join(",", HEADER));
        }
        return new SpendSheet(rows);
    }

    /**
     * Checks the header line (the byte-order mark already removed).
     *
     * @param line the first line
     * @throws SpendFileException naming line 1 when it is not the header
     */
    static void checkHeader(String line) {
        List<String> names;
        try {
            names = fields(line, 1);
        } catch (SpendFileException e) {
            names = List.of();
        }
        if (!names.equals(HEADER)) {
            throw new SpendFileException(1, "the header must be " + String.join(",", HEADER) + " but was '" + line + "'");
        }
    }

    /**
     * Reads one data line that is not blank, with the checks and messages of {@link #read(Reader)}.
     *
     * @param line the line's text
     * @param lineNumber its line number
     * @return the row
     * @throws SpendFileException naming the line when it breaks the format
     */
    static SpendRow row(String line, int lineNumber) {
        return row(lineNumber, fields(line, lineNumber));
    }

    private static SpendRow row(int line, List<String> fields) {
        AccountId customer = id(line, "customer", fields.get(0), AccountId::new);
        LocalNetworkId network = id(line, "network", fields.get(1), LocalNetworkId::new);
        YearMonth month = month(line, fields.get(2));
        Money spend = spend(line, fields.get(3));
        return new SpendRow(line, customer, network, month, spend);
    }

    private static <T> T id(int line, String field, String text, Function<String, T> make) {
        if (text.isEmpty()) {
            throw new SpendFileException(line, field + " is empty");
        }
        try {
            return make.apply(text);
        } catch (InvalidArgumentException e) {
            throw new SpendFileException(line, field + " '" + text
                    + "' is not a valid id: 1 to 64 letters, digits and - _ . :");
        }
    }

    private static YearMonth month(int line, String text) {
        if (text.isEmpty()) {
            throw new SpendFileException(line, "month is empty; expected YYYY-MM");
        }
        if (MONTH.matcher(text).matches()) {
            int year = Integer.parseInt(text.substring(0, 4));
            int month = Integer.parseInt(text.substring(5));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(year, month);
            }
        }
        throw new SpendFileException(line, "month '" + text + "' is not a month of the form YYYY-MM");
    }

    private static Money spend(int line, String text) {
        if (text.isEmpty()) {
            throw new SpendFileException(line, "spend is empty");
        }
        if (text.startsWith("-") && AMOUNT.matcher(text.substring(1)).matches()) {
            throw new SpendFileException(line, "spend '" + text + "' is negative");
        }
        var m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new SpendFileException(line, "spend '" + text
                    + "' is not a plain decimal number such as 1200 or 1200.50");
        }
        if (m.group(1) != null && m.group(1).length() - 1 > Money.SCALE) {
            throw new SpendFileException(line, "spend '" + text + "' has more than 2 decimals");
        }
        return Money.cny(new BigDecimal(text));
    }

    /** Splits one line into exactly four trimmed fields, honouring RFC 4180 double quotes. */
    private static List<String> fields(String line, int lineNumber) {
        List<String> fields = new ArrayList<>(HEADER.size());
        int i = 0;
        int n = line.length();
        while (true) {
            int fieldNumber = fields.size() + 1;
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new SpendFileException(lineNumber, "the quoted field " + fieldNumber
                            + " is not closed (a quoted field must end on the line it starts on)");
                }
                while (i < n && isBlank(line.charAt(i))) {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new SpendFileException(lineNumber, "unexpected text after the closing quote of field " + fieldNumber);
                }
                fields.add(value.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw new SpendFileException(lineNumber, "field " + fieldNumber
                                + " has a double quote inside an unquoted value; quote the whole field and double the quote");
                    }
                    i++;
                }
                fields.add(line.substring(start, i).strip());
            }
            if (i >= n) {
                break;
            }
            i++; // the comma
        }
        if (fields.size() != HEADER.size()) {
            throw new SpendFileException(lineNumber, "expected " + HEADER.size() + " fields ("
                    + String.join(",", HEADER) + ") but found " + fields.size());
        }
        return fields;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
