package io.tenure.ingest;

/**
 * SQL expressions for the values of the row being checked. The same checks are rendered twice: once
 * while loading (over column references) and once while explaining rejects (over the raw text read again).
 */
interface Values {
    /** The value as read, VARCHAR, possibly with surrounding blanks; NULL when the file lacks the column. */
    String raw(String column);

    /** The typed value before any fallback: NULL when missing or malformed. */
    String typed(String column);
}
