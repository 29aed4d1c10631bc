package io.tenure.engine.fourhigh;

import io.tenure.core.fourhigh.Level;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;
import io.tenure.core.fourhigh.TagSet;
import io.tenure.core.fourhigh.TagStatus;

import java.time.YearMonth;
import java.util.List;

/**
 * Counts of the four-high stage: per month evaluated and tag held (the trend), and per tag in M
 * the levels and movements. Mutable while one partition runs; partitions are then added up.
 */
public final class FourHighResult {
    private static final int TAGS = Tag.values().length;
    private final List<YearMonth> months;
    final long[] evaluated;
    final long[][] held;          // [month][tag]
    final long[][] statusCounts;  // [tag][NEW, PERSISTENT, ENTERED, STAYED, EXITED]
    final long[] heldLastMonth;   // [tag], among subscribers evaluated in M
    long notEvaluatedInM;

    private FourHighResult(List<YearMonth> months) {
        this.months = months;
        this.evaluated = new long[months.size()];
        this.held = new long[months.size()][TAGS];
        this.statusCounts = new long[TAGS][5];
        this.heldLastMonth = new long[TAGS];
    }

    static FourHighResult empty(List<YearMonth> months) {
        return new FourHighResult(months);
    }

    void count(int month, TagSet tags) {
        evaluated[month]++;
        for (int t = 0; t < TAGS; t++) {
            if ((tags.bits() & 1 << t) != 0) {
                held[month][t]++;
            }
        }
    }

    void count(TagStatus st) {
        long[] c = statusCounts[st.tag().ordinal()];
        if (st.level() == Level.NEW) {
            c[0]++;
        } else if (st.level() == Level.PERSISTENT) {
            c[1]++;
        }
        c[2 + st.movement().ordinal()]++;
    }

    void heldLastMonth(TagSet m1) {
        for (int t = 0; t < TAGS; t++) {
            if ((m1.bits() & 1 << t) != 0) {
                heldLastMonth[t]++;
            }
        }
    }

    FourHighResult plus(FourHighResult o) {
        var r = new FourHighResult(months);
        for (int i = 0; i < months.size(); i++) {
            r.evaluated[i] = evaluated[i] + o.evaluated[i];
            for (int t = 0; t < TAGS; t++) {
                r.held[i][t] = held[i][t] + o.held[i][t];
            }
        }
        for (int t = 0; t < TAGS; t++) {
            for (int k = 0; k < 5; k++) {
                r.statusCounts[t][k] = statusCounts[t][k] + o.statusCounts[t][k];
            }
            r.heldLastMonth[t] = heldLastMonth[t] + o.heldLastMonth[t];
        }
        r.notEvaluatedInM = notEvaluatedInM + o.notEvaluatedInM;
        return r;
    }

    public List<YearMonth> months() {
        return months;
    }

    public YearMonth month() {
        return months.get(months.size() - 1);
    }

    public long evaluated(YearMonth month) {
        return evaluated[months.indexOf(month)];
    }

    public long held(YearMonth month, Tag tag) {
        return held[months.indexOf(month)][tag.ordinal()];
    }

    public long level(Tag tag, Level level) {
        return statusCounts[tag.ordinal()][level.ordinal()];
    }

    public long movement(Tag tag, Movement movement) {
        return statusCounts[tag.ordinal()][2 + movement.ordinal()];
    }

    /** Subscribers evaluated in M that held the tag in M−1. */
    public long heldLastMonth(Tag tag) {
        return heldLastMonth[tag.ordinal()];
    }

    /** ACTIVE subscribers without a bill in M: not evaluated (rules §2). */
    public long notEvaluatedInM() {
        return notEvaluatedInM;
    }
}
