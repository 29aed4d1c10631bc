package io.tenure.store;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

/** The two databases the schema runs on: PostgreSQL in production, H2 embedded on one machine. */
public enum Dialect {
    POSTGRESQL, H2;

    /** The dialect of a JDBC URL. */
    public static Dialect of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new TenureException(ErrorCode.INVALID_CONFIG, "database url '" + url
                + "' is neither jdbc:postgresql: nor jdbc:h2:; set database.url in tenure.yaml");
    }

    /** Flyway's vendor folder of this dialect's own migrations. */
    String vendor() {
        return this == POSTGRESQL ? "postgresql" : "h2";
    }
}
