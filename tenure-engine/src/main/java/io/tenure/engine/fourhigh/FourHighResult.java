package io.tenure.engine.fourhigh;

import io.tenure.core.advice.Advice;
import io.tenure.core.care.Care;
import io.tenure.core.care.CareAction;
import io.tenure.core.care.Channel;
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
    final long[] actions = new long[CareAction.values().length];
    final long[] channels = new long[Channel.values().length];
    long heldBack;
    long offered;
    long savingCents;
    long revenueChangeCents;
    long bandOffered;
    long bandRevenueChangeCents;

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

    /** One (subscriber, tag) row's care; null for a row that exited. */
    void cared(Care c) {
        if (c == null) {
            return;
        }
        actions[c.action().ordinal()]++;
        channels[c.channel().ordinal()]++;
        if (!c.allowed()) {
            heldBack++;
        }
    }

    /** The short list of a subscriber made an offer: its average saving counts once per subscriber. */
    void offered(Advice advice) {
        var best = advice.options().get(0);
        offered++;
        savingCents += best.averageSavingCents();
        revenueChangeCents += best.revenueChangeCents();
        if (advice.options().size() > 1) {
            bandOffered++;
            bandRevenueChangeCents += advice.options().get(1).revenueChangeCents();
        } else {
            bandRevenueChangeCents += best.revenueChangeCents();
        }
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
        for (int i = 0; i < actions.length; i++) {
            r.actions[i] = actions[i] + o.actions[i];
        }
        for (int i = 0; i < channels.length; i++) {
            r.channels[i] = channels[i] + o.channels[i];
        }
        r.heldBack = heldBack + o.heldBack;
        r.offered = offered + o.offered;
        r.savingCents = savingCents + o.savingCents;
        r.revenueChangeCents = revenueChangeCents + o.revenueChangeCents;
        r.bandOffered = bandOffered + o.bandOffered;
        r.bandRevenueChangeCents = bandRevenueChangeCents + o.bandRevenueChangeCents;
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

    /** Rows of M cared for with this action. */
    public long action(CareAction a) {
        return actions[a.ordinal()];
    }

    /** Rows of M whose suggested channel is this. */
    public long channel(Channel c) {
        return channels[c.ordinal()];
    }

    /** Rows whose offer is held back: the customer refused marketing. */
    public long heldBack() {
        return heldBack;
    }

    /** Subscribers offered a plan or pack that saves them money. */
    public long offered() {
        return offered;
    }

    /** The offered customers' average monthly saving, summed. */
    public long savingCents() {
        return savingCents;
    }

    /** The operator's monthly revenue change if every offered customer took the best offer. */
    public long revenueChangeCents() {
        return revenueChangeCents;
    }

    /** Subscribers for whom an offer within the revenue band exists besides the best one. */
    public long bandOffered() {
        return bandOffered;
    }

    /** The revenue change if each offered customer took the band offer where one exists (else the best). */
    public long bandRevenueChangeCents() {
        return bandRevenueChangeCents;
    }

    /** ACTIVE subscribers without a bill in M: not evaluated (rules §2). */
    public long notEvaluatedInM() {
        return notEvaluatedInM;
    }
}
