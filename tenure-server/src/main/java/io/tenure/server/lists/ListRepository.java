package io.tenure.server.lists;

import io.tenure.server.security.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The published lists, always inside the caller's region. A page reads its rows with LIMIT/OFFSET over the list view
 * alone (the indexes on county/city lead) and joins the customer for those rows only; an export streams the filtered
 * list through a cursor. What differs between the lists is their {@link Listing}.
 */
@Repository
class ListRepository {
    private static final int FETCH = 1000;

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

    /** One page of the list, filtered, inside the region. */
    <T> ListPage<T> page(Listing<T> list, Region region, ListFilter filter, int page, int size) {
        Listing.Where w = list.where(region, filter);
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + list.from() + w.sql(), Long.class, w.args().toArray());
        List<Object> args = new ArrayList<>(w.args());
        args.add(size);
        args.add((long) (page - 1) * size);
        List<T> rows = jdbc.query("SELECT p.*, c.msisdn, c.customer_name FROM (SELECT " + list.select() + " FROM "
                + list.from() + w.sql() + list.orderBy(list.alias()) + " LIMIT ? OFFSET ?) p "
                + "LEFT JOIN customer c ON c.subscriber_id = p.subscriber_id" + list.orderBy("p"), list.rows(), args.toArray());
        return new ListPage<>(rows, total == null ? 0 : total, page, size);
    }

    /** Streams at most {@code max} rows of the filtered list inside the region, in page order; returns how many. */
    <T> long stream(Listing<T> list, Region region, ListFilter filter, int max, Consumer<T> sink) {
        Listing.Where w = list.where(region, filter);
        String a = list.alias();
        String sql = "SELECT " + list.select() + ", c.msisdn, c.customer_name FROM " + list.from()
                + " LEFT JOIN customer c ON c.subscriber_id = " + a + ".subscriber_id" + w.sql() + list.orderBy(a) + " LIMIT ?";
        List<Object> args = new ArrayList<>(w.args());
        args.add(max);
        long[] n = {0};
        readOnly.executeWithoutResult(s -> streaming.query(sql, (RowCallbackHandler) rs -> {
            sink.accept(list.rows().mapRow(rs, (int) n[0]));
            n[0]++;
        }, args.toArray()));
        return n[0];
    }
}
