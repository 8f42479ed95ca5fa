package dev.keyline.examples.classify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Per-customer totals of one part of a spend file, keyed by the customer id's bytes: an
 * open-addressing hash table over primitive arrays, so a row adds to its customer without creating
 * an object. Customer and network ids are ASCII (the id rule allows only letters, digits and
 * {@code - _ . :}), so their bytes are their characters.
 *
 * <p>Per customer it keeps the network (an index into the table's own network list), the total in
 * cents, the first line the customer appears on, and the first later line that puts it under
 * another network (0 when none), with that network. Not thread-safe: one per part of the file.
 */
final class CustomerTable {

    private static final int EMPTY = -1;

    /** A slot holds {@code hash << 32 | (index + 1)}, so most probes need no other array; 0 is empty. */
    private long[] slots;
    /** Written so the JIT keeps {@link #touch}'s loads. */
    private long touched;
    private byte[] keys = new byte[1 << 16];
    private int keysUsed;
    private int[] keyStart;
    private byte[] keyLength;
    private int[] hashes;
    private long[] cents;
    private int[] network;
    private int[] firstLine;
    private int[] conflictLine;
    private int[] conflictNetwork;
    private int size;

    private String[] networks = new String[4];
    private byte[][] networkBytes = new byte[4][];
    private int networkCount;

    CustomerTable(int expectedCustomers) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expectedCustomers)) * 2);
        slots = new long[capacity * 2];
        keyStart = new int[capacity];
        keyLength = new byte[capacity];
        hashes = new int[capacity];
        cents = new long[capacity];
        network = new int[capacity];
        firstLine = new int[capacity];
        conflictLine = new int[capacity];
        conflictNetwork = new int[capacity];
    }

    /** The number of customers. */
    int size() {
        return size;
    }

    /** The network code of a network index. */
    String networkName(int index) {
        return networks[index];
    }

    /** The number of networks seen. */
    int networkCount() {
        return networkCount;
    }

    /**
     * The index of the network whose code is the bytes {@code [start, start + length)} of {@code in},
     * adding it when new. Networks are few, so a linear search with a one-entry cache is enough.
     */
    int networkIndex(byte[] in, int start, int length) {
        for (int n = 0; n < networkCount; n++) {
            byte[] b = networkBytes[n];
            if (b.length == length && equal(b, 0, in, start, length)) {
                return n;
            }
        }
        return addNetwork(Arrays.copyOfRange(in, start, start + length));
    }

    /** Whether network {@code index} has the code in bytes {@code [start, start + length)} of {@code in}. */
    boolean networkIs(int index, byte[] in, int start, int length) {
        byte[] b = networkBytes[index];
        return b.length == length && equal(b, 0, in, start, length);
    }

    /** The index of a network code, adding it when new. */
    int networkIndex(String code) {
        for (int n = 0; n < networkCount; n++) {
            if (networks[n].equals(code)) {
                return n;
            }
        }
        return addNetwork(code.getBytes(StandardCharsets.US_ASCII));
    }

    private int addNetwork(byte[] code) {
        if (networkCount == networks.length) {
            networks = Arrays.copyOf(networks, networkCount * 2);
            networkBytes = Arrays.copyOf(networkBytes, networkCount * 2);
        }
        networkBytes[networkCount] = code;
        networks[networkCount] = new String(code, StandardCharsets.US_ASCII);
        return networkCount++;
    }

    /**
     * Adds one row's spend to its customer.
     *
     * @param in the bytes holding the customer id
     * @param start where the id starts
     * @param length its length, 1 to 64
     * @param hash {@link #hash} of the id
     * @param networkIndex the row's network
     * @param amountCents the row's spend in cents
     * @param line the row's line number (within this part of the file)
     * @return false when the customer's total would overflow a long (the row is not added)
     */
    boolean add(byte[] in, int start, int length, int hash, int networkIndex, long amountCents, int line) {
        if (size == keyStart.length) {
            grow();
        }
        int mask = slots.length - 1;
        int s = hash & mask;
        while (true) {
            long v = slots[s];
            if (v == 0) {
                int i = append(hash, length, networkIndex, line);
                System.arraycopy(in, start, keys, keyStart[i], length);
                slots[s] = slot(hash, i);
                cents[i] = amountCents;
                return true;
            }
            if ((int) (v >>> 32) == hash) {
                int i = (int) v - 1;
                if (keyLength[i] == length && equal(keys, keyStart[i], in, start, length)) {
                    return addTo(i, networkIndex, amountCents, line);
                }
            }
            s = (s + 1) & mask;
        }
    }

    private static long slot(int hash, int index) {
        return ((long) hash << 32) | (index + 1L);
    }

    /**
     * Loads the first slot of each of the hashes, one after another: the loads do not depend on
     * each other, so the processor fetches them from memory in parallel, and the adds that follow
     * find them in cache. Looking customers up is what bounds the reading speed.
     */
    void touch(int[] hashes, int count) {
        int mask = slots.length - 1;
        long sum = 0;
        for (int k = 0; k < count; k++) {
            sum += slots[hashes[k] & mask];
        }
        touched += sum;
    }

    /** As {@link #add(byte[], int, int, int, int, long, int)} for an id given as its own bytes. */
    boolean add(byte[] id, int networkIndex, long amountCents, int line) {
        return add(id, 0, id.length, hash(id, 0, id.length), networkIndex, amountCents, line);
    }

    private boolean addTo(int i, int networkIndex, long amountCents, int line) {
        long sum = cents[i] + amountCents;
        if (sum < 0) {
            return false;
        }
        cents[i] = sum;
        if (network[i] != networkIndex && conflictLine[i] == 0) {
            conflictLine[i] = line;
            conflictNetwork[i] = networkIndex;
        }
        return true;
    }

    private int append(int hash, int length, int networkIndex, int line) {
        if (keysUsed + length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + length));
        }
        int i = size++;
        keyStart[i] = keysUsed;
        keysUsed += length;
        keyLength[i] = (byte) length;
        hashes[i] = hash;
        network[i] = networkIndex;
        firstLine[i] = line;
        return i;
    }

    private void grow() {
        int capacity = keyStart.length * 2;
        keyStart = Arrays.copyOf(keyStart, capacity);
        keyLength = Arrays.copyOf(keyLength, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        cents = Arrays.copyOf(cents, capacity);
        network = Arrays.copyOf(network, capacity);
        firstLine = Arrays.copyOf(firstLine, capacity);
        conflictLine = Arrays.copyOf(conflictLine, capacity);
        conflictNetwork = Arrays.copyOf(conflictNetwork, capacity);
        slots = new long[capacity * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int s = hashes[i] & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = slot(hashes[i], i);
        }
    }

    /** The hash of an id's bytes, spread over the table's bits. */
    static int hash(byte[] in, int start, int length) {
        int h = 0;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + in[i];
        }
        return spread(h);
    }

    /** Spreads a 31-multiplier hash computed by a caller over the table's bits. */
    static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static boolean equal(byte[] a, int aStart, byte[] b, int bStart, int length) {
        return Arrays.equals(a, aStart, aStart + length, b, bStart, bStart + length);
    }

    // --- reading entries back, for merging parts and handing the totals to the domain ---

    String id(int i) {
        return new String(keys, keyStart[i], keyLength[i], StandardCharsets.US_ASCII);
    }

    byte[] keyBytes() {
        return keys;
    }

    int keyStart(int i) {
        return keyStart[i];
    }

    int keyLength(int i) {
        return keyLength[i];
    }

    int hash(int i) {
        return hashes[i];
    }

    long cents(int i) {
        return cents[i];
    }

    int network(int i) {
        return network[i];
    }

    int firstLine(int i) {
        return firstLine[i];
    }

    int conflictLine(int i) {
        return conflictLine[i];
    }

    int conflictNetwork(int i) {
        return conflictNetwork[i];
    }

    /**
     * Finds a customer by its id bytes.
     *
     * @return its index, or -1 when absent
     */
    int find(byte[] in, int start, int length, int hash) {
        int mask = slots.length - 1;
        for (int s = hash & mask; ; s = (s + 1) & mask) {
            long v = slots[s];
            if (v == 0) {
                return EMPTY;
            }
            int i = (int) v - 1;
            if ((int) (v >>> 32) == hash && keyLength[i] == length && equal(keys, keyStart[i], in, start, length)) {
                return i;
            }
        }
    }

    /** Adds cents to an existing customer; false on overflow. */
    boolean addCents(int i, long amountCents) {
        long sum = cents[i] + amountCents;
        if (sum < 0) {
            return false;
        }
        cents[i] = sum;
        return true;
    }

    /** Records a conflicting line for a customer unless an earlier one is known. */
    void conflict(int i, int line, int networkIndex) {
        if (conflictLine[i] == 0 || line < conflictLine[i]) {
            conflictLine[i] = line;
            conflictNetwork[i] = networkIndex;
        }
    }

    /** Inserts a customer known to be absent, with its totals. */
    int insert(byte[] in, int start, int length, int hash, int networkIndex, long amountCents, int line) {
        add(in, start, length, hash, networkIndex, amountCents, line);
        return find(in, start, length, hash);
    }
}
