package io.tenure.server.lists;

import io.tenure.core.fourhigh.Tag;
import io.tenure.server.api.ApiError;
import io.tenure.server.privacy.Masking;
import io.tenure.server.security.Region;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One published list as its page, export and API read it: the view, the columns of a row, an order that is total (so
 * pages never repeat or skip a row), the conditions a filter adds, the tags the list can carry, the row with the
 * customer's phone and name masked as read, and the row as the export's cells. The lists differ only here; reading,
 * paging, exporting and assigning are the same code for all of them.
 *
 * @param name    the list in paths, templates, export file names and the audit log
 * @param title   message key of the list's title (also the export's sheet name)
 * @param headers message keys {@code lists.col.*} of the export's columns, in the order of {@link #cells}
 */
record Listing<T>(String name, String title, String view, String alias, List<String> columns, List<String> order,
                  Conditions conditions, List<String> tags, RowMapper<T> rows, List<String> headers,
                  Cells<T> cells) {
    private static final List<String> ALL_TAGS = Arrays.stream(Tag.values()).map(Enum::name).toList();

    static final Listing<FourHighRow> FOUR_HIGH = new Listing<>("four-high", "lists.fourhigh.title", "four_high", "f",
            List.of("subscriber_id", "city", "county", "tag", "level", "movement", "vip_level", "total_fee", "offer",
                    "saving_avg", "risk_band", "risk_probability", "care_action", "channel", "contact_allowed"),
            List.of("county", "tag", "subscriber_id"),
            (w, f) -> {
                w.eq("county", f.county());
                w.eq("tag", f.tag());
                w.eq("movement", f.movement());
                w.eq("level", f.level());
                w.eq("risk_band", f.band());
                w.eq("vip_level", f.vip());
                w.eq("care_action", f.careAction());
                w.eq("channel", f.channel());
                w.eq("contact_allowed", f.contactAllowed());
            },
            ALL_TAGS,
            (r, i) -> new FourHighRow(r.getString("subscriber_id"), Masking.phone(r.getString("msisdn")),
                    Masking.name(r.getString("customer_name")), r.getString("city"), r.getString("county"),
                    r.getString("tag"), r.getString("level"), r.getString("movement"), r.getString("vip_level"),
                    r.getBigDecimal("total_fee"), r.getString("offer"), r.getBigDecimal("saving_avg"),
                    r.getString("risk_band"), nullableDouble(r, "risk_probability"), r.getString("care_action"),
                    r.getString("channel"), r.getString("contact_allowed")),
            List.of("subscriber", "phone", "name", "city", "county", "tag", "level", "movement", "vip", "totalFee", "offer",
                    "saving", "band", "careAction", "channel", "contactAllowed"),
            (r, l) -> new Object[]{r.subscriberId(), r.phone(), r.name(), r.city(), r.county(), l.of("lists.tag.", r.tag()),
                    l.of("lists.level.", r.level()), l.of("lists.movement.", r.movement()), l.of("lists.vip.", r.vipLevel()),
                    r.totalFee(), r.offer(), r.saving(), l.of("lists.band.", r.riskBand()),
                    l.of("lists.careAction.", r.careAction()), l.of("lists.channel.", r.channel()),
                    l.of("lists.contactAllowed.", r.contactAllowed())});

    static final Listing<RiskRow> RISK = new Listing<>("risk", "lists.risk.title", "risk", "r",
            List.of("subscriber_id", "city", "county", "vip_level", "probability", "band", "reasons"),
            List.of("probability DESC", "subscriber_id"),
            (w, f) -> {
                w.eq("county", f.county());
                w.eq("band", f.band());
                w.eq("vip_level", f.vip());
                // the tag is one the subscriber also carries on the four-high list
                w.and("EXISTS (SELECT 1 FROM four_high x WHERE x.subscriber_id = r.subscriber_id AND x.tag = ?)", f.tag());
            },
            ALL_TAGS,
            (r, i) -> new RiskRow(r.getString("subscriber_id"), Masking.phone(r.getString("msisdn")),
                    Masking.name(r.getString("customer_name")), r.getString("city"), r.getString("county"),
                    r.getString("vip_level"), r.getDouble("probability"), r.getString("band"), r.getString("reasons")),
            List.of("subscriber", "phone", "name", "city", "county", "vip", "probability", "band", "reasons"),
            (r, l) -> new Object[]{r.subscriberId(), r.phone(), r.name(), r.city(), r.county(), l.of("lists.vip.", r.vipLevel()),
                    r.probability(), l.of("lists.band.", r.band()), r.reasons()});

    /** Warnings of the month-to-date projection (rules §2, daily tracking): only data and voice overage are projected. */
    static final Listing<EarlyWarningRow> EARLY_WARNING = new Listing<>("early-warning", "lists.earlywarning.title",
            "early_warning", "e",
            List.of("subscriber_id", "city", "county", "tag", "tracked_through", "projected_fee", "care_action", "channel",
                    "contact_allowed", "sms", "call_needs", "call_offer"),
            // the largest projected fee first within a county: the bill shock to prevent first
            List.of("county", "projected_fee DESC", "subscriber_id", "tag"),
            (w, f) -> {
                w.eq("county", f.county());
                w.eq("tag", f.tag());
                w.eq("channel", f.channel());
                w.eq("contact_allowed", f.contactAllowed());
            },
            List.of(Tag.HIGH_DATA.name(), Tag.HIGH_TARIFF.name()),
            (r, i) -> {
                Date through = r.getDate("tracked_through");
                return new EarlyWarningRow(r.getString("subscriber_id"), Masking.phone(r.getString("msisdn")),
                        Masking.name(r.getString("customer_name")), r.getString("city"), r.getString("county"),
                        r.getString("tag"), through == null ? null : through.toLocalDate(), r.getBigDecimal("projected_fee"),
                        r.getString("care_action"), r.getString("channel"), r.getString("contact_allowed"),
                        r.getString("sms"), r.getString("call_needs"), r.getString("call_offer"));
            },
            List.of("subscriber", "phone", "name", "city", "county", "tag", "trackedThrough", "projectedFee", "careAction",
                    "channel", "contactAllowed", "sms", "callNeeds", "callOffer"),
            (r, l) -> new Object[]{r.subscriberId(), r.phone(), r.name(), r.city(), r.county(), l.of("lists.tag.", r.tag()),
                    r.trackedThrough() == null ? null : r.trackedThrough().toString(), r.projectedFee(),
                    l.of("lists.careAction.", r.careAction()), l.of("lists.channel.", r.channel()),
                    l.of("lists.contactAllowed.", r.contactAllowed()), r.sms(), r.callNeeds(), r.callOffer()});

    Listing {
        columns = List.copyOf(columns);
        order = List.copyOf(order);
        tags = List.copyOf(tags);
        headers = List.copyOf(headers);
        if (!columns.contains("subscriber_id")) {
            throw new IllegalArgumentException("a list row is joined to its customer by subscriber_id");
        }
    }

    /** Adds the conditions of a filter to the WHERE clause. */
    interface Conditions {
        void add(Where where, ListFilter filter);
    }

    /** A row as the cells of the export, coded values labelled. */
    interface Cells<T> {
        Object[] of(T row, Labels labels);
    }

    /** Localised labels of coded values (the code itself when no label exists). */
    interface Labels {
        String of(String prefix, String code);
    }

    /** A WHERE clause over the list's view and its parameters. */
    static final class Where {
        private final String alias;
        private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        private final List<Object> args = new ArrayList<>();

        private Where(String alias) {
            this.alias = alias;
        }

        /** {@code column = value}, when the value is set. */
        void eq(String column, String value) {
            and(alias + "." + column + " = ?", value);
        }

        /** A condition with one parameter, when the value is set. */
        void and(String condition, Object value) {
            if (value != null) {
                sql.append(" AND ").append(condition);
                args.add(value);
            }
        }

        String sql() {
            return sql.toString();
        }

        List<Object> args() {
            return List.copyOf(args);
        }
    }

    /** The rows of the caller's region that match the filter: the region first, so nothing outside it is read. */
    Where where(Region region, ListFilter filter) {
        Where w = new Where(alias);
        w.sql.append(region.where(alias));
        w.args.addAll(region.params());
        conditions.add(w, filter);
        return w;
    }

    /** {@code view alias}, for FROM. */
    String from() {
        return view + " " + alias;
    }

    /** The columns, qualified by the alias. */
    String select() {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** ORDER BY over the columns qualified by {@code qualifier} (the view's alias, or an outer query's). */
    String orderBy(String qualifier) {
        return " ORDER BY " + order.stream().map(o -> qualifier + "." + o).collect(Collectors.joining(", "));
    }

    /** The first unusable request parameter for this list, if any: a filter value, or a tag the list never carries. */
    Optional<ApiError> problem(Map<String, String> params) {
        return ListFilter.problem(params).or(() -> {
            String tag = params.get("tag");
            return tag == null || tag.isBlank() || tags.contains(tag.strip()) ? Optional.empty()
                    : Optional.of(ListFilter.invalid("tag", "'" + tag.strip() + "' is not one of " + tags + " on this list"));
        });
    }

    /** The filter of these request parameters; an unusable one throws, naming the parameter. */
    ListFilter filter(Map<String, String> params) {
        Optional<ApiError> problem = problem(params);
        if (problem.isPresent()) {
            throw ListFilter.exception(problem.get());
        }
        return ListFilter.from(params);
    }

    private static Double nullableDouble(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }
}
