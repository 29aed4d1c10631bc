package io.tenure.ingest;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * {@code subscriber_id} to {@code sub_idx} for the Java reader: the ids' UTF-8 bytes in one array and an
 * open-addressing table over them, looked up straight from the bytes of a CSV line without making a String.
 * About 20 bytes per subscriber, 200 MB at 10M.
 */
final class SubscriberIndex {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[] keys = new byte[1 << 16];
    private int used;
    private int[] starts = new int[1 << 10];
    private int[] subIdx = new int[1 << 10];
    private int count;
    /** Entry of each sub_idx, -1 for none, to try the next subscriber of a sorted feed first. */
    private int[] entryOf = new int[1 << 10];
    /** Slot to entry + 1; 0 is empty. */
    private int[] slots = new int[1 << 11];

    private SubscriberIndex(Connection db) throws SQLException, IOException {
        Arrays.fill(entryOf, -1);
        try (BufferAllocator allocator = new RootAllocator(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT subscriber_id, sub_idx FROM " + Sql.id(Contract.SUBSCRIBERS))) {
            ArrowReader reader = (ArrowReader) rs.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 1 << 16);
            try (reader) {
                while (reader.loadNextBatch()) {
                    VectorSchemaRoot root = reader.getVectorSchemaRoot();
                    VarCharVector ids = (VarCharVector) root.getVector(0);
                    BigIntVector idx = (BigIntVector) root.getVector(1);
                    for (int i = 0; i < root.getRowCount(); i++) {
                        long v = idx.get(i);
                        if (v > Integer.MAX_VALUE) {
                            throw new IOException("more subscribers than the Java reader indexes");
                        }
                        add(ids.get(i), (int) v);
                    }
                }
            }
        }
    }

    /** The index of the loaded {@code subscribers} table. */
    static SubscriberIndex of(Connection db) throws SQLException, IOException {
        return new SubscriberIndex(db);
    }

    /**
     * The sub_idx of the id in {@code b[from, to)}, or -1 when there is no such subscriber; {@code guess} is
     * tried first, as feeds sorted like the snapshot name the subscriber after the previous row's.
     */
    int find(byte[] b, int from, int to, int guess) {
        if (guess >= 0 && guess < entryOf.length && entryOf[guess] >= 0 && holds(entryOf[guess], b, from, to)) {
            return guess;
        }
        return find(b, from, to);
    }

    /** The sub_idx of the id in {@code b[from, to)}, or -1 when there is no such subscriber. */
    int find(byte[] b, int from, int to) {
        int mask = slots.length - 1;
        int slot = (int) hash(b, from, to) & mask;
        while (true) {
            int e = slots[slot];
            if (e == 0) {
                return -1;
            }
            if (holds(e - 1, b, from, to)) {
                return subIdx[e - 1];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether entry e's id is the bytes {@code b[from, to)}. */
    private boolean holds(int e, byte[] b, int from, int to) {
        return Arrays.equals(keys, starts[e], starts[e + 1], b, from, to);
    }

    private void add(byte[] id, int value) throws IOException {
        if ((long) used + id.length > Integer.MAX_VALUE - 16) {
            throw new IOException("subscriber ids too long for the Java reader's index");
        }
        if (used + id.length > keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(keys.length * 2L, used + id.length)));
        }
        if (count + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            subIdx = Arrays.copyOf(subIdx, subIdx.length * 2);
        }
        System.arraycopy(id, 0, keys, used, id.length);
        starts[count] = used;
        used += id.length;
        starts[count + 1] = used;
        subIdx[count] = value;
        if (value >= entryOf.length) {
            int old = entryOf.length;
            entryOf = Arrays.copyOf(entryOf, Math.max(old * 2, value + 1));
            Arrays.fill(entryOf, old, entryOf.length, -1);
        }
        entryOf[value] = count;
        count++;
        if (count * 2 > slots.length) {
            rehash(slots.length * 2);
        } else {
            place(count);
        }
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int e = 1; e <= count; e++) {
            place(e);
        }
    }

    private void place(int entry) {
        int mask = slots.length - 1;
        int s = starts[entry - 1];
        int slot = (int) hash(keys, s, starts[entry]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
    }

    /** A multiply-xorshift hash over 8 bytes at a time. */
    private static long hash(byte[] b, int from, int to) {
        long h = (to - from) * 0x9E3779B97F4A7C15L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int k = 0; i < to; i++, k += 8) {
            tail |= (b[i] & 0xFFL) << k;
        }
        h = (h ^ tail) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
