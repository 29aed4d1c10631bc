package io.tenure.server.customer;

import io.tenure.server.customer.Customer360.Complaint;
import io.tenure.server.customer.Customer360.Contact;
import io.tenure.server.customer.Customer360.FourHigh;
import io.tenure.server.customer.Customer360.Month;
import io.tenure.server.customer.Customer360.MonthToDate;
import io.tenure.server.customer.Customer360.Offer;
import io.tenure.server.customer.Customer360.Pack;
import io.tenure.server.customer.Customer360.Plan;
import io.tenure.server.customer.Customer360.PortEvent;
import io.tenure.server.customer.Customer360.Profile;
import io.tenure.server.customer.Customer360.Risk;
import io.tenure.server.customer.Customer360.Survey;
import io.tenure.server.customer.Customer360.Task;
import io.tenure.server.customer.Customer360.Vas;
import io.tenure.server.customer.Customer360.Warning;
import io.tenure.server.privacy.Masking;
import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one subscriber's data for the 360, always inside a region: every query either filters the row's own
 * city/county or carries a guard that the subscriber lies in the region, so nothing outside it is ever read. Each
 * section is one query by subscriber id (every published table is indexed by it); phone and name are masked as the
 * row is read.
 */
@Repository
public class CustomerRepository {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final Pattern PHONE = Pattern.compile("(?:\\+?86)?(\\d{11})");
    /** Months of bills and usage shown. */
    static final int MONTHS = 12;
    /** Contacts shown, newest first. */
    static final int CONTACTS = 50;

    /**
     * What the card shows: the subscriber, the plan, the pack ids, month-to-date usage, the port-out risk (null when
     * not scored), what stands now and the data's as-of date.
     */
    public record Head(LocalDate asOf, Profile profile, Plan plan, List<String> addonIds, MonthToDate monthToDate, Risk risk,
                       Standing standing) {
        public Head {
            addonIds = List.copyOf(addonIds);
        }
    }

    /**
     * What stands for the subscriber now: the four-high tags (held ones first, by tag) with the options they
     * recommend, the early warnings (by tag) and the tasks not yet done (by work date).
     */
    public record Standing(List<FourHigh> tags, List<Offer> offers, List<Warning> warnings, List<Task> openTasks) {
        public Standing {
            tags = List.copyOf(tags);
            offers = List.copyOf(offers);
            warnings = List.copyOf(warnings);
            openTasks = List.copyOf(openTasks);
        }
    }

    private final JdbcTemplate jdbc;

    public CustomerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Condition that the subscriber (the first parameter) lies in the region (its parameters follow). */
    private static String guard(Region region) {
        return " AND EXISTS (SELECT 1 FROM customer g WHERE g.subscriber_id = ?" + region.where("g") + ")";
    }

    private static Object[] args(Region region, Object... leading) {
        List<Object> all = new ArrayList<>(Arrays.asList(leading));
        all.addAll(region.params());
        return all.toArray();
    }

    /**
     * The subscriber found by exact subscriber id (also tried in upper case) or by full 11-digit phone number,
     * inside the region. A number held by several subscribers (recycled) gives the active one, else the latest.
     */
    public Optional<String> find(Region region, String query) {
        if (query == null || query.isBlank() || query.length() > 64) {
            return Optional.empty();
        }
        String q = query.strip();
        Optional<String> phone = phoneNumber(q);
        if (phone.isPresent()) {
            return jdbc.query("SELECT c.subscriber_id FROM customer c WHERE c.msisdn = ?" + region.where("c")
                            + " ORDER BY CASE WHEN c.status = 'ACTIVE' THEN 0 ELSE 1 END, c.activation_date DESC LIMIT 1",
                    (r, i) -> r.getString(1), args(region, phone.get())).stream().findFirst();
        }
        return jdbc.query("SELECT c.subscriber_id FROM customer c WHERE c.subscriber_id IN (?, ?)" + region.where("c")
                        + " ORDER BY c.subscriber_id LIMIT 1", (r, i) -> r.getString(1),
                args(region, q, q.toUpperCase(java.util.Locale.ROOT))).stream().findFirst();
    }

