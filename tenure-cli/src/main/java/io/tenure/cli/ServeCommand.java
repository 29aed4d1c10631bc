package io.tenure.cli;

import io.tenure.engine.config.TenureConfig;
import io.tenure.server.TenureServer;
import io.tenure.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tenure serve}: the operations server on the database the daily run publishes into. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the operations server (workbench, customer 360, worklist, API) on the published database.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "demo/out",
            description = "Output folder of the daily run, holding the embedded database db/ (default ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--config", description = "tenure.yaml; its database section names a PostgreSQL database instead.")
    Path config;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface, behind TLS).")
    String host;
    /** Anything else is a server property, e.g. --tenure.server.lock-minutes=30. */
    @Unmatched
    List<String> properties = new java.util.ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        TenureConfig cfg = TenureConfig.load(config);
        Store store = RunCommand.store(cfg.database(), out);
        var ctx = TenureServer.start(store, Map.of("server.port", port, "server.address", host), properties.toArray(String[]::new));
        System.out.println("Tenure is serving " + store.safeUrl() + " at http://" + host + ":" + port + "/  (Ctrl-C stops it)");
        CountDownLatch stopped = new CountDownLatch(1);
        ctx.addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        stopped.await();
        return 0;
    }
}
