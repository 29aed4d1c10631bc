package io.tenure.server.testing;

import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.run.DailyRun;
import io.tenure.engine.run.Progress;
import io.tenure.engine.run.RunOptions;
import io.tenure.generator.GeneratorOptions;
import io.tenure.generator.OutputFormat;
import io.tenure.generator.ProvinceGenerator;
import io.tenure.server.TenureServer;
import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.Users;
import io.tenure.store.Store;
import io.tenure.store.testing.Databases;
import io.tenure.store.publish.DatabasePublish;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A generated province (3,000 subscribers) run through the daily job, published into a database, and the server
 * started on it at a free port, with one user of each role. One per database kind per test JVM.
 */
public final class TestServer {
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    /** Every test user's password. */
    public static final String PASSWORD = "correct-horse-battery";
    private static Path data;
    private static TestServer h2;
    private static TestServer postgres;

    public final Store store;
    public final ConfigurableApplicationContext context;
    public final String baseUrl;
    public final JdbcTemplate jdbc;
    /** A county with customers, its city, and another county of another city. */
    public final String county;
    public final String city;
    public final String otherCounty;

    private TestServer(Store store) {
        this.store = store;
        Path out = tmp("out");
        new DailyRun(new RunOptions(data(), out, AS_OF, TenureConfig.defaults(), null), Progress.SILENT,
                List.of(new DatabasePublish(store))).run();
        context = TenureServer.start(store, Map.of("server.port", 0, "server.address", "127.0.0.1"));
        WebServer web = ((ServletWebServerApplicationContext) context).getWebServer();
        baseUrl = "http://127.0.0.1:" + web.getPort();
        jdbc = context.getBean(JdbcTemplate.class);
        var regions = jdbc.queryForList("SELECT city, county, count(*) AS n FROM four_high GROUP BY city, county ORDER BY n DESC");
        city = (String) regions.get(0).get("city");
        county = (String) regions.get(0).get("county");
        otherCounty = regions.stream().filter(r -> !city.equals(r.get("city"))).findFirst().map(r -> (String) r.get("county"))
                .orElseThrow();
        Users users = context.getBean(Users.class);
        users.create("analyst", "省分析员", PASSWORD, Role.ANALYST, Region.PROVINCE, 0);
        users.create("manager", "县经理", PASSWORD, Role.MANAGER, new Region(Region.Level.COUNTY, county), 0);
        users.create("agent", "客户经理甲", PASSWORD, Role.AGENT, new Region(Region.Level.COUNTY, county), 5);
        users.create("agent2", "客户经理乙", PASSWORD, Role.AGENT, new Region(Region.Level.COUNTY, county), 40);
        users.create("auditor", "审计员", PASSWORD, Role.AUDITOR, Region.PROVINCE, 0);
        users.create("otheradmin", "管理员二", PASSWORD, Role.ADMIN, Region.PROVINCE, 0);
        users.create("othermanager", "外县经理", PASSWORD, Role.MANAGER, new Region(Region.Level.COUNTY, otherCounty), 0);
    }

    /** The server on the embedded default (H2 file database). */
    public static synchronized TestServer h2() {
        if (h2 == null) {
            h2 = new TestServer(Databases.h2(tmp("h2")));
        }
        return h2;
    }

    /** The server on a real PostgreSQL (embedded binaries). */
    public static synchronized TestServer postgres() {
        if (postgres == null) {
            postgres = new TestServer(Databases.postgres());
        }
        return postgres;
    }

    private static synchronized Path data() {
        if (data == null) {
            data = tmp("data");
            new ProvinceGenerator(new GeneratorOptions(3000, 6, data, 11L, AS_OF, OutputFormat.CSV, StandardCharsets.UTF_8, 1))
                    .generate();
        }
        return data;
    }

    private static Path tmp(String name) {
        try {
            Path dir = Files.createTempDirectory("tenure-server-" + name);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slot table a published view reads now, e.g. risk_b for risk. */
    public String liveTable(String view) {
        try (java.sql.Connection c = store.connect()) {
            return view + "_" + DatabasePublish.liveSlots(c).getOrDefault(view, "a");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A subscriber with a four-high row in a county (the first by id). */
    public String subscriberIn(String county) {
        return jdbc.queryForObject("SELECT min(subscriber_id) FROM four_high WHERE county = ?", String.class, county);
    }
}
