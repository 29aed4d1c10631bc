package io.tenure.core.billing;

import io.tenure.core.error.TenureException;

/**
 * Domestic usage of one month (or month to date).
 *
 * @param dataMicroMb data in millionths of a MB, so that decimal MB figures add up exactly
 */
public record Usage(long voiceMin, long dataMicroMb, long sms) {
    public static final long MICROS_PER_MB = 1_000_000L;
    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage {
        TenureException.require(voiceMin >= 0 && dataMicroMb >= 0 && sms >= 0, "usage must not be negative");
    }

    public static Usage ofMb(long voiceMin, long dataMb, long sms) {
        return new Usage(voiceMin, Math.multiplyExact(dataMb, MICROS_PER_MB), sms);
    }
}
