package io.tenure.core.error;

/**
 * Catalogue of every error Tenure reports. The kind tells the operator whose move it is:
 * {@link Kind#USER} (fix the input or the command), {@link Kind#EXTERNAL} (something outside
 * Tenure failed: disk, database, network) or {@link Kind#INTERNAL} (a defect: report it).
 */
public enum ErrorCode {
    INVALID_ARGUMENT(Kind.USER),
    INVALID_CONFIG(Kind.USER),
    FEED_MISSING(Kind.USER),
    FEED_UNREADABLE(Kind.USER),
    FEED_HEADER(Kind.USER),
    FEED_ENCODING(Kind.USER),
    REJECT_LIMIT_EXCEEDED(Kind.USER),
    NO_BILLING_MONTH(Kind.USER),
    INVALID_VALUE(Kind.USER),
    OUTPUT_LOCKED(Kind.USER),
    MODEL_MISMATCH(Kind.USER),
    MODEL_UNREADABLE(Kind.USER),
    /** A request names something that does not exist, or lies outside the caller's region. */
    NOT_FOUND(Kind.USER),
    /** The caller may not do this (role, scope or region). */
    FORBIDDEN(Kind.USER),
    /** The request conflicts with the current state (an Idempotency-Key reused with another body, capacity full). */
    CONFLICT(Kind.USER),
    DATABASE_FAILURE(Kind.EXTERNAL),
    IO_FAILURE(Kind.EXTERNAL),
    ENGINE_FAILURE(Kind.EXTERNAL),
    INTERNAL(Kind.INTERNAL);

    /** Whose move it is when this error happens. */
    public enum Kind { USER, INTERNAL, EXTERNAL }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Process exit code for the command line: 2 user error, 3 external failure, 4 internal defect. */
    public int exitCode() {
        return switch (kind) {
            case USER -> 2;
            case EXTERNAL -> 3;
            case INTERNAL -> 4;
        };
    }
}
