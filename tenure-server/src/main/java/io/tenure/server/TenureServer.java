package io.tenure.server;

import io.tenure.store.Store;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operations server: workbench pages, customer 360, worklist, the REST API, security and audit over the
 * operations database the daily run publishes into. Started by {@code tenure serve}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenureServer {
    /**
     * Migrates the store's schema and starts the server on it; extra Spring properties (such as
     * {@code server.port}) may be given. Returns the running context.
     */
    public static ConfigurableApplicationContext start(Store store, Map<String, Object> properties, String... args) {
        store.migrate();
        Map<String, Object> p = new HashMap<>(properties);
        p.put("spring.datasource.url", store.url());
        if (store.user() != null) {
            p.put("spring.datasource.username", store.user());
        }
        if (store.password() != null) {
            p.put("spring.datasource.password", store.password());
        }
        // as command-line arguments, so they take precedence over application.properties
        java.util.List<String> all = new java.util.ArrayList<>(java.util.Arrays.asList(args));
        p.forEach((k, v) -> all.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(TenureServer.class).run(all.toArray(String[]::new));
    }
}
