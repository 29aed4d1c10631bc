package io.tenure.store;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The operations database: where it is, how to connect, and its schema. One schema for PostgreSQL and H2, kept by
 * Flyway migrations ({@code db/migration/common} plus the dialect's own folder).
 */
public record Store(String url, String user, String password) {
    public Store {
        TenureException.require(url != null && !url.isBlank(), "database url is required");
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("NON_KEYWORDS")) {
            url = url + ";NON_KEYWORDS=MONTH,YEAR,DAY,VALUE,KEY"; // the schema's column names, as on PostgreSQL
        }
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }

    /** Brings the schema up to date; safe to call on every start. */
    public void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect().vendor())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new TenureException(ErrorCode.DATABASE_FAILURE, "cannot migrate the database at " + safeUrl() + ": "
                    + e.getMessage() + "; check database.url, user and password", e);
        }
    }

    public Connection connect() {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new TenureException(ErrorCode.DATABASE_FAILURE, "cannot connect to the database at " + safeUrl() + ": "
                    + e.getMessage() + "; check database.url, user and password", e);
        }
    }

    /** The URL without parameters that may carry secrets. */
    public String safeUrl() {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int semi = base.indexOf(';');
        return semi < 0 ? base : base.substring(0, semi);
    }

    /** A plain data source over {@link #connect()}, for Flyway. */
    public DataSource dataSource() {
        Store store = this;
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return store.connect();
            }

            @Override
            public Connection getConnection(String u, String p) {
                return store.connect();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }

    @Override
    public String toString() {
        return "Store[" + safeUrl() + "]";
    }
}
