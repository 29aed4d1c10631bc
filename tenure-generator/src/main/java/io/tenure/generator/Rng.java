package io.tenure.generator;

/**
 * SplitMix64 generator with the few distributions the generator needs. Mutable and reseedable so
 * that one instance per worker serves every subscriber without allocation; a subscriber's stream
 * depends only on (seed, stream, index), which is what makes output independent of threading.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    Rng() {
    }

    Rng(long seed, long stream, long index) {
        reseed(seed, stream, index);
    }

    /** Positions the generator at the start of the stream for (seed, stream, index). */
    void reseed(long seed, long stream, long index) {
        state = mix(mix(seed ^ mix(stream + GOLDEN)) + index * GOLDEN);
    }

    /** Stafford variant 13 finaliser: a strong 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); bound ≥ 1. Multiply-shift: bias below 2^-32, irrelevant here. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform integer in [lo, hi] inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Box–Muller, one value per call so no hidden state survives a reseed). */
    double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Log-normal with the given median and log-scale sigma. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    /** Poisson count; Knuth's product method for small means, normal approximation above 30. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double p = nextDouble();
        int k = 0;
        while (p > limit) {
            p *= nextDouble();
            k++;
        }
        return k;
    }

    /** Geometric count of failures before a success, with the given mean. */
    int geometric(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1.0 / (1.0 + mean);
        return (int) Math.floor(Math.log(1.0 - nextDouble()) / Math.log(1.0 - p));
    }

    /** Index drawn from a cumulative weight table (last entry = total). */
    int pick(double[] cumulative) {
        double x = nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Turns weights into the cumulative table {@link #pick} expects. */
    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
