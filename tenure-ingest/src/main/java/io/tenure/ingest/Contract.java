package io.tenure.ingest;

import static io.tenure.ingest.Column.opt;
import static io.tenure.ingest.Column.optEnum;
import static io.tenure.ingest.Column.req;
import static io.tenure.ingest.Column.reqEnum;
import static io.tenure.ingest.ColumnType.DATE;
import static io.tenure.ingest.ColumnType.DECIMAL;
import static io.tenure.ingest.ColumnType.FLAG;
import static io.tenure.ingest.ColumnType.ID_LIST;
import static io.tenure.ingest.ColumnType.ID_NUMBER;
import static io.tenure.ingest.ColumnType.INT;
import static io.tenure.ingest.ColumnType.MONEY;
import static io.tenure.ingest.ColumnType.MONTH;
import static io.tenure.ingest.ColumnType.MSISDN;
import static io.tenure.ingest.ColumnType.SMALL_INT;
import static io.tenure.ingest.ColumnType.STRING;
import static io.tenure.ingest.ColumnType.TIMESTAMP;
import static io.tenure.ingest.Feed.SUB_IDX;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The feeds of the input data contract ({@code data-contract.md}), in load order. */
final class Contract {
    static final String PLANS = "plans";
    static final String ADDONS = "addons";
    static final String SUBSCRIBERS = "subscribers";

    /** Bill components summed into total_fee; discount is subtracted. */
    static final List<String> BILL_COMPONENTS = List.of("plan_fee", "addon_fee", "voice_overage_fee",
            "data_overage_fee", "sms_fee", "intl_roaming_fee", "idd_fee", "vas_fee", "min_spend_topup");

    /** References resolve against earlier feeds, so this order matters. */
    static final List<Feed> FEEDS = List.of(plans(), addons(), subscribers(), bills(), usage(), usageDaily(),
            vas(), complaints(), surveys(), mnpEvents(), contacts());

    private Contract() {
    }

