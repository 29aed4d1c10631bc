package io.tenure.engine.duck;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrowRowsTest {
    private static final List<ArrowRows.Column> COLUMNS = List.of(new ArrowRows.Column("id", ArrowRows.Type.BIGINT),
            new ArrowRows.Column("tag", ArrowRows.Type.VARCHAR), new ArrowRows.Column("fee", ArrowRows.Type.DOUBLE),
            new ArrowRows.Column("n", ArrowRows.Type.INTEGER));

    @Test
    void insertsRowsOfEveryTypeWithNullsAcrossBatches() throws Exception {
        try (DuckDBConnection db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ArrowRows rows = new ArrowRows(COLUMNS)) {
            ArrowRows.createTable(db, "t", COLUMNS);
            int n = 70_000; // more than one batch
            for (int i = 0; i < n; i++) {
                rows.beginRow();
                rows.append(i);
                if (i % 3 == 0) {
                    rows.appendNull();
                } else {
                    rows.append("高资费" + i);
                }
                rows.append(i / 4.0);
                rows.append(i % 7);
                rows.endRow();
            }
            rows.insertInto(db, "t");

            List<String> sample = new ArrayList<>();
            try (ResultSet r = st.executeQuery("SELECT count(*), count(tag), sum(id), max(fee) FROM t")) {
                r.next();
                sample.add(r.getLong(1) + " " + r.getLong(2) + " " + r.getLong(3) + " " + r.getDouble(4));
            }
            try (ResultSet r = st.executeQuery("SELECT id, tag, fee FROM t WHERE id IN (0, 65537) ORDER BY id")) {
                while (r.next()) {
                    sample.add(r.getLong(1) + " " + r.getString(2) + " " + r.getDouble(3));
                }
            }
            assertThat(sample).containsExactly("70000 46666 2449965000 17499.75", "0 null 0.0", "65537 高资费65537 16384.25");
            assertThat(scalar(st, "SELECT any_value(typeof(n)) || ' ' || sum(n) FROM t")).isEqualTo("INTEGER 210000");
        }
    }

    private static String scalar(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void refusesARowWithMissingValues() {
        try (ArrowRows rows = new ArrowRows(List.of(new ArrowRows.Column("a", ArrowRows.Type.BIGINT),
                new ArrowRows.Column("b", ArrowRows.Type.BIGINT)))) {
            rows.beginRow();
            rows.append(1L);
            assertThatThrownBy(rows::endRow).hasMessageContaining("a row of 1 values for 2 columns");
        }
    }
}
