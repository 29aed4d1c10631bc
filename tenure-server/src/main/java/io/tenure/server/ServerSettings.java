package io.tenure.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Server settings ({@code tenure.server.*}): max-failed-logins 5 and lock-minutes 15 (an account locks for that
 * long after that many failures in a row), page-size 50 (list rows per page), export-max-rows 1,000,000 (an
 * XLSX export streams at most this many rows).
 */
@ConfigurationProperties("tenure.server")
public record ServerSettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15") int lockMinutes,
                             @DefaultValue("50") int pageSize, @DefaultValue("1000000") int exportMaxRows) {
    public Duration lockFor() {
        return Duration.ofMinutes(lockMinutes);
    }
}
