package io.tenure.server.work;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;

import java.util.ArrayList;
import java.util.List;

/** A list entry to assign: a subscriber and the list it comes from (a four-high tag, EARLY_WARNING or PORT_OUT_RISK). */
record Entry(String subscriberId, String source) {
    static final String EARLY_WARNING = "EARLY_WARNING";
    static final String PORT_OUT_RISK = "PORT_OUT_RISK";
    static final List<String> SOURCES;

    static {
        List<String> s = new ArrayList<>();
        for (Tag t : Tag.values()) {
            s.add(t.name());
        }
        s.add(EARLY_WARNING);
        s.add(PORT_OUT_RISK);
        SOURCES = List.copyOf(s);
    }

    Entry {
        if (subscriberId == null || subscriberId.isBlank() || subscriberId.strip().length() > 64) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "a list entry needs a subscriber id of 1–64 characters");
        }
        if (source == null || !SOURCES.contains(source.strip())) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "source must be one of " + SOURCES + ", got '" + source + "'");
        }
        subscriberId = subscriberId.strip();
        source = source.strip();
    }

    /** An entry as the list pages send it: {@code SOURCE:subscriber}. */
    static Entry parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "a list entry is SOURCE:subscriber, got '" + value + "'");
        }
        return new Entry(value.substring(colon + 1), value.substring(0, colon));
    }
}
