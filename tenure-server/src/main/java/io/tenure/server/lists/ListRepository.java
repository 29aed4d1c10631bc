package io.tenure.server.lists;

import io.tenure.server.privacy.Masking;
import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The published four-high and risk lists, always inside the caller's region. A page reads its rows with LIMIT/OFFSET
 * over the list view alone (the indexes on county/city lead) and joins the customer for those rows only; an export
 * streams the filtered list through a cursor.
 */
@Repository
class ListRepository {
    private static final String FH_COLS = "f.subscriber_id, f.city, f.county, f.tag, f.level, f.movement, f.vip_level, "
            + "f.total_fee, f.offer, f.saving_avg, f.risk_band, f.risk_probability, f.care_action, f.channel, f.contact_allowed";
    private static final String FH_ORDER = " ORDER BY f.county, f.tag, f.subscriber_id";
    private static final String RISK_COLS = "r.subscriber_id, r.city, r.county, r.vip_level, r.probability, r.band, r.reasons";
    private static final String RISK_ORDER = " ORDER BY r.probability DESC, r.subscriber_id";
    private static final int FETCH = 1000;

    private static final RowMapper<FourHighRow> FOUR_HIGH = (r, i) -> new FourHighRow(r.getString("subscriber_id"),
            Masking.phone(r.getString("msisdn")), Masking.name(r.getString("customer_name")), r.getString("city"),
            r.getString("county"), r.getString("tag"), r.getString("level"), r.getString("movement"),
            r.getString("vip_level"), r.getBigDecimal("total_fee"), r.getString("offer"), r.getBigDecimal("saving_avg"),
            r.getString("risk_band"), nullableDouble(r, "risk_probability"), r.getString("care_action"),
            r.getString("channel"), r.getString("contact_allowed"));
    private static final RowMapper<RiskRow> RISK = (r, i) -> new RiskRow(r.getString("subscriber_id"),
            Masking.phone(r.getString("msisdn")), Masking.name(r.getString("customer_name")), r.getString("city"),
            r.getString("county"), r.getString("vip_level"), r.getDouble("probability"), r.getString("band"),
            r.getString("reasons"));

    /** A WHERE clause and its parameters. */
    private record Where(String sql, List<Object> args) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    ListRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // PostgreSQL only streams through a cursor inside a transaction with a fetch size
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The as-of date of the lists the views show now, if anything was published. */
    Optional<LocalDate> asOf() {
        return jdbc.query("SELECT as_of FROM published_run ORDER BY published_at DESC LIMIT 1",
                (r, i) -> r.getDate(1).toLocalDate()).stream().findFirst();
    }

    /** The counties of the region (for the county filter), from the latest run's counts. */
    List<String> counties(Region region) {
        List<Object> args = new ArrayList<>(region.params());
        return jdbc.queryForList("SELECT DISTINCT d.county FROM daily_count d WHERE d.as_of = (SELECT p.as_of FROM "
                + "published_run p ORDER BY p.published_at DESC LIMIT 1)" + region.where("d") + " ORDER BY d.county",
                String.class, args.toArray());
    }

    ListPage<FourHighRow> fourHigh(Region region, ListFilter filter, int page, int size) {
        Where w = fourHighWhere(region, filter);
        long total = count("SELECT count(*) FROM four_high f" + w.sql(), w.args());
        List<Object> args = new ArrayList<>(w.args());
        args.add(size);
        args.add((long) (page - 1) * size);
        List<FourHighRow> rows = jdbc.query("SELECT p.*, c.msisdn, c.customer_name FROM (SELECT " + FH_COLS
                + " FROM four_high f" + w.sql() + FH_ORDER + " LIMIT ? OFFSET ?) p "
                + "LEFT JOIN customer c ON c.subscriber_id = p.subscriber_id ORDER BY p.county, p.tag, p.subscriber_id",
                FOUR_HIGH, args.toArray());
        return new ListPage<>(rows, total, page, size);
    }

    ListPage<RiskRow> risk(Region region, ListFilter filter, int page, int size) {
        Where w = riskWhere(region, filter);
        long total = count("SELECT count(*) FROM risk r" + w.sql(), w.args());
        List<Object> args = new ArrayList<>(w.args());
        args.add(size);
        args.add((long) (page - 1) * size);
        List<RiskRow> rows = jdbc.query("SELECT p.*, c.msisdn, c.customer_name FROM (SELECT " + RISK_COLS
                + " FROM risk r" + w.sql() + RISK_ORDER + " LIMIT ? OFFSET ?) p "
                + "LEFT JOIN customer c ON c.subscriber_id = p.subscriber_id ORDER BY p.probability DESC, p.subscriber_id",
                RISK, args.toArray());
        return new ListPage<>(rows, total, page, size);
    }

    /** Streams at most {@code max} rows of the filtered four-high list, in page order; returns how many. */
    long streamFourHigh(Region region, ListFilter filter, int max, Consumer<FourHighRow> sink) {
        Where w = fourHighWhere(region, filter);
        return stream("SELECT " + FH_COLS + ", c.msisdn, c.customer_name FROM four_high f "
                + "LEFT JOIN customer c ON c.subscriber_id = f.subscriber_id" + w.sql() + FH_ORDER + " LIMIT ?",
                w.args(), max, FOUR_HIGH, sink);
    }

    /** Streams at most {@code max} rows of the filtered risk list, in page order; returns how many. */
    long streamRisk(Region region, ListFilter filter, int max, Consumer<RiskRow> sink) {
        Where w = riskWhere(region, filter);
        return stream("SELECT " + RISK_COLS + ", c.msisdn, c.customer_name FROM risk r "
                + "LEFT JOIN customer c ON c.subscriber_id = r.subscriber_id" + w.sql() + RISK_ORDER + " LIMIT ?",
                w.args(), max, RISK, sink);
    }

    private <T> long stream(String sql, List<Object> whereArgs, int max, RowMapper<T> mapper, Consumer<T> sink) {
        List<Object> args = new ArrayList<>(whereArgs);
        args.add(max);
        long[] n = {0};
        readOnly.executeWithoutResult(s -> streaming.query(sql, (RowCallbackHandler) rs -> {
            sink.accept(mapper.mapRow(rs, (int) n[0]));
            n[0]++;
        }, args.toArray()));
        return n[0];
    }

    private long count(String sql, List<Object> args) {
        Long n = jdbc.queryForObject(sql, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static Where fourHighWhere(Region region, ListFilter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1").append(region.where("f"));
        List<Object> args = new ArrayList<>(region.params());
        eq(sql, args, "f.county", f.county());
        eq(sql, args, "f.tag", f.tag());
        eq(sql, args, "f.movement", f.movement());
        eq(sql, args, "f.level", f.level());
        eq(sql, args, "f.risk_band", f.band());
        eq(sql, args, "f.vip_level", f.vip());
        eq(sql, args, "f.care_action", f.careAction());
        eq(sql, args, "f.channel", f.channel());
        eq(sql, args, "f.contact_allowed", f.contactAllowed());
        return new Where(sql.toString(), args);
    }

    private static Where riskWhere(Region region, ListFilter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1").append(region.where("r"));
        List<Object> args = new ArrayList<>(region.params());
        eq(sql, args, "r.county", f.county());
        eq(sql, args, "r.band", f.band());
        eq(sql, args, "r.vip_level", f.vip());
        if (f.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM four_high x WHERE x.subscriber_id = r.subscriber_id AND x.tag = ?)");
            args.add(f.tag());
        }
        return new Where(sql.toString(), args);
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Double nullableDouble(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }
}
