package io.tenure.ingest;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the loader says when a feed leaves the Java reader for the SQL checks; a JUnit extension
 * that listens during each test ({@code @RegisterExtension}).
 */
final class FallbackLog extends Handler implements BeforeEachCallback, AfterEachCallback {
    private final List<String> messages = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        messages.clear();
        Logger log = Logger.getLogger(FeedLoad.class.getName());
        log.setLevel(Level.FINE);
        log.addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger(FeedLoad.class.getName()).removeHandler(this);
    }

    /** The messages so far, each naming its feed. */
    List<String> messages() {
        return messages;
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getMessage().contains("takes the SQL checks") || r.getMessage().contains("the exact path")) {
            messages.add(r.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
