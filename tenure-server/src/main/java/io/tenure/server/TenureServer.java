package io.tenure.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operations server: workbench pages, customer 360, worklist, the REST API, security and audit over the
 * operations database the daily run publishes into. Started by {@code tenure serve}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenureServer {
}
