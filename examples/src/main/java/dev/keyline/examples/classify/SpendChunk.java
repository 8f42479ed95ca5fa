package dev.keyline.examples.classify;

import dev.keyline.domain.common.Money;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Reads one part of a spend file, split at a line boundary, into a {@link CustomerTable}.
 *
 * <p>A row of the common form ({@code C1,KM,2024-01,1200.50}: plain ids, no blank space or
 * quotes, a plain amount) is parsed straight from the bytes. Any other line (quotes, blank space,
 * a byte that is not ASCII, an error) is decoded and read by {@link SpendCsv}'s own line rules, so
 * it is accepted or rejected with exactly the message the whole-file reader gives.
 *
 * <p>Line numbers here count from 1 at the part's first line; {@link SpendFileReader} adds the
 * lines of the parts before. The part records the first problem of each kind instead of failing,
 * because which problem the file reports depends on the other parts: a byte that is not UTF-8
 * anywhere comes first, then the earliest format problem.
 */
final class SpendChunk {

    private static final char BOM = '\uFEFF';
    private static final int MONTHS = 10_000 * 12;

    /** The size of the blocks a part is read in; a longer line makes the block grow. */
    static final int BLOCK = 4 << 20;

    private final FileChannel file;
    private final long start;
    private final long end;
    private final boolean holdsHeader;
    private final int block;
    private byte[] in;
    private final LongConsumer progress;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    final CustomerTable table = new CustomerTable(1 << 12);
    final boolean[] months = new boolean[MONTHS];
    int lines;
    long rows;
    /** The first line with bytes that are not UTF-8, 0 when none. */
    int badUtf8Line;
    /** Where the first format problem happened (the line being read when it was found), 0 when none. */
    int problemAt;
    /** The line the first format problem names. */
    int problemLine;
    /** The first format problem, without its line. */
    String problem;
    /** The first blank line after the header, 0 when none. */
    int firstBlank;
    /** The first row after {@link #firstBlank}, 0 when none. */
    int rowAfterBlank;
    /** The first row (a line that is neither the header nor blank), 0 when none. */
    int firstRow;

    /** Rows parsed but not yet added, so their table lookups can overlap ({@link CustomerTable#touch}). */
    private static final int BATCH = 64;
    private final int[] batchStart = new int[BATCH];
    private final int[] batchLength = new int[BATCH];
    private final int[] batchHash = new int[BATCH];
    private final int[] batchNetwork = new int[BATCH];
    private final long[] batchCents = new long[BATCH];
    private final int[] batchLine = new int[BATCH];
    private int batched;

    private boolean readingRows = true;
    private int lastNetwork = -1;

    SpendChunk(FileChannel file, long start, long end, boolean holdsHeader, int block, LongConsumer progress) {
        this.file = file;
        this.block = block;
        this.start = start;
        this.end = end;
        this.holdsHeader = holdsHeader;
        this.progress = progress;
    }

    /**
     * Reads the whole part, block by block into one reused array (plain array access is what
     * makes byte-level parsing fast); a line cut by a block's end moves to the next block's front.
     *
     * @return this part, read
     * @throws IOException when reading fails
     */
    SpendChunk read() throws IOException {
        in = new byte[(int) Math.min(block, Math.max(end - start, 1))];
        long position = start;
        int filled = 0;
        while (badUtf8Line == 0) {
            ByteBuffer target = ByteBuffer.wrap(in, filled, (int) Math.min(in.length - filled, end - position));
            while (target.hasRemaining() && position < end) {
                int n = file.read(target, position);
                if (n < 0) {
                    throw new EOFException("the spend file became shorter while it was read");
                }
                position += n;
                progress.accept(n);
            }
            filled = target.position();
            boolean last = position >= end;
            int limit = last ? filled : completeLines(filled);
            if (limit < 0) {
                in = Arrays.copyOf(in, in.length * 2); // one line longer than a block
                continue;
            }
            int p = 0;
            while (p < limit && badUtf8Line == 0) {
                int line = ++lines;
                int next = -1;
                if (readingRows && !(holdsHeader && line == 1)) {
                    next = fastRow(p, limit, line);
                }
                if (next < 0) {
                    flush();
                    next = slowLine(p, limit, line);
                }
                p = next;
            }
            flush(); // the batch points into the block, which is about to be overwritten
            if (last) {
                break;
            }
            System.arraycopy(in, limit, in, 0, filled - limit);
            filled -= limit;
        }
        in = null;
        return this;
    }