    static Feed feed(String name) {
        return FEEDS.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Feed plans() {
        List<Column> cols = List.of(
                req("plan_id", STRING), req("name", STRING), req("monthly_fee", MONEY).atLeast(0),
                req("voice_min", INT).atLeast(0), req("data_mb", INT).atLeast(0), req("sms", INT).atLeast(0),
                req("voice_rate", MONEY).atLeast(0), req("data_rate_per_gb", MONEY).atLeast(0),
                req("sms_rate", MONEY).atLeast(0), optEnum("network", "4G", "5G"), req("published", FLAG));
        return new Feed(PLANS, true, cols, names(cols), List.of("plan_id"), List.of(), Feed.Link.NONE, List.of());
    }

    private static Feed addons() {
        List<Column> cols = List.of(
                req("addon_id", STRING), req("name", STRING), reqEnum("kind", "DATA", "VOICE"),
                req("monthly_fee", MONEY).atLeast(0), opt("voice_min", INT).atLeast(0).orElse("0"),
                opt("data_mb", INT).atLeast(0).orElse("0"), req("published", FLAG));
        return new Feed(ADDONS, true, cols, names(cols), List.of("addon_id"), List.of(), Feed.Link.NONE, List.of());
    }

    private static Feed subscribers() {
        List<Column> cols = List.of(
                req("subscriber_id", STRING), req("msisdn", MSISDN), opt("customer_id", STRING),
                opt("customer_name", STRING), opt("id_number", ID_NUMBER), optEnum("gender", "M", "F"),
                opt("birth_date", DATE), req("city", STRING), req("county", STRING), req("activation_date", DATE),
                req("plan_id", STRING), opt("addon_ids", ID_LIST),
                reqEnum("status", "ACTIVE", "SUSPENDED", "LOST", "CANCELLED"), req("real_name", FLAG),
                reqEnum("owner_type", "PERSON", "ENTERPRISE"),
                optEnum("vip_level", "NONE", "SILVER", "GOLD", "DIAMOND").orElse("'NONE'"),
                optEnum("contract_kind", "HANDSET", "MIN_SPEND", "BUNDLE"), opt("contract_end_date", DATE),
                opt("min_spend", MONEY).atLeast(0), opt("family_id", STRING), opt("group_id", STRING),
                opt("broadband_bundle", FLAG), opt("handset_5g", FLAG), opt("dual_sim", FLAG),
                req("marketing_consent", FLAG), opt("dnd", FLAG), opt("arrears", MONEY), opt("last_port_in_date", DATE),
                opt("account_manager_id", STRING));
        RowRule contractEnd = new RowRule("REQUIRED", "contract_end_date",
                v -> v.typed("contract_kind") + " IS NOT NULL AND " + v.raw("contract_end_date") + " IS NULL",
                v -> "'contract_end_date is empty but contract_kind is ' || " + v.typed("contract_kind")
                        + " || ' (a minimum-term agreement needs its end date)'");
        return new Feed(SUBSCRIBERS, true, cols, prepend(SUB_IDX, names(cols)), List.of("subscriber_id"),
                List.of(), Feed.Link.SNAPSHOT, List.of(contractEnd));
    }

    private static Feed bills() {
        List<Column> cols = new ArrayList<>();
        cols.add(req("subscriber_id", STRING));
        cols.add(req("month", MONTH));
        for (String c : BILL_COMPONENTS) {
            cols.add(opt(c, MONEY).orElse("0"));
        }
        cols.add(opt("discount", MONEY).orElse("0"));
        cols.add(req("total_fee", MONEY));
        RowRule total = new RowRule("BILL_TOTAL", "total_fee",
                v -> "abs(" + v.typed("total_fee") + " - (" + billSum(v) + ")) > 0.01",
                v -> "'total_fee ' || " + v.typed("total_fee") + " || ' ≠ components − discount ' || (" + billSum(v)
                        + ") || ' (±0.01)'");
        return new Feed("bills", true, cols, linked(cols), List.of(SUB_IDX, "month"),
                List.of(SUB_IDX, "month"), Feed.Link.SUBSCRIBER, List.of(total));
    }

    private static String billSum(Values v) {
        StringBuilder sum = new StringBuilder();
        for (String c : BILL_COMPONENTS) {
            sum.append("coalesce(").append(v.typed(c)).append(", 0) + ");
        }
        sum.setLength(sum.length() - 3);
        return sum + " - coalesce(" + v.typed("discount") + ", 0)";
    }

    private static Feed usage() {
        List<Column> cols = List.of(
                req("subscriber_id", STRING), req("month", MONTH), opt("voice_min", INT).atLeast(0).orElse("0"),
                opt("data_mb", DECIMAL).atLeast(0).orElse("0"), opt("sms", INT).atLeast(0).orElse("0"),
                opt("offnet_voice_min", INT).atLeast(0), opt("intl_roaming_min", INT).atLeast(0),
                opt("idd_min", INT).atLeast(0), opt("active_days", SMALL_INT).between(0, 31),
                opt("rival_hotline_calls", INT).atLeast(0), opt("own_hotline_calls", INT).atLeast(0));
        return new Feed("usage", false, cols, linked(cols), List.of(SUB_IDX, "month"),
                List.of(SUB_IDX, "month"), Feed.Link.SUBSCRIBER, List.of());
    }

    private static Feed usageDaily() {
        List<Column> cols = List.of(
                req("subscriber_id", STRING), req("date", DATE), opt("voice_min", INT).atLeast(0).orElse("0"),
                opt("data_mb", DECIMAL).atLeast(0).orElse("0"), opt("sms", INT).atLeast(0).orElse("0"));
        return new Feed("usage_daily", false, cols, linked(cols), List.of(SUB_IDX, "date"),
                List.of(), Feed.Link.SUBSCRIBER, List.of());
    }

    private static Feed vas() {
        List<Column> cols = List.of(
                req("subscriber_id", STRING), req("service_id", STRING), opt("name", STRING),
                opt("monthly_fee", MONEY).atLeast(0).orElse("0"), opt("subscribed_on", DATE),
                opt("last_used_on", DATE), opt("uses_30d", INT).atLeast(0).orElse("0"));
        return new Feed("vas", false, cols, linked(cols), List.of(), List.of(SUB_IDX),
                Feed.Link.SUBSCRIBER, List.of());
    }

    private static Feed complaints() {
        List<Column> cols = List.of(
                req("complaint_id", STRING), req("subscriber_id", STRING), req("created_at", TIMESTAMP),
                optEnum("channel", "HOTLINE", "APP", "STORE", "REGULATOR"), opt("category", STRING),
                opt("text", STRING), opt("closed_at", TIMESTAMP), opt("resolved", FLAG));
        return new Feed("complaints", false, cols, linked(cols), List.of("complaint_id"), List.of(), Feed.Link.SUBSCRIBER,
                List.of());
    }

    private static Feed surveys() {
        List<Column> cols = List.of(
                req("survey_id", STRING), req("subscriber_id", STRING), req("survey_date", DATE),
                req("overall", SMALL_INT).between(1, 10), opt("network", SMALL_INT).between(1, 10),
                opt("tariff", SMALL_INT).between(1, 10), opt("service", SMALL_INT).between(1, 10),
                opt("billing", SMALL_INT).between(1, 10));
        return new Feed("surveys", false, cols, linked(cols), List.of(), List.of(), Feed.Link.SUBSCRIBER, List.of());
    }

    private static Feed mnpEvents() {
        List<Column> cols = List.of(
                req("event_id", STRING), req("msisdn", MSISDN), req("event_time", TIMESTAMP),
                reqEnum("type", "QUERY", "AUTH_CODE", "PORT_OUT", "PORT_IN", "CANCELLED"),
                optEnum("counterpart", "CMCC", "CUCC", "CTCC", "CBN"), optEnum("channel", "SMS", "APP", "STORE"),
                opt("reason", STRING));
        return new Feed("mnp_events", false, cols, names(cols), List.of("event_id"), List.of(), Feed.Link.NONE,
                List.of());
    }

    private static Feed contacts() {
        List<Column> cols = List.of(
                req("subscriber_id", STRING), req("contact_time", TIMESTAMP),
                reqEnum("channel", "SMS", "CALL", "APP", "MANAGER", "STORE"), optEnum("purpose", "MARKETING", "SERVICE"),
                opt("campaign_id", STRING), opt("action_id", STRING),
                optEnum("outcome", "SENT", "DELIVERED", "ANSWERED", "ACCEPTED", "DECLINED", "UNREACHABLE", "OPTED_OUT"));
        return new Feed("contacts", false, cols, linked(cols), List.of(), List.of(),
                Feed.Link.SUBSCRIBER, List.of());
    }

    private static List<String> names(List<Column> cols) {
        return cols.stream().map(Column::name).toList();
    }

    /**
     * Stored columns of a feed of subscribers' rows: the contract's, with {@code sub_idx} in place of
     * {@code subscriber_id}, which the subscribers table holds once (repeating it on every row was most of
     * the cost of writing usage_daily).
     */
    private static List<String> linked(List<Column> cols) {
        return names(cols).stream().map(c -> c.equals("subscriber_id") ? SUB_IDX : c).toList();
    }

    private static List<String> prepend(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
