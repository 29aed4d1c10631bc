package io.tenure.server.work;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.api.ApiError;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * An outcome as an agent (or the API) reports it: the outcome, for a call-back the time to call again (in the future,
 * outside the quiet hours 21:00–08:00 local time), and a note of at most 1,000 characters.
 */
record OutcomeInput(Outcome outcome, Instant callbackAt, String note) {
    static final int NOTE_MAX = 1000;
    /** Local time of the subscriber feeds and of the quiet hours. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalTime QUIET_END = LocalTime.of(8, 0);
    private static final LocalTime QUIET_START = LocalTime.of(21, 0);

    OutcomeInput {
        if (outcome == null) {
            throw exception(invalid("outcome", "an outcome is required"));
        }
        if (outcome == Outcome.CALL_BACK && callbackAt == null) {
            throw exception(invalid("callbackAt", "a call-back needs the date and time to call again"));
        }
        if (outcome != Outcome.CALL_BACK) {
            callbackAt = null;
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > NOTE_MAX) {
            throw exception(invalid("note", "a note has at most " + NOTE_MAX + " characters"));
        }
    }

    /** The first problem with these request values, naming the field, if any. */
    static Optional<ApiError> problem(String outcome, String callbackAt, String note, Instant now) {
        return Optional.ofNullable(parse(outcome, callbackAt, note, now).problem());
    }

    /** Parses request values; a problem throws, naming the field. */
    static OutcomeInput of(String outcome, String callbackAt, String note, Instant now) {
        Parsed p = parse(outcome, callbackAt, note, now);
        if (p.problem() != null) {
            throw exception(p.problem());
        }
        return p.input();
    }

    /** Either the input or what is wrong with it. */
    private record Parsed(OutcomeInput input, ApiError problem) {
        static Parsed bad(String field, String message) {
            return new Parsed(null, invalid(field, message));
        }
    }

    /** A request value that cannot be used, as the API answers it (400), naming the field. */
    static ApiError invalid(String field, String message) {
        return new ApiError(ErrorCode.INVALID_VALUE.name(), field, null, message);
    }

    /** The problem as the exception pages and services throw. */
    static TenureException exception(ApiError problem) {
        return new TenureException(ErrorCode.INVALID_VALUE, problem.field() + ": " + problem.message());
    }

    private static Parsed parse(String outcome, String callbackAt, String note, Instant now) {
        String outcomes = Arrays.toString(Outcome.values());
        if (outcome == null || outcome.isBlank()) {
            return Parsed.bad("outcome", "an outcome is required: one of " + outcomes);
        }
        Outcome o;
        try {
            o = Outcome.valueOf(outcome.strip());
        } catch (IllegalArgumentException e) {
            return Parsed.bad("outcome", "'" + outcome + "' is not one of " + outcomes);
        }
        Instant at = null;
        if (o == Outcome.CALL_BACK) {
            if (callbackAt == null || callbackAt.isBlank()) {
                return Parsed.bad("callbackAt", "a call-back needs the date and time to call again");
            }
            at = instant(callbackAt.strip());
            if (at == null) {
                return Parsed.bad("callbackAt", "'" + callbackAt.strip() + "' is not a date and time such as 2026-11-22T10:30");
            }
            if (!at.isAfter(now)) {
                return Parsed.bad("callbackAt", "the call-back time must be in the future");
            }
            LocalTime local = at.atZone(ZONE).toLocalTime();
            if (local.isBefore(QUIET_END) || !local.isBefore(QUIET_START)) {
                return Parsed.bad("callbackAt", "no calls 21:00–08:00 local time: choose a call-back time between 08:00 and 21:00");
            }
        }
        if (note != null && note.strip().length() > NOTE_MAX) {
            return Parsed.bad("note", "a note has at most " + NOTE_MAX + " characters, this one has " + note.strip().length());
        }
        return new Parsed(new OutcomeInput(o, at, note), null);
    }

    /** ISO-8601 with an offset, or local time (Asia/Shanghai) as a date-time field sends it; null if neither. */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(text).atZone(ZONE).toInstant();
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }
}
