package io.tenure.cli;

import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.run.DailyRun;
import io.tenure.engine.run.RunOptions;
import io.tenure.store.publish.DatabasePublish;
import io.tenure.engine.run.RunResult;
import io.tenure.engine.run.RunSink;
import io.tenure.server.TenureServer;
import io.tenure.server.security.ApiTokens;
import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.Users;
import io.tenure.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tenure bench-serve}: the operations server's figures. Runs the daily job on a province with publishing
 * into PostgreSQL (the embedded binaries, or --database-url), starts the server on it, and measures the customer
 * 360 page and the list pages (latency percentiles of a signed-in user, one request at a time) and the API lookup
 * (requests per second from several client threads for a fixed time). The load comes from this process.
 */
@Command(name = "bench-serve", mixinStandardHelpOptions = true,
        description = "Benchmark publishing into PostgreSQL and the server's pages and API.")
final class ServeBenchCommand implements Callable<Integer> {
    @Option(names = "--subscribers", defaultValue = "1000000", description = "Province size (default ${DEFAULT-VALUE}).")
    long subscribers;
    @Option(names = "--dir", defaultValue = "bench-data", description = "Work folder (default ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--as-of", defaultValue = "2026-11-21", description = "As-of date of the province (default ${DEFAULT-VALUE}).")
    LocalDate asOf;
    @Option(names = "--requests", defaultValue = "2000", description = "Measured requests per page kind (default ${DEFAULT-VALUE}).")
    int requests;
    @Option(names = "--api-seconds", defaultValue = "20", description = "Length of the API load (default ${DEFAULT-VALUE}).")
    int apiSeconds;
    @Option(names = "--api-warmup", defaultValue = "60",
            description = "Seconds of API load before the measured ones, not counted (default ${DEFAULT-VALUE}).")
    int apiWarmup;
    @Option(names = "--api-connections", defaultValue = "16",
            description = "Concurrent API connections: wrk's, or one Java client thread each (default ${DEFAULT-VALUE}).")
    int apiConnections;
    @Option(names = "--load", defaultValue = "auto",
            description = "API load generator: wrk (Debian package wrk), java, or auto: wrk when installed (default ${DEFAULT-VALUE}).")
    String load;
    @Option(names = "--skip-publish", description = "Reuse the embedded database of the previous bench-serve (pages and API only).")
    boolean skipPublish;
    @Option(names = "--model", description = "Port-out model folder (default <dir>/risk-model when bench-risk made one).")
    Path modelPath;
    @Option(names = "--database-url", description = "A PostgreSQL database to use instead of the embedded one (it is emptied).")
    String url;
    @Option(names = "--database-user", defaultValue = "postgres")
    String user;
    @Option(names = "--database-password", defaultValue = "postgres")
    String password;

