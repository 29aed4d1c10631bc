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
                + "contact_allowed = 'Y' AND offer IS NOT NULL AND movement <> 'EXITED' "
                + "AND subscriber_id NOT IN (SELECT subscriber_id FROM task) ORDER BY subscriber_id DESC, tag", county)) {
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

    /**
     * Subscribers of the county not handed out before and not opted out (tests of other areas write opt-outs for
     * customers on no list, the ones this hands out for risk entries).
     */
    public static synchronized List<String> subscribers(TestServer s, String county, int n) {
        return take(s, s.jdbc.queryForList("SELECT c.subscriber_id FROM customer c WHERE c.county = ? AND NOT EXISTS "
                + "(SELECT 1 FROM opt_out o WHERE o.subscriber_id = c.subscriber_id) ORDER BY c.subscriber_id DESC",
                String.class, county), n);
    }

    /** Publishes a risk row for the subscriber into the slot the views read now. */
    public static void risk(TestServer s, String subscriberId, double probability, String band, String reasons) {
        s.jdbc.update("INSERT INTO " + s.liveTable("risk") + " (subscriber_id, city, county, vip_level, probability, band, reasons) "
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

    /**
     * Subscribers of the county with exactly {@code warnings} early-warning rows (one per tag), all contactable, with no
     * task and no opt-out, not handed out before.
     */
    public static synchronized List<String> earlyWarningSubscribers(TestServer s, String county, int warnings, int n) {
        return take(s, s.jdbc.queryForList("SELECT e.subscriber_id FROM early_warning e WHERE e.county = ? "
                + "AND e.subscriber_id NOT IN (SELECT subscriber_id FROM task) AND NOT EXISTS "
                + "(SELECT 1 FROM opt_out o WHERE o.subscriber_id = e.subscriber_id) GROUP BY e.subscriber_id "
                + "HAVING count(*) = ? AND min(e.contact_allowed) = 'Y' ORDER BY e.subscriber_id DESC", String.class, county,
                warnings), n);
    }

    /** Removes the risk rows of these entries or subscribers again. */
    public static void removeRiskOf(TestServer s, List<String> entries) {
        removeRisk(s, entries.stream().map(ListsData::subscriber).toList());
    }

    /** Removes the risk rows of these subscribers again. */
    public static void removeRisk(TestServer s, List<String> subscribers) {
        for (String id : subscribers) {
            s.jdbc.update("DELETE FROM " + s.liveTable("risk") + " WHERE subscriber_id = ?", id);
        }
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
