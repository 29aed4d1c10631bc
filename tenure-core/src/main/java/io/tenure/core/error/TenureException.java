package io.tenure.core.error;

/**
 * The one unchecked exception Tenure throws. The message says what was wrong and what to do.
 */
public final class TenureException extends RuntimeException {
    private final ErrorCode code;

    public TenureException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TenureException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static TenureException invalid(String message) {
        return new TenureException(ErrorCode.INVALID_VALUE, message);
    }

    /** Throws {@link ErrorCode#INVALID_VALUE} with the message unless the condition holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw invalid(message);
        }
    }
}