    @Override
    public Integer call() throws Exception {
        Path data = BenchCommand.province(dir, subscribers, asOf);
        EmbeddedPostgres pg = null;
        try {
            Store store;
            if (url == null) {
                System.err.println("starting PostgreSQL (embedded binaries) ...");
                Path pgData = dir.resolve("pg-" + subscribers);
                if (!skipPublish) {
                    io.tenure.engine.run.Publisher.deleteTree(pgData);
                }
                // kept after the run, so --skip-publish can measure the pages again on the same data
                pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                        .setServerConfig("max_wal_size", "8GB").setServerConfig("shared_buffers", "3GB")
                        .setServerConfig("maintenance_work_mem", "512MB").setServerConfig("checkpoint_timeout", "30min")
                        .start();
                store = new Store(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            } else {
                store = new Store(url, user, password);
                try (Connection c = store.connect(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
                }
            }
            double[] publish = skipPublish ? new double[] {Double.NaN, Double.NaN} : publish(data, store);
            if (skipPublish) {
                warm(store);
            }
            double publish1 = publish[0];
            double publish2 = publish[1];

            var ctx = TenureServer.start(store, Map.of("server.port", 0, "server.address", "127.0.0.1"));
            try {
                String base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) ctx).getWebServer().getPort();
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                String pass = "bench-" + System.nanoTime() + "-password";
                ctx.getBean(Users.class).create("bench-analyst-" + System.nanoTime(), "bench", pass, Role.ANALYST, Region.PROVINCE, 0);
                String name = jdbc.queryForObject("SELECT max(username) FROM app_user WHERE username LIKE 'bench-analyst-%'", String.class);
                String token = ctx.getBean(ApiTokens.class).create("bench", List.of("customers:read", "lists:read"),
                        Region.PROVINCE, "bench");
                HttpClient web = signIn(base, name, pass);

                List<String> all = jdbc.queryForList("SELECT subscriber_id FROM customer", String.class);
                List<String> flagged = jdbc.queryForList("SELECT DISTINCT subscriber_id FROM four_high", String.class);
                List<Map<String, Object>> counties = jdbc.queryForList("SELECT DISTINCT county FROM customer");
                SplittableRandom rnd = new SplittableRandom(20191127);
                Function<SplittableRandom, String> anyCustomer = r -> r.nextBoolean()
                        ? flagged.get(r.nextInt(flagged.size())) : all.get(r.nextInt(all.size()));
                String[] tags = {"", "HIGH_TARIFF", "HIGH_DATA", "HIGH_SILENCE", "HIGH_ARPU"};
                String[] bands = {"", "HIGH", "MEDIUM"};
                Function<SplittableRandom, String> list = r -> {
                    String county = (String) counties.get(r.nextInt(counties.size())).get("county");
                    String c = URLEncoder.encode(county, StandardCharsets.UTF_8);
                    int page = 1 + r.nextInt(5);
                    return r.nextInt(3) < 2
                            ? "/lists/four-high?county=" + c + "&tag=" + tags[r.nextInt(tags.length)] + "&page=" + page
                            : "/lists/risk?county=" + c + "&band=" + bands[r.nextInt(bands.length)] + "&page=" + page;
                };

                System.err.println("measuring pages ...");
                long[] c360 = latencies(web, base, r -> "/customers/" + anyCustomer.apply(r), rnd, requests);
                long[] lists = latencies(web, base, list, rnd, requests);
                System.err.println("measuring the API for " + apiSeconds + " s with " + apiConnections + " connections ...");
                boolean wrk = !"java".equals(load) && onPath("wrk");
                String loadName = wrk ? "wrk, 2 threads, " + apiConnections + " connections" : apiConnections + " Java client threads";
                System.err.println("  load from " + loadName);
                // not counted: under full load on a small machine the JIT takes a minute or more to compile the request
                // path, which a server that has run a day is long past (the rate of that minute is printed too)
                double warmup = Double.NaN;
                if (apiWarmup > 0) {
                    System.err.println("  warming up for " + apiWarmup + " s (not counted) ...");
                    Duration w = Duration.ofSeconds(apiWarmup);
                    warmup = wrk ? wrk(base, token, all, "", apiConnections, w) : throughput(base, token, all, "", apiConnections, w);
                }
                double rps = wrk ? wrk(base, token, all, "", apiConnections, Duration.ofSeconds(apiSeconds))
                        : throughput(base, token, all, "", apiConnections, Duration.ofSeconds(apiSeconds));
                double rps360 = wrk ? wrk(base, token, all, "/360", apiConnections, Duration.ofSeconds(apiSeconds))
                        : throughput(base, token, all, "/360", apiConnections, Duration.ofSeconds(apiSeconds));

                System.out.printf("%nTenure server benchmark  %,d subscribers  PostgreSQL%n", subscribers);
                System.out.println("-".repeat(72));
                System.out.printf("publish into PostgreSQL: first %.1f s, rerun of the day %.1f s (%,d customers)%n", publish1, publish2,
                        all.size());
                System.out.printf("customer 360 page : p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms  (%d requests)%n",
                        pct(c360, 50), pct(c360, 95), pct(c360, 99), c360.length);
                System.out.printf("list page         : p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms  (%d requests)%n",
                        pct(lists, 50), pct(lists, 95), pct(lists, 99), lists.length);
                System.out.printf("API lookup (card) : %,.0f requests/s (%s, %d s, after %d s of warm-up at %,.0f requests/s)%n",
                        rps, loadName, apiSeconds, apiWarmup, warmup);
                System.out.printf("API 360           : %,.0f requests/s (%s, %d s)%n", rps360, loadName, apiSeconds);
            } finally {
                ctx.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
        return 0;
    }

    /**
     * Reads the live slot of every published table and its indexes into PostgreSQL's buffers (pg_prewarm, shipped
     * with PostgreSQL), so a reused database is measured as warm as one just published, as on a server that has run
     * a day, and not as a machine just booted.
     */
    private static void warm(Store store) throws SQLException {
        System.err.println("warming the published tables (pg_prewarm) ...");
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
            for (var live : DatabasePublish.liveSlots(c).entrySet()) {
                String table = live.getKey() + "_" + live.getValue();
                s.execute("SELECT pg_prewarm(i.indexrelid) FROM pg_index i WHERE i.indrelid = '" + table + "'::regclass");
                s.execute("SELECT pg_prewarm('" + table + "'::regclass)");
            }
        }
    }

    /**
     * The daily run with the same publish twice: the first loads every table, the second is a rerun of the day
     * (every table unchanged). Seconds of each.
     */
    private double[] publish(Path data, Store store) {
        Path model = model();
        var cfg = new TenureConfig(null, null, null, null, null, model == null ? null : new TenureConfig.Model(model.toString(),
                null, null, null, null, null, null, null, null, null, null, null, null, null), null);
        var options = new RunOptions(data, dir.resolve("out-serve"), asOf, cfg, null);
        var sink = new DatabasePublish(store);
        Map<String, Long> firstTables = new java.util.TreeMap<>();
        RunSink rerun = new RunSink() {
            @Override
            public String name() {
                return "database-rerun";
            }

            @Override
            public void publish(Context c) {
                firstTables.putAll(sink.tableMillis());
                sink.publish(c);
            }
        };
        RunResult r = new DailyRun(options, new ConsoleProgress(System.err), List.of(sink, rerun)).run();
        System.err.println("  tables, first publish (ms): " + firstTables);
        System.err.println("  tables, rerun (ms): " + new java.util.TreeMap<>(sink.tableMillis()));
        return new double[] {r.timingsMs().get("database") / 1000.0, r.timingsMs().get("database-rerun") / 1000.0};
    }

    /** The risk model bench-risk trained, when there is one, so the risk list is published too. */
    private Path model() {
        Path m = modelPath != null ? modelPath : dir.resolve("risk-model");
        return java.nio.file.Files.isRegularFile(m.resolve("model.json")) ? m : null;
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    static HttpClient signIn(String base, String user, String password) throws Exception {
        HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        var r = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("bench sign-in failed: " + r.statusCode() + " " + r.headers().firstValue("Location"));
        }
        return c;
    }

    /** Nanoseconds of each request after a warm-up of a fifth as many; any status but 200 fails the benchmark. */
    private static long[] latencies(HttpClient c, String base, Function<SplittableRandom, String> path, SplittableRandom r,
                                    int n) throws Exception {
        long[] out = new long[n];
        for (int i = -n / 5; i < n; i++) {
            String p = path.apply(r);
            long t0 = System.nanoTime();
            var resp = c.send(HttpRequest.newBuilder(URI.create(base + p)).build(), HttpResponse.BodyHandlers.ofByteArray());
            long t = System.nanoTime() - t0;
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(p + " answered " + resp.statusCode());
            }
            if (i >= 0) {
                out[i] = t;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> java.nio.file.Files.isExecutable(Path.of(d, command)));
    }

    /** Requests per second wrk measures over random subscribers (100k of them); any answer but 200 fails. */
    private static double wrk(String base, String token, List<String> ids, String suffix, int connections,
                              Duration length) throws Exception {
        Path script = java.nio.file.Files.createTempFile("tenure-wrk", ".lua");
        try {
            StringBuilder lua = new StringBuilder("local ids = {\n");
            SplittableRandom r = new SplittableRandom(20191127);
            for (int i = 0; i < Math.min(100_000, ids.size()); i++) {
                lua.append('"').append(ids.get(r.nextInt(ids.size()))).append("\",\n");
            }
            lua.append("}\nlocal n = #ids\nlocal i = 0\nrequest = function()\n  i = i % n + 1\n  return wrk.format(\"GET\", "
                    + "\"/api/customers/\" .. ids[i] .. \"").append(suffix).append("\", {[\"Authorization\"] = \"Bearer ")
                    .append(token).append("\"})\nend\n");
            java.nio.file.Files.writeString(script, lua);
            Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + length.toSeconds() + "s", "-s",
                    script.toString(), base).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            if (out.contains("Non-2xx")) {
                throw new IllegalStateException("API lookups failed under wrk:\n" + out);
            }
            Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("wrk printed no rate:\n" + out);
            }
            return Double.parseDouble(m.group(1));
        } finally {
            java.nio.file.Files.deleteIfExists(script);
        }
    }

    private static double throughput(String base, String token, List<String> ids, String suffix, int threads, Duration length)
            throws Exception {
        HttpClient c = HttpClient.newBuilder().build();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread th = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                long end = warmEnd + length.toNanos();
                while (System.nanoTime() < end) {
                    var req = HttpRequest.newBuilder(URI.create(base + "/api/customers/" + ids.get(r.nextInt(ids.size())) + suffix))
                            .header("Authorization", "Bearer " + token).build();
                    try {
                        var resp = c.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (System.nanoTime() > warmEnd) {
                            (resp.statusCode() == 200 ? done : failed).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread t : ts) {
            t.join();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " API lookups failed");
        }
        return done.get() / (double) length.toSeconds();
    }
}
