package io.tenure.report.bulletin;

import io.tenure.core.care.CareAction;
import io.tenure.core.care.Channel;
import io.tenure.core.error.TenureException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The care of the month's four-high customers, for the bulletin.
 *
 * @param offered            subscribers offered a published plan or pack that saves them money
 * @param savingCents        their average monthly saving, summed
 * @param revenueChangeCents the operator's monthly revenue change if every one took the best offer (≤ 0)
 * @param bandOffered        subscribers who also have an offer within the revenue band
 * @param bandRevenueChangeCents the revenue change if each took the band offer where there is one, else the best
 * @param actions            rows cared for, per playbook action
 * @param channels           rows cared for, per suggested channel
 * @param heldBack           rows whose offer is held back: no marketing consent or do-not-disturb
 */
public record CareSummary(long offered, long savingCents, long revenueChangeCents, long bandOffered,
                          long bandRevenueChangeCents, Map<CareAction, Long> actions, Map<Channel, Long> channels,
                          long heldBack) {
    /** No care figures (a bulletin of a run without them). */
    public static final CareSummary NONE = new CareSummary(0, 0, 0, 0, 0, Map.of(), Map.of(), 0);

    public CareSummary {
        Checks.nonNegative("bulletin care", offered, savingCents, bandOffered, heldBack);
        TenureException.require(bandOffered <= offered, "bulletin care: band offers (" + bandOffered
                + ") exceed offers (" + offered + ")");
        actions = Collections.unmodifiableMap(actions.isEmpty() ? new EnumMap<>(CareAction.class) : new EnumMap<>(actions));
        channels = Collections.unmodifiableMap(channels.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(channels));
    }

    /** Rows cared for. */
    public long rows() {
        return actions.values().stream().mapToLong(Long::longValue).sum();
    }
}