    /** The 11-digit number a query spells, allowing spaces, dashes and a +86 prefix. */
    static Optional<String> phoneNumber(String query) {
        Matcher m = PHONE.matcher(query.replaceAll("[\\s-]", ""));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The card in one round trip (the API's hot call): the profile row with plan, opt-out and risk, joined to what
     * stands now (four-high tags, early warnings, open tasks: one row each, its kind first, each part filtered by its
     * own row's region). Empty when the subscriber does not exist or lies outside the region.
     */
    public Optional<Head> head(Region region, String subscriberId) {
        String sql = """
                SELECT c.subscriber_id, c.customer_id, c.msisdn, c.customer_name, c.gender, c.birth_date, c.city, c.county,
                       c.activation_date, c.plan_id, c.addon_ids, c.status, c.real_name, c.owner_type, c.vip_level,
                       c.contract_kind, c.contract_end_date, c.min_spend, c.family_id, c.group_id, c.broadband_bundle,
                       c.handset_5g, c.dual_sim, c.marketing_consent, c.dnd, c.arrears, c.last_port_in_date,
                       c.account_manager_id, c.mtd_through, c.mtd_voice_min, c.mtd_data_mb, c.mtd_sms, o.at AS opted_out_at,
                       p.name AS plan_name, p.monthly_fee, p.voice_min, p.data_mb, p.sms, p.voice_rate, p.data_rate_per_gb,
                       p.sms_rate, p.network, p.published, k.probability, k.band, k.reasons,
                       (SELECT max(r.as_of) FROM published_run r) AS as_of, s.*
                FROM customer c
                LEFT JOIN opt_out o ON o.subscriber_id = c.subscriber_id
                LEFT JOIN plan p ON p.plan_id = c.plan_id
                LEFT JOIN risk k ON k.subscriber_id = c.subscriber_id
                LEFT JOIN (
                  SELECT 0 AS kind, CASE WHEN f.movement = 'EXITED' THEN 1 ELSE 0 END AS exited, f.tag, f.level, f.movement,
                         f.month, f.total_fee AS fee, f.reason, f.care_action, f.channel, f.contact_allowed, f.offer_kind, f.offer,
                         f.saving_avg, f.sms AS sms_text, f.call_needs, f.call_offer, CAST(NULL AS DATE) AS tracked_through,
                         CAST(NULL AS BIGINT) AS task_id, CAST(NULL AS VARCHAR(32)) AS source, CAST(NULL AS DATE) AS task_as_of,
                         CAST(NULL AS VARCHAR(200)) AS agent, CAST(NULL AS DATE) AS work_date,
                         CAST(NULL AS VARCHAR(32)) AS task_status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS callback_at
                  FROM four_high f WHERE f.subscriber_id = ?%s
                  UNION ALL
                  SELECT 1, 0, w.tag, NULL, NULL, NULL, w.projected_fee, NULL, w.care_action, w.channel, w.contact_allowed, NULL,
                         NULL, NULL, w.sms, w.call_needs, w.call_offer, w.tracked_through, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                  FROM early_warning w WHERE w.subscriber_id = ?%s
                  UNION ALL
                  SELECT 2, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                         t.id, t.source, t.as_of, u.display_name, t.work_date, t.status, t.callback_at
                  FROM task t JOIN app_user u ON u.id = t.agent_id WHERE t.subscriber_id = ? AND t.status <> 'DONE'%s
                ) s ON 1 = 1
                WHERE c.subscriber_id = ?%s
                ORDER BY s.kind, s.exited, s.tag, s.work_date, s.task_id""".formatted(
                region.where("f"), region.where("w"), region.where("t"), region.where("c"));
        List<Object> params = new ArrayList<>();
        for (int part = 0; part < 4; part++) {
            params.add(subscriberId);
            params.addAll(region.params());
        }
        return Optional.ofNullable(jdbc.query(sql, (ResultSetExtractor<Head>) CustomerRepository::head, params.toArray()));
    }

    /** The head from the first row; each row with a kind adds a tag, a warning or a task. Null without rows. */
    private static Head head(ResultSet r) throws SQLException {
        if (!r.next()) {
            return null;
        }
        LocalDate asOf = r.getObject("as_of", LocalDate.class);
        LocalDate on = asOf != null ? asOf : LocalDate.now(LOCAL);
        LocalDate activation = r.getObject("activation_date", LocalDate.class);
        LocalDate contractEnd = r.getObject("contract_end_date", LocalDate.class);
        String contractKind = r.getString("contract_kind");
        Profile profile = new Profile(r.getString("subscriber_id"), r.getString("customer_id"),
                Masking.phone(r.getString("msisdn")), Masking.name(r.getString("customer_name")), r.getString("gender"),
                AgeBand.of(r.getObject("birth_date", LocalDate.class), on), r.getString("city"), r.getString("county"),
                activation, activation == null || activation.isAfter(on) ? 0 : (int) ChronoUnit.MONTHS.between(activation, on),
                r.getString("status"), r.getString("vip_level"), r.getBoolean("real_name"), r.getString("owner_type"),
                contractKind, contractEnd, contractKind != null && contractEnd != null && !contractEnd.isBefore(on),
                r.getBigDecimal("min_spend"), r.getString("family_id"), r.getString("group_id"),
                r.getObject("broadband_bundle", Boolean.class), r.getObject("handset_5g", Boolean.class),
                r.getObject("dual_sim", Boolean.class), r.getBoolean("marketing_consent"), r.getObject("dnd", Boolean.class),
                local(r, "opted_out_at"), r.getBigDecimal("arrears"), r.getObject("last_port_in_date", LocalDate.class),
                r.getString("account_manager_id"));
        Plan plan = r.getString("plan_name") == null ? null : new Plan(r.getString("plan_id"), r.getString("plan_name"),
                r.getBigDecimal("monthly_fee"), r.getLong("voice_min"), r.getLong("data_mb"), r.getLong("sms"),
                r.getBigDecimal("voice_rate"), r.getBigDecimal("data_rate_per_gb"), r.getBigDecimal("sms_rate"),
                r.getString("network"), r.getBoolean("published"));
        String ids = r.getString("addon_ids");
        List<String> addonIds = ids == null ? List.of()
                : Arrays.stream(ids.split(";")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        LocalDate through = r.getObject("mtd_through", LocalDate.class);
        MonthToDate mtd = through == null ? null : new MonthToDate(through, r.getObject("mtd_voice_min", Long.class),
                gb(r.getBigDecimal("mtd_data_mb")), r.getObject("mtd_sms", Long.class));
        Risk risk = r.getString("band") == null ? null
                : new Risk(r.getDouble("probability"), r.getString("band"), reasons(r.getString("reasons")));
        List<FourHigh> tags = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        do {
            Integer kind = r.getObject("kind", Integer.class);
            if (kind == null) {
                continue;
            }
            switch (kind) {
                case 0 -> {
                    tags.add(new FourHigh(r.getString("tag"), r.getString("level"), r.getString("movement"),
                            r.getString("month"), r.getBigDecimal("fee"), r.getString("reason"), r.getString("care_action"),
                            r.getString("channel"), r.getString("contact_allowed")));
                    if (r.getString("offer") != null || r.getString("sms_text") != null || r.getString("call_offer") != null) {
                        offers.add(new Offer(r.getString("tag"), r.getString("care_action"), r.getString("offer_kind"),
                                r.getString("offer"), r.getBigDecimal("saving_avg"), r.getString("sms_text"),
                                r.getString("call_needs"), r.getString("call_offer")));
                    }
                }
                case 1 -> warnings.add(new Warning(r.getString("tag"), r.getObject("tracked_through", LocalDate.class),
                        r.getBigDecimal("fee"), r.getString("care_action"), r.getString("channel"),
                        r.getString("contact_allowed"), r.getString("sms_text"), r.getString("call_needs"),
                        r.getString("call_offer")));
                default -> tasks.add(new Task(r.getLong("task_id"), r.getString("source"),
                        r.getObject("task_as_of", LocalDate.class), r.getString("agent"),
                        r.getObject("work_date", LocalDate.class), r.getString("task_status"), local(r, "callback_at")));
            }
        } while (r.next());
        return new Head(asOf, profile, plan, addonIds, mtd, risk, new Standing(tags, offers, warnings, tasks));
    }

    /** The packs of the catalogue with these ids, in the given order; an id the catalogue lacks keeps only its id. */
    public List<Pack> packs(List<String> addonIds) {
        if (addonIds.isEmpty()) {
            return List.of();
        }
        Map<String, Pack> found = new LinkedHashMap<>();
        jdbc.query("SELECT addon_id, name, kind, monthly_fee, voice_min, data_mb, published FROM addon WHERE addon_id IN ("
                + String.join(", ", Collections.nCopies(addonIds.size(), "?")) + ")", r -> {
            found.put(r.getString("addon_id"), new Pack(r.getString("addon_id"), r.getString("name"), r.getString("kind"),
                    r.getBigDecimal("monthly_fee"), r.getObject("voice_min", Long.class), r.getObject("data_mb", Long.class),
                    r.getObject("published", Boolean.class)));
        }, addonIds.toArray());
        return addonIds.stream().map(id -> found.getOrDefault(id, new Pack(id, null, null, null, null, null, null))).toList();
    }

    /** The latest {@link #MONTHS} months of bills and usage, oldest first. */
    public List<Month> months(Region region, String subscriberId) {
        List<Month> newestFirst = jdbc.query("SELECT m.month, m.plan_fee, m.addon_fee, m.voice_overage_fee, m.data_overage_fee, "
                        + "m.sms_fee, m.intl_roaming_fee, m.idd_fee, m.vas_fee, m.min_spend_topup, m.discount, m.total_fee, "
                        + "m.voice_min, m.data_mb, m.sms, m.offnet_voice_min, m.intl_roaming_min, m.idd_min, m.active_days "
                        + "FROM customer_month m WHERE m.subscriber_id = ?" + guard(region) + " ORDER BY m.month DESC LIMIT ?",
                (r, i) -> new Month(r.getString("month"), r.getBigDecimal("plan_fee"), r.getBigDecimal("addon_fee"),
                        r.getBigDecimal("voice_overage_fee"), r.getBigDecimal("data_overage_fee"), r.getBigDecimal("sms_fee"),
                        r.getBigDecimal("intl_roaming_fee"), r.getBigDecimal("idd_fee"), r.getBigDecimal("vas_fee"),
                        r.getBigDecimal("min_spend_topup"), r.getBigDecimal("discount"), r.getBigDecimal("total_fee"),
                        r.getObject("voice_min", Long.class), gb(r.getBigDecimal("data_mb")), r.getObject("sms", Long.class),
                        r.getObject("offnet_voice_min", Long.class), r.getObject("intl_roaming_min", Long.class),
                        r.getObject("idd_min", Long.class), r.getObject("active_days", Integer.class)),
                withLimit(args(region, subscriberId, subscriberId), MONTHS));
        List<Month> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    public List<Vas> vas(Region region, String subscriberId) {
        return jdbc.query("SELECT v.service_id, v.name, v.monthly_fee, v.subscribed_on, v.last_used_on, v.uses_30d "
                        + "FROM vas_subscription v WHERE v.subscriber_id = ?" + guard(region)
                        + " ORDER BY v.subscribed_on DESC, v.service_id",
                (r, i) -> new Vas(r.getString("service_id"), r.getString("name"), r.getBigDecimal("monthly_fee"),
                        r.getObject("subscribed_on", LocalDate.class), r.getObject("last_used_on", LocalDate.class),
                        r.getObject("uses_30d", Long.class)), args(region, subscriberId, subscriberId));
    }

    /** Complaints of the feed and those received since (a complaint in both shows once, as the feed has it). */
    public List<Complaint> complaints(Region region, String subscriberId) {
        String sql = """
                SELECT x.complaint_id, x.created_at, x.channel, x.category, x.text, x.closed_at, x.resolved, x.live FROM (
                  SELECT k.complaint_id, k.created_at, k.channel, k.category, k.text, k.closed_at, k.resolved, 0 AS live
                  FROM complaint k WHERE k.subscriber_id = ?
                  UNION ALL
                  SELECT l.complaint_id, l.created_at, l.channel, l.category, l.text, l.closed_at, l.resolved, 1 AS live
                  FROM live_complaint l WHERE l.subscriber_id = ? AND NOT EXISTS (
                    SELECT 1 FROM complaint d WHERE d.subscriber_id = l.subscriber_id AND d.complaint_id = l.complaint_id)
                ) x WHERE 1 = 1""" + guard(region) + " ORDER BY x.created_at DESC, x.complaint_id";
        return jdbc.query(sql, (r, i) -> new Complaint(r.getString("complaint_id"), local(r, "created_at"),
                r.getString("channel"), r.getString("category"), r.getString("text"), local(r, "closed_at"),
                r.getObject("resolved", Boolean.class), r.getInt("live") == 1),
                args(region, subscriberId, subscriberId, subscriberId));
    }

    public List<Survey> surveys(Region region, String subscriberId) {
        return jdbc.query("SELECT s.survey_id, s.survey_date, s.overall, s.network, s.tariff, s.service, s.billing "
                        + "FROM survey s WHERE s.subscriber_id = ?" + guard(region) + " ORDER BY s.survey_date DESC, s.survey_id",
                (r, i) -> new Survey(r.getString("survey_id"), r.getObject("survey_date", LocalDate.class), r.getInt("overall"),
                        r.getObject("network", Integer.class), r.getObject("tariff", Integer.class),
                        r.getObject("service", Integer.class), r.getObject("billing", Integer.class)),
                args(region, subscriberId, subscriberId));
    }

    /**
     * Port events of the feed (linked to the subscriber by the run) and those received since, which carry only the
     * number: matched on the subscriber's current number.
     */
    public List<PortEvent> portEvents(Region region, String subscriberId) {
        String sql = """
                SELECT x.event_id, x.event_time, x.type, x.counterpart, x.channel, x.reason, x.live FROM (
                  SELECT p.event_id, p.event_time, p.type, p.counterpart, p.channel, p.reason, 0 AS live
                  FROM port_event p WHERE p.subscriber_id = ?
                  UNION ALL
                  SELECT l.event_id, l.event_time, l.type, l.counterpart, l.channel, l.reason, 1 AS live
                  FROM customer c JOIN live_port_event l ON l.msisdn = c.msisdn WHERE c.subscriber_id = ? AND NOT EXISTS (
                    SELECT 1 FROM port_event d WHERE d.subscriber_id = c.subscriber_id AND d.event_id = l.event_id)
                ) x WHERE 1 = 1""" + guard(region) + " ORDER BY x.event_time DESC, x.event_id";
        return jdbc.query(sql, (r, i) -> new PortEvent(r.getString("event_id"), local(r, "event_time"), r.getString("type"),
                r.getString("counterpart"), r.getString("channel"), r.getString("reason"), r.getInt("live") == 1),
                args(region, subscriberId, subscriberId, subscriberId));
    }

    /**
     * The latest {@link #CONTACTS} contacts of the feed and those recorded since; a recorded contact the feed
     * already carries (same time and channel) shows once.
     */
    public List<Contact> contacts(Region region, String subscriberId) {
        String sql = """
                SELECT x.contact_time, x.channel, x.purpose, x.campaign_id, x.action_id, x.outcome, x.live FROM (
                  SELECT t.contact_time, t.channel, t.purpose, t.campaign_id, t.action_id, t.outcome, 0 AS live
                  FROM contact t WHERE t.subscriber_id = ?
                  UNION ALL
                  SELECT l.contact_time, l.channel, l.purpose, l.campaign_id, l.action_id, l.outcome, 1 AS live
                  FROM live_contact l WHERE l.subscriber_id = ? AND NOT EXISTS (
                    SELECT 1 FROM contact d WHERE d.subscriber_id = l.subscriber_id AND d.contact_time = l.contact_time
                      AND d.channel = l.channel)
                ) x WHERE 1 = 1""" + guard(region) + " ORDER BY x.contact_time DESC, x.live DESC LIMIT ?";
        return jdbc.query(sql, (r, i) -> new Contact(local(r, "contact_time"), r.getString("channel"), r.getString("purpose"),
                        r.getString("campaign_id"), r.getString("action_id"), r.getString("outcome"), r.getInt("live") == 1),
                withLimit(args(region, subscriberId, subscriberId, subscriberId), CONTACTS));
    }

    private static List<String> reasons(String joined) {
        return joined == null ? List.of()
                : Arrays.stream(joined.split("；")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static OffsetDateTime local(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(LOCAL).toOffsetDateTime();
    }

    private static BigDecimal gb(BigDecimal mb) {
        return mb == null ? null : mb.divide(MB_PER_GB, 2, RoundingMode.HALF_UP);
    }

    private static Object[] withLimit(Object[] args, int limit) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = limit;
        return all;
    }
}