    /**
     * Where the complete lines of the first {@code filled} bytes end: just after the last line
     * break, a CR at the very end not counting (an LF may follow in the next block); -1 when there
     * is no complete line.
     */
    private int completeLines(int filled) {
        for (int q = filled - 1; q >= 0; q--) {
            byte c = in[q];
            if (c == '\n' || (c == '\r' && q < filled - 1)) {
                return q + 1;
            }
        }
        return -1;
    }

    private static boolean idByte(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == ':';
    }

    private static boolean digit(int b) {
        return b >= '0' && b <= '9';
    }

    /**
     * Parses a row of the common form starting at {@code p}.
     *
     * @return where the next line starts, or -1 when the line is not of the common form (nothing
     *     was recorded then)
     */
    private int fastRow(int p, int limit, int line) {
        byte[] b = in;
        int i = p;
        int h = 0;
        int c;
        while (i < limit && idByte(c = b[i])) {
            h = 31 * h + c;
            i++;
        }
        int customerLength = i - p;
        if (customerLength == 0 || customerLength > 64 || i >= limit || b[i] != ',') {
            return -1;
        }
        int networkStart = ++i;
        while (i < limit && idByte(b[i])) {
            i++;
        }
        int networkLength = i - networkStart;
        if (networkLength == 0 || networkLength > 64 || i >= limit || b[i] != ',') {
            return -1;
        }
        i++;
        if (i + 8 > limit) {
            return -1;
        }
        int y0 = b[i] - '0';
        int y1 = b[i + 1] - '0';
        int y2 = b[i + 2] - '0';
        int y3 = b[i + 3] - '0';
        int m0 = b[i + 5] - '0';
        int m1 = b[i + 6] - '0';
        if ((y0 | y1 | y2 | y3 | m0 | m1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9
                || b[i + 4] != '-' || b[i + 7] != ',') {
            return -1;
        }
        int month = m0 * 10 + m1;
        if (month < 1 || month > 12) {
            return -1;
        }
        int year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
        i += 8;
        long whole = 0;
        int digits = 0;
        while (i < limit && digit(c = b[i])) {
            whole = whole * 10 + (c - '0');
            digits++;
            i++;
        }
        if (digits == 0 || digits > 16) {
            return -1;
        }
        long cents = whole * 100;
        if (i < limit && b[i] == '.') {
            i++;
            if (i >= limit || !digit(c = b[i])) {
                return -1;
            }
            cents += (c - '0') * 10L;
            i++;
            if (i < limit && digit(c = b[i])) {
                cents += c - '0';
                i++;
            }
        }
        int next;
        if (i >= limit) {
            next = limit;
        } else if (b[i] == '\n') {
            next = i + 1;
        } else if (b[i] == '\r') {
            next = i + 1 < limit && b[i + 1] == '\n' ? i + 2 : i + 1;
        } else {
            return -1;
        }
        if (!rowStarts(line)) {
            return next;
        }
        months[year * 12 + month - 1] = true;
        int k = batched++;
        batchStart[k] = p;
        batchLength[k] = customerLength;
        batchHash[k] = CustomerTable.spread(h);
        batchNetwork[k] = network(p + customerLength + 1, networkLength);
        batchCents[k] = cents;
        batchLine[k] = line;
        if (batched == BATCH) {
            flush();
        }
        rows++;
        return next;
    }

    /** Adds the batched rows to the table, in file order. */
    private void flush() {
        table.touch(batchHash, batched);
        for (int k = 0; k < batched; k++) {
            if (!table.add(in, batchStart[k], batchLength[k], batchHash[k], batchNetwork[k], batchCents[k], batchLine[k])) {
                tooLarge(batchLine[k], batchStart[k], batchLength[k]);
            }
        }
        batched = 0;
    }

    private int network(int from, int length) {
        if (lastNetwork < 0 || !table.networkIs(lastNetwork, in, from, length)) {
            lastNetwork = table.networkIndex(in, from, length);
        }
        return lastNetwork;
    }

    /** Reads a line the whole-file reader's way; returns where the next line starts. */
    private int slowLine(int p, int limit, int line) {
        int e = p;
        boolean ascii = true;
        byte c;
        while (e < limit && (c = in[e]) != '\n' && c != '\r') {
            ascii &= c >= 0;
            e++;
        }
        int next = e;
        if (e < limit) {
            next = in[e] == '\r' && e + 1 < limit && in[e + 1] == '\n' ? e + 2 : e + 1;
        }
        String text;
        if (ascii) {
            text = new String(in, p, e - p, StandardCharsets.US_ASCII);
        } else {
            try {
                CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(in, p, e - p));
                text = chars.toString();
            } catch (CharacterCodingException ex) {
                badUtf8Line = line;
                return next;
            }
        }
        if (!readingRows) {
            return next;
        }
        if (holdsHeader && line == 1) {
            if (!text.isEmpty() && text.charAt(0) == BOM) {
                text = text.substring(1);
            }
            try {
                SpendCsv.checkHeader(text);
            } catch (SpendFileException ex) {
                fail(line, ex);
            }
            return next;
        }
        if (text.isBlank()) {
            if (firstBlank == 0) {
                firstBlank = line;
            }
            return next;
        }
        if (!rowStarts(line)) {
            return next;
        }
        try {
            SpendRow row = SpendCsv.row(text, line);
            var unscaled = row.spend().amount().unscaledValue();
            if (unscaled.bitLength() > 63) {
                fail(line, new SpendFileException(line, "spend '" + row.spend().amount().toPlainString()
                        + "' is larger than the largest amount this command adds up, " + Money.ofCents(Long.MAX_VALUE, Money.CNY)));
                return next;
            }
            byte[] id = row.customer().value().getBytes(StandardCharsets.US_ASCII);
            int network = table.networkIndex(row.network().value());
            months[row.month().getYear() * 12 + row.month().getMonthValue() - 1] = true;
            if (!table.add(id, network, unscaled.longValueExact(), line)) {
                tooLarge(line, id, 0, id.length);
            }
            rows++;
        } catch (SpendFileException ex) {
            fail(line, ex);
        }
        return next;
    }

    /** Notes a row; false (and the blank-line problem recorded) when a blank line came before it. */
    private boolean rowStarts(int line) {
        if (firstRow == 0) {
            firstRow = line;
        }
        if (firstBlank != 0) {
            rowAfterBlank = line;
            problemAt = line;
            problemLine = firstBlank;
            problem = "blank line between rows; only trailing blank lines are allowed";
            readingRows = false;
            return false;
        }
        return true;
    }

    private void tooLarge(int line, int start, int length) {
        tooLarge(line, in, start, length);
    }

    private void tooLarge(int line, byte[] bytes, int from, int length) {
        fail(line, new SpendFileException(line, "the total spend of customer " + new String(bytes, from, length, StandardCharsets.US_ASCII)
                + " is larger than the largest amount this command adds up, " + Money.ofCents(Long.MAX_VALUE, Money.CNY)));
    }

    private void fail(int line, SpendFileException e) {
        if (problem != null && problemAt <= line) {
            return; // an earlier problem stands
        }
        problemAt = line;
        problemLine = e.line();
        problem = e.problem();
        readingRows = false;
    }
}
