package io.tenure.server.testing;

import io.tenure.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases the store runs on, for tests: a real PostgreSQL (the embedded binaries from Maven Central,
 * started once per test JVM) and an H2 file database in a folder.
 */
public final class Databases {
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DBS = new AtomicInteger();

    private Databases() {
    }

    /** A fresh, empty PostgreSQL database. */
    public static synchronized Store postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "t" + DBS.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new Store(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh H2 file database under a folder, in the server's mode. */
    public static Store h2(Path dir) {
        return new Store(io.tenure.engine.config.TenureConfig.Database.embeddedUrl(dir.resolve("h2-" + DBS.incrementAndGet())),
                null, null);
    }
}
