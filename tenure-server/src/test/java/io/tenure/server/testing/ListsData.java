package io.tenure.server.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test data for the list and work tests: subscribers handed out once per database (so tests never share one, taken
 * from the high end of the ids, away from {@link TestServer#subscriberIn}), and risk rows, which the fixture's run
 * (without a trained model) does not publish.
 */
public final class ListsData {
    private static final Map<TestServer, Set<String>> USED = new HashMap<>();

    private ListsData() {
    }

    /**
     * Four-high entries of the county as the list pages send them ({@code TAG:subscriber}), contactable, with an offer,
     * of subscribers not handed out before.
     */
    public static synchronized List<String> fourHighEntries(TestServer s, String county, int n) {
        Set<String> used = USED.computeIfAbsent(s, k -> new HashSet<>());
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : s.jdbc.queryForList("SELECT subscriber_id, tag FROM four_high WHERE county = ? AND "
                + "contact_allowed = 'Y' AND offer IS NOT NULL AND movement <> 'EXITED' ORDER BY subscriber_id DESC, tag", county)) {
            if (out.size() == n) {
                break;
            }
            if (used.add((String) row.get("subscriber_id"))) {
                out.add(row.get("tag") + ":" + row.get("subscriber_id"));
            }
        }
        if (out.size() < n) {
            throw new IllegalStateException("only " + out.size() + " unused four-high entries left, " + n + " needed");
        }
        return out;
    }

    /** Subscribers of the county not handed out before. */
    public static synchronized List<String> subscribers(TestServer s, String county, int n) {
        return take(s, s.jdbc.queryForList("SELECT subscriber_id FROM customer WHERE county = ? ORDER BY subscriber_id DESC",
                String.class, county), n);
    }

    /**
     * Subscribers of the county with exactly {@code warnings} early-warning rows (one per tag), all contactable, not
     * handed out before.
     */
    public static synchronized List<String> earlyWarningSubscribers(TestServer s, String county, int warnings, int n) {
        return take(s, s.jdbc.queryForList("SELECT subscriber_id FROM early_warning WHERE county = ? GROUP BY subscriber_id "
                + "HAVING count(*) = ? AND min(contact_allowed) = 'Y' ORDER BY subscriber_id DESC", String.class, county,
                warnings), n);
    }

    /** Publishes a risk row for the subscriber into the slot the views read now. */
    public static void risk(TestServer s, String subscriberId, double probability, String band, String reasons) {
        s.jdbc.update("INSERT INTO risk_" + slot(s) + " (subscriber_id, city, county, vip_level, probability, band, reasons) "
                + "SELECT subscriber_id, city, county, vip_level, ?, ?, ? FROM customer WHERE subscriber_id = ?",
                probability, band, reasons, subscriberId);
    }

    /**
     * Risk-list entries ({@code PORT_OUT_RISK:subscriber}) of fresh subscribers of the county, published with the given
     * probabilities; remove them with {@link #removeRisk} once the test has assigned them.
     */
    public static List<String> riskEntries(TestServer s, String county, double... probabilities) {
        List<String> subs = subscribers(s, county, probabilities.length);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            risk(s, subs.get(i), probabilities[i], probabilities[i] >= 0.2 ? "HIGH" : "MEDIUM", "近期查询携转资格");
            out.add("PORT_OUT_RISK:" + subs.get(i));
        }
        return out;
    }

    /** The subscriber of an entry {@code SOURCE:subscriber}. */
    public static String subscriber(String entry) {
        return entry.substring(entry.indexOf(':') + 1);
    }

    /** The source of an entry {@code SOURCE:subscriber}. */
    public static String source(String entry) {
        return entry.substring(0, entry.indexOf(':'));
    }

    /** Removes the risk rows of these entries or subscribers again. */
    public static void removeRiskOf(TestServer s, List<String> entries) {
        removeRisk(s, entries.stream().map(ListsData::subscriber).toList());
    }

    /** Removes the risk rows of these subscribers again. */
    public static void removeRisk(TestServer s, List<String> subscribers) {
        for (String id : subscribers) {
            s.jdbc.update("DELETE FROM risk_" + slot(s) + " WHERE subscriber_id = ?", id);
        }
    }

    private static String slot(TestServer s) {
        String slot = s.jdbc.queryForObject("SELECT slot FROM published_run ORDER BY published_at DESC LIMIT 1", String.class);
        if (!"a".equals(slot) && !"b".equals(slot)) {
            throw new IllegalStateException("unknown slot " + slot);
        }
        return slot;
    }

    private static List<String> take(TestServer s, List<String> candidates, int n) {
        Set<String> used = USED.computeIfAbsent(s, k -> new HashSet<>());
        List<String> out = new ArrayList<>();
        for (String id : candidates) {
            if (out.size() == n) {
                break;
            }
            if (used.add(id)) {
                out.add(id);
            }
        }
        if (out.size() < n) {
            throw new IllegalStateException("only " + out.size() + " unused subscribers left, " + n + " needed");
        }
        return out;
    }
}
