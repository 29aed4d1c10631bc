package io.tenure.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the fields of one event object with the data contract's value rules (empty = null, ISO-8601 timestamps
 * with an offset or in Asia/Shanghai local time, 11-digit numbers, enum codes, Y/N flags). A bad value throws
 * {@link ErrorCode#INVALID_VALUE} saying what to send instead, and {@link #field()} names the field it was read from.
 */
final class EventReader {
    /** Local time of the feeds and of a timestamp sent without an offset. */
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final JsonNode node;
    private String field;

    EventReader(JsonNode node) {
        this.node = node;
    }

    /** The field of the last value read (the one at fault after a failure). */
    String field() {
        return field;
    }

    /** Refuses fields the event does not have (a misspelt optional field would otherwise be lost). */
    EventReader only(List<String> fields) {
        if (node == null || !node.isObject()) {
            field = null;
            throw invalid("each event must be a JSON object with the fields " + fields);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                field = name;
                throw invalid("unknown field '" + name + "'; the fields are " + fields);
            }
        }
        return this;
    }

    /** A text value of at most {@code max} characters; numbers are taken as their digits. */
    String text(String name, boolean required, int max) {
        field = name;
        JsonNode v = node.get(name);
        String s;
        if (v == null || v.isNull()) {
            s = null;
        } else if (v.isTextual() || v.isIntegralNumber()) {
            s = v.asText().strip();
            s = s.isEmpty() ? null : s;
        } else {
            throw invalid(name + " must be text, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        if (s == null && required) {
            throw invalid(name + " is required");
        }
        if (s != null && s.length() > max) {
            throw invalid(name + " has " + s.length() + " characters; at most " + max + " are kept");
        }
        return s;
    }

    /** An 11-digit phone number. */
    String msisdn(String name) {
        String s = text(name, true, 64);
        if (!s.matches("\\d{11}")) {
            throw invalid(name + " '" + s + "' must be the 11 digits of the number, e.g. 13812345678");
        }
        return s;
    }

    /** An ISO-8601 timestamp; without an offset it is Asia/Shanghai local time. */
    Instant time(String name, boolean required) {
        String s = text(name, required, 64);
        return s == null ? null : instant(name, s);
    }

    <E extends Enum<E>> E code(String name, Class<E> type, boolean required) {
        String s = text(name, required, 64);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            String codes = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(name + " '" + s + "' is not one of " + codes + "; send the code as written here");
        }
    }

    /** A flag: true/false, or Y/N, 1/0, true/false as text (the feeds' spellings). */
    Boolean flag(String name) {
        field = name;
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText().strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "" -> null;
            case "Y", "1", "TRUE" -> true;
            case "N", "0", "FALSE" -> false;
            default -> throw invalid(name + " '" + v.asText() + "' is not a flag; send true or false (or Y/N, 1/0)");
        };
    }

    /** Fails on the named field unless the condition holds. */
    void require(String name, boolean condition, String message) {
        if (!condition) {
            field = name;
            throw invalid(message);
        }
    }

    static Instant instant(String name, String s) {
        // the feeds also write a space between date and time
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(t).atZone(LOCAL).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(name + " '" + s + "' is not an ISO-8601 timestamp; send e.g. 2026-11-20T09:30:00+08:00 "
                        + "(without an offset it is Asia/Shanghai local time)");
            }
        }
    }

    private static TenureException invalid(String message) {
        return new TenureException(ErrorCode.INVALID_VALUE, message);
    }
}
