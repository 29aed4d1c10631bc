package io.tenure.server.work;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/**
 * A list entry found in the caller's region, with what the task copies (offer and script) and what ranks it when the
 * agent's capacity binds: risk probability, then VIP level, then the offer's saving, all highest first.
 */
record Candidate(Entry entry, String city, String county, Double probability, String vipLevel, BigDecimal saving,
                 String offer, String scriptNeeds, String scriptOffer, boolean contactAllowed) {
    private static final Map<String, Integer> VIP_RANK = Map.of("DIAMOND", 3, "GOLD", 2, "SILVER", 1);

    /** Highest priority first; the subscriber id breaks ties so the order is the same every time. */
    static final Comparator<Candidate> PRIORITY = Comparator
            .comparing((Candidate c) -> c.probability() == null ? -1.0 : c.probability(), Comparator.reverseOrder())
            .thenComparing(c -> VIP_RANK.getOrDefault(c.vipLevel() == null ? "" : c.vipLevel(), 0), Comparator.reverseOrder())
            .thenComparing(c -> c.saving() == null ? BigDecimal.valueOf(-1) : c.saving(), Comparator.reverseOrder())
            .thenComparing(c -> c.entry().subscriberId());
}
