package io.tenure.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Allocates unique 11-digit numbers. The number space is a list of slots, each a five-digit head
 * (three-digit prefix plus two digits) owning one million numbers; slots per prefix follow the
 * share the range should have. A keyed Feistel permutation maps the subscriber index bijectively
 * onto the space, so numbers are unique without any bookkeeping and look scattered.
 *
 * <p>The operator is a China Mobile-like incumbent: most numbers are its own ranges. Numbers in
 * other operators' ranges are lines that ported in; 170/171/162/165/167 are MVNO resale,
 * 1349 satellite and 144/146/148/149 IoT ranges (all three not portable, rules §3).
 */
final class NumberPlan {
    enum Kind { OWN, PORTED_CUCC, PORTED_CTCC, PORTED_CBN, MVNO, SATELLITE, IOT }

    private static final long SLOT = 1_000_000L;
    private static final int HALF_BITS = 15;
    private static final long HALF_MASK = (1L << HALF_BITS) - 1;

    private final int[] slotHead;
    private final Kind[] slotKind;
    private final long domain;
    private final long[] keys = new long[4];

    NumberPlan(long seed) {
        List<int[]> heads = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        // own ranges: prefix, number of slots
        int[][] own = {{135, 30}, {136, 30}, {137, 30}, {138, 30}, {139, 30}, {134, 20}, {150, 20}, {151, 20},
                {152, 18}, {157, 14}, {158, 20}, {159, 20}, {147, 5}, {172, 4}, {178, 10}, {182, 14}, {183, 14},
                {184, 5}, {187, 20}, {188, 20}, {195, 8}, {197, 4}, {198, 10}};
        for (int[] p : own) {
            for (int k = 0; k < p[1]; k++) {
                add(heads, kinds, p[0], k, Kind.OWN); // two-digit codes 00.. never reach 90, so 1349x stays satellite
            }
        }
        for (int p : new int[] {130, 131, 132, 155, 156, 185, 186, 176, 166}) {
            add(heads, kinds, p, 37, Kind.PORTED_CUCC);
        }
        for (int p : new int[] {133, 153, 177, 180, 181, 189, 199, 173}) {
            add(heads, kinds, p, 52, Kind.PORTED_CTCC);
        }
        add(heads, kinds, 192, 10, Kind.PORTED_CBN);
        for (int p : new int[] {170, 171, 162, 165, 167}) {
            add(heads, kinds, p, 50, Kind.MVNO);
            add(heads, kinds, p, 51, Kind.MVNO);
        }
        add(heads, kinds, 134, 90, Kind.SATELLITE);
        for (int p : new int[] {144, 146, 148, 149}) {
            add(heads, kinds, p, 60, Kind.IOT);
        }
        slotHead = heads.stream().mapToInt(h -> h[0] * 100 + h[1]).toArray();
        slotKind = kinds.toArray(new Kind[0]);
        domain = slotHead.length * SLOT;
        Rng r = new Rng(seed, 0x4E554D42L, 0);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextLong();
        }
    }

    private static void add(List<int[]> heads, List<Kind> kinds, int prefix, int code, Kind kind) {
        heads.add(new int[] {prefix, code});
        kinds.add(kind);
    }

    /** How many subscribers the space can number. */
    long capacity() {
        return domain;
    }

    /** The unique position in the number space of the subscriber with this index. */
    long position(long index) {
        long x = index;
        do {
            x = feistel(x);
        } while (x >= domain); // cycle walking keeps the permutation inside the domain
        return x;
    }

    Kind kind(long position) {
        return slotKind[(int) (position / SLOT)];
    }

    /** The 11-digit number as a long, e.g. 13859012345. */
    long msisdn(long position) {
        return slotHead[(int) (position / SLOT)] * SLOT + position % SLOT;
    }

    private long feistel(long x) {
        long left = (x >>> HALF_BITS) & HALF_MASK;
        long right = x & HALF_MASK;
        for (long key : keys) {
            long f = Rng.mix(right ^ key) & HALF_MASK;
            long next = left ^ f;
            left = right;
            right = next;
        }
        return (left << HALF_BITS) | right;
    }
}
