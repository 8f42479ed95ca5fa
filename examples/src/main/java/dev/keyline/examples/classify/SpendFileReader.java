package dev.keyline.examples.classify;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.NetworkAverages;
import dev.keyline.domain.account.SpendTotals;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Reads a spend file ({@link SpendCsv}'s format, with exactly its errors) straight into each
 * customer's total, for files of millions of rows: the file is split at line boundaries into one
 * part per core, each part is read in blocks of a few megabytes, and its rows are folded into
 * per-customer totals in integer cents as they are parsed. No row is kept: memory grows with the
 * number of customers, not rows. The parts' totals are then merged in file order and handed to
 * the domain's {@link SpendTotals}, which gives each network's averages for the rules.
 *
 * <p>Which error a bad file reports is the same as {@link SpendCsv#read(java.io.InputStream)}
 * followed by {@link SpendSheet}'s check: bytes that are not UTF-8 (the first such line) before
 * anything else; then the earliest format problem, line by line; then the first row that puts a
 * customer under a second network.
 */
public final class SpendFileReader {

    /** Files smaller than this are read as one part: splitting them would cost more than it saves. */
    private static final long SPLIT_BELOW = 4 << 20;
    /** The largest part: line numbers within a part stay far from overflowing. */
    private static final long LARGEST_PART = 1L << 30;

    /**
     * What a spend file held.
     *
     * @param averages per network (by code) its customers' averages over the window, ranked
     * @param window every month that occurs in the file
     * @param rows the number of data rows
     * @param customers the number of distinct customers
     */
    public record Contents(Map<LocalNetworkId, NetworkAverages> averages, SortedSet<YearMonth> window, long rows,
            int customers) {
    }

    private SpendFileReader() {
    }

    /**
     * Reads a spend file using every available core.
     *
     * @param path the file
     * @param progress told how many more bytes were read, from any thread, as reading goes on
     * @return the averages and counts
     * @throws SpendFileException when the file breaks the format
     * @throws IOException when the file cannot be read
     */
    public static Contents read(Path path, LongConsumer progress) throws IOException {
        return read(path, progress, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Reads a spend file in about {@code parallelism} parts at once.
     *
     * @param path the file
     * @param progress told how many more bytes were read, from any thread
     * @param parallelism how many parts to read at the same time, positive
     * @return the averages and counts
     * @throws SpendFileException when the file breaks the format
     * @throws IOException when the file cannot be read
     */
    public static Contents read(Path path, LongConsumer progress, int parallelism) throws IOException {
        return read(path, progress, parallelism, SPLIT_BELOW, SpendChunk.BLOCK);
    }

    /**
     * As {@link #read(Path, LongConsumer, int)}, splitting files of at least {@code splitBelow}
     * bytes and reading in blocks of {@code block} bytes (tests split tiny files into tiny blocks).
     */
    static Contents read(Path path, LongConsumer progress, int parallelism, long splitBelow, int block)
            throws IOException {
        Require.nonNull(path, "path");
        Require.nonNull(progress, "progress");
        Require.positive(parallelism, "parallelism");
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = file.size();
            long[] bounds = bounds(file, size, size < splitBelow ? 1 : parallelism);
            List<SpendChunk> chunks = readParts(file, bounds, progress, parallelism, block);
            return combine(chunks);
        }
    }

    /** Part boundaries: each at the start of a line, the first 0, the last {@code size}. */
    private static long[] bounds(FileChannel file, long size, int parallelism) throws IOException {
        int parts = (int) Math.max(parallelism, (size + LARGEST_PART - 1) / LARGEST_PART);
        long[] bounds = new long[parts + 1];
        bounds[parts] = size;
        for (int k = 1; k < parts; k++) {
            long nominal = Math.max(bounds[k - 1], size * k / parts);
            bounds[k] = lineStartFrom(file, nominal, size);
        }
        return bounds;
    }

    /** The first position ≥ {@code from} where a line starts (after LF, CRLF or a lone CR), or {@code size}. */
    private static long lineStartFrom(FileChannel file, long from, long size) throws IOException {
        if (from == 0) {
            return 0;
        }
        ByteBuffer window = ByteBuffer.allocate(1 << 16);
        long position = from - 1; // the byte before a line start ends a line
        while (position < size) {
            window.clear();
            int n = file.read(window, position);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = window.get(i);
                long at = position + i;
                if (b == '\n') {
                    return at + 1;
                }
                if (b == '\r') {
                    if (i + 1 < n) {
                        return window.get(i + 1) == '\n' ? at + 2 : at + 1;
                    }
                    if (at + 1 >= size) {
                        return size;
                    }
                    ByteBuffer one = ByteBuffer.allocate(1);
                    file.read(one, at + 1);
                    return one.get(0) == '\n' ? at + 2 : at + 1;
                }
            }
            position += n;
        }
        return size;
    }

    private static List<SpendChunk> readParts(FileChannel file, long[] bounds, LongConsumer progress, int parallelism,
            int block) throws IOException {
        int parts = bounds.length - 1;
        List<SpendChunk> chunks = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            chunks.add(new SpendChunk(file, bounds[k], bounds[k + 1], k == 0, block, progress));
        }
        if (parts == 1) {
            chunks.get(0).read();
            return chunks;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parts, parallelism), runnable -> {
            Thread thread = new Thread(runnable, "keyline-spend-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<SpendChunk>> running = new ArrayList<>();
            for (SpendChunk chunk : chunks) {
                running.add(pool.submit(chunk::read));
            }
            for (Future<SpendChunk> future : running) {
                future.get();
            }
            return chunks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the spend file", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Contents combine(List<SpendChunk> chunks) {
        int[] base = new int[chunks.size()];
        long lines = 0;
        for (int k = 0; k < chunks.size(); k++) {
            base[k] = (int) lines;
            lines += chunks.get(k).lines;
        }
        for (int k = 0; k < chunks.size(); k++) {
            if (chunks.get(k).badUtf8Line != 0) {
                throw new SpendFileException(base[k] + chunks.get(k).badUtf8Line, "is not valid UTF-8 text");
            }
        }
        if (lines == 0) {
            throw new SpendFileException(1, "the file is empty; expected the header " + String.join(",", SpendCsv.HEADER));
        }
        firstProblem(chunks, base);
        SortedSet<YearMonth> window = new TreeSet<>();
        boolean[] months = new boolean[chunks.get(0).months.length];
        long rows = 0;
        for (SpendChunk chunk : chunks) {
            rows += chunk.rows;
            for (int m = 0; m < months.length; m++) {
                months[m] |= chunk.months[m];
            }
        }
        CustomerTable all = merge(chunks, base);
        chunks.clear(); // the other parts' tables are merged: let them go before the domain's totals are built
        checkOneNetworkPerCustomer(all);
        for (int m = 0; m < months.length; m++) {
            if (months[m]) {
                window.add(YearMonth.of(m / 12, m % 12 + 1));
            }
        }
        SpendTotals totals = new SpendTotals(Money.CNY, all.size());
        LocalNetworkId[] networks = new LocalNetworkId[all.networkCount()];
        for (int n = 0; n < networks.length; n++) {
            networks[n] = new LocalNetworkId(all.networkName(n));
        }
        for (int i = 0; i < all.size(); i++) {
            totals.add(new AccountId(all.id(i)), networks[all.network(i)], all.cents(i));
        }
        Map<LocalNetworkId, NetworkAverages> averages = window.isEmpty() ? Map.of() : totals.averages(window.size());
        return new Contents(averages, window, rows, all.size());
    }

    /**
     * Throws the format problem the whole-file reader meets first: the earliest part's problem, or
     * a blank line followed by a row in a later part, whichever it reaches first.
     */
    private static void firstProblem(List<SpendChunk> chunks, int[] base) {
        int blank = 0;
        int rowAfterBlank = 0;
        for (int k = 0; k < chunks.size() && rowAfterBlank == 0; k++) {
            SpendChunk c = chunks.get(k);
            if (blank == 0 && c.firstBlank != 0) {
                blank = base[k] + c.firstBlank;
                if (c.rowAfterBlank != 0) {
                    rowAfterBlank = base[k] + c.rowAfterBlank;
                }
            } else if (blank != 0 && c.firstRow != 0) {
                rowAfterBlank = base[k] + c.firstRow;
            }
        }
        for (int k = 0; k < chunks.size(); k++) {
            SpendChunk c = chunks.get(k);
            if (c.problem != null) {
                int at = base[k] + c.problemAt;
                if (rowAfterBlank != 0 && rowAfterBlank <= at) {
                    break;
                }
                throw new SpendFileException(base[k] + c.problemLine, c.problem);
            }
        }
        if (rowAfterBlank != 0) {
            throw new SpendFileException(blank, "blank line between rows; only trailing blank lines are allowed");
        }
    }

    /** Merges every part's customers into the first part's table, in file order. */
    private static CustomerTable merge(List<SpendChunk> chunks, int[] base) {
        CustomerTable all = chunks.get(0).table;
        for (int k = 1; k < chunks.size(); k++) {
            CustomerTable part = chunks.get(k).table;
            int[] networkOf = new int[part.networkCount()];
            for (int n = 0; n < networkOf.length; n++) {
                networkOf[n] = all.networkIndex(part.networkName(n));
            }
            byte[] keys = part.keyBytes();
            for (int i = 0; i < part.size(); i++) {
                int start = part.keyStart(i);
                int length = part.keyLength(i);
                int hash = part.hash(i);
                int network = networkOf[part.network(i)];
                int first = base[k] + part.firstLine(i);
                int j = all.find(keys, start, length, hash);
                if (j < 0) {
                    j = all.insert(keys, start, length, hash, network, part.cents(i), first);
                    if (part.conflictLine(i) != 0) {
                        all.conflict(j, base[k] + part.conflictLine(i), networkOf[part.conflictNetwork(i)]);
                    }
                    continue;
                }
                if (all.network(j) != network) {
                    all.conflict(j, first, network);
                } else if (part.conflictLine(i) != 0) {
                    all.conflict(j, base[k] + part.conflictLine(i), networkOf[part.conflictNetwork(i)]);
                }
                if (!all.addCents(j, part.cents(i))) {
                    throw new SpendFileException(first, "the total spend of customer " + part.id(i)
                            + " is larger than the largest amount this command adds up, "
                            + Money.ofCents(Long.MAX_VALUE, Money.CNY));
                }
            }
        }
        return all;
    }

    private static void checkOneNetworkPerCustomer(CustomerTable all) {
        int customer = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.conflictLine(i) != 0 && (customer < 0 || all.conflictLine(i) < all.conflictLine(customer))) {
                customer = i;
            }
        }
        if (customer >= 0) {
            throw new SpendFileException(all.conflictLine(customer), "customer " + all.id(customer) + " is under network "
                    + all.networkName(all.conflictNetwork(customer)) + " here but under "
                    + all.networkName(all.network(customer)) + " on line " + all.firstLine(customer)
                    + "; a customer belongs to one network");
        }
    }
}
