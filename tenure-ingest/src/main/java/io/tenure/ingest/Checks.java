package io.tenure.ingest;

import static io.tenure.ingest.Sql.str;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the contract's rules as SQL. Every rule of a column comes in contract order, then the
 * row rules; a row is rejected for the first rule it breaks, so one reject per row.
 */
final class Checks {
    /** Checks evaluated after the typed table exists (references, keys). */
    static final int REF_SUBSCRIBER = 1001;
    static final int REF_PLAN = 1002;
    static final int REF_ADDON = 1003;
    static final int DUPLICATE = 1004;

    // Full-match patterns (RE2). Casting alone is too lenient: it rounds 1.005 and accepts 1e2, 0x10, 1_000.
    private static final String MONEY_RE = "\\s*-?[0-9]+(\\.[0-9]{0,2}0*)?\\s*";
    private static final String INT_RE = "\\s*-?[0-9]+(\\.0+)?\\s*";
    private static final String DATE_RE = "\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*";
    private static final String YEAR_GLOB = "[0-9][0-9][0-9][0-9]";
    private static final String DATE_GLOB = YEAR_GLOB + "-[0-9][0-9]-[0-9][0-9]";
    private static final String TIMESTAMP_RE =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Checks() {
    }

    /** The typed value of a raw VARCHAR expression, NULL when missing or malformed, before any fallback. */
    static String typed(Column c, String raw) {
        String value = switch (c.type()) {
            case STRING, MONTH, MSISDN -> trimmed(raw);
            case ENUM, ID_NUMBER -> "upper(" + trimmed(raw) + ")";
            case MONEY, INT, SMALL_INT, DECIMAL, DATE -> "TRY_CAST(" + raw + " AS " + c.type().sqlType() + ")";
            case TIMESTAMP -> "TRY_CAST(trim(" + raw + ") AS TIMESTAMPTZ)";
            case FLAG -> "CASE upper(" + trimmed(raw) + ") WHEN 'Y' THEN true WHEN '1' THEN true WHEN 'TRUE' THEN true"
                    + " WHEN 'N' THEN false WHEN '0' THEN false WHEN 'FALSE' THEN false END";
            case ID_LIST -> "nullif(array_to_string(list_sort(list_filter(list_transform(string_split(" + raw
                    + ", ';'), lambda x: trim(x)), lambda x: x <> '')), ';'), '')";
        };
        return "CAST(" + value + " AS " + c.type().sqlType() + ")";
    }

    /** Trimmed text, NULL when blank; trim() copies every value, so only values with edge blanks pay for it. */
    static String trimmed(String raw) {
        return "CASE WHEN " + raw + " = '' OR " + raw + " LIKE ' %' OR " + raw + " LIKE '% ' THEN nullif(trim(" + raw
                + "), '') ELSE " + raw + " END";
    }

    /** The stored value: the typed value with the column's fallback for null. */
    static String stored(Column c, String typed) {
        return c.fallback() == null ? typed
                : "CAST(coalesce(" + typed + ", " + c.fallback() + ") AS " + c.type().sqlType() + ")";
    }

    /** Own-row checks of a feed, numbered from 1 in evaluation order. */
    static List<Check> of(Feed feed, Values v) {
        List<Check> out = new ArrayList<>();
        for (Column c : feed.columns()) {
            String name = c.name();
            String raw = v.raw(name);
            String t = v.typed(name);
            String shown = shown(raw);
            if (c.required()) {
                String missing = c.type().textual() ? t + " IS NULL" : raw + " IS NULL";
                add(out, "REQUIRED", name, missing, str(name + " is empty"));
            }
            switch (c.type()) {
                // a cheap test first: the canonical spelling of the parsed value (as DuckDB and Spark write it),
                // or a prefix of it, is fine; only other spellings meet the pattern, which has the final say
                case MONEY -> typeCheck(out, "TYPE_MONEY", c, raw, t, notPrefixOfCanonical(raw, t), MONEY_RE,
                        "is not money with at most 2 decimals");
                case INT, SMALL_INT -> typeCheck(out, "TYPE_INT", c, raw, t, "CAST(" + t + " AS VARCHAR) <> " + raw,
                        INT_RE, "is not a whole number");
                // DuckDB's decimal syntax as is (sign, point, exponent; more than 6 decimals round), except
                // digit separators, which would hide a misplaced column
                case DECIMAL -> add(out, "TYPE_DECIMAL", name, raw + " IS NOT NULL AND (" + t + " IS NULL OR contains("
                        + raw + ", '_'))", message(name, shown, "is not a decimal number"));
                case DATE -> typeCheck(out, "TYPE_DATE", c, raw, t, "NOT " + raw + " GLOB '" + DATE_GLOB + "'", DATE_RE,
                        "is not a date YYYY-MM-DD");
                case MONTH -> add(out, "TYPE_MONTH", name, t + " IS NOT NULL AND NOT " + t + " GLOB '" + YEAR_GLOB
                        + "-0[1-9]' AND NOT " + t + " GLOB '" + YEAR_GLOB + "-1[0-2]'",
                        message(name, shown, "is not a month YYYY-MM"));
                case TIMESTAMP -> add(out, "TYPE_TIMESTAMP", name, raw + " IS NOT NULL AND (NOT regexp_full_match(trim("
                        + raw + "), " + str(TIMESTAMP_RE) + ") OR " + t + " IS NULL)",
                        message(name, shown, "is not an ISO-8601 timestamp (YYYY-MM-DDTHH:MM:SS, optional offset)"));
                case FLAG -> add(out, "TYPE_FLAG", name, raw + " IS NOT NULL AND " + t + " IS NULL",
                        message(name, shown, "is not a flag (Y/N, 1/0, true/false)"));
                case ENUM -> add(out, "ENUM", name, t + " IS NOT NULL AND " + t + " NOT IN ("
                        + String.join(", ", c.allowed().stream().map(Sql::str).toList()) + ")",
                        message(name, shown, "is not one of " + String.join(", ", c.allowed())));
                case MSISDN -> add(out, "MSISDN", name, t + " IS NOT NULL AND NOT regexp_full_match(" + t
                        + ", '[0-9]{11}')", message(name, shown, "is not an 11-digit phone number"));
                case ID_NUMBER -> {
                    add(out, "ID_CHECKSUM", name, t + " IS NOT NULL AND NOT regexp_full_match(" + t
                            + ", '[0-9]{17}[0-9X]')", message(name, shown, "is not 17 digits followed by a digit or X"));
                    String expected = idCheckChar(t);
                    add(out, "ID_CHECKSUM", name, t + " IS NOT NULL AND " + expected + " <> substr(" + t + ", 18, 1)",
                            "'" + name + " ' || " + shown + " || ' fails the GB 11643 checksum: the check character"
                                    + " should be ' || " + expected);
                }
                case STRING, ID_LIST -> {
                    // free text; references are checked against the catalogue later
                }
            }
            if (c.min() != null || c.max() != null) {
                String cond = c.min() != null && c.max() != null
                        ? t + " NOT BETWEEN " + c.min() + " AND " + c.max()
                        : c.min() != null ? t + " < " + c.min() : t + " > " + c.max();
                String range = c.min() != null && c.max() != null ? "is outside " + c.min() + "–" + c.max()
                        : c.min() != null ? "is below " + c.min() : "is above " + c.max();
                add(out, "RANGE", name, cond, message(name, shown, range));
            }
        }
        for (RowRule rule : feed.rowRules()) {
            add(out, rule.code(), rule.column(), rule.condition().apply(v), rule.message().apply(v));
        }
        return List.copyOf(out);
    }

    /**
     * SQL of the expected GB 11643 check character of a well-formed 18-character id. The first 17
     * digits are read as one number and taken apart with integer arithmetic, much cheaper than 17 substrings.
     */
    static String idCheckChar(String id) {
        String n = "TRY_CAST(substr(" + id + ", 1, 17) AS BIGINT)";
        StringBuilder sum = new StringBuilder();
        long power = 1;
        for (int i = ID_WEIGHTS.length - 1; i >= 0; i--) {
            sum.append(sum.length() == 0 ? "" : " + ").append("((").append(n).append(" // ").append(power)
                    .append(") % 10) * ").append(ID_WEIGHTS[i]);
            power *= 10;
        }
        return "substr('10X98765432', CAST((" + sum + ") % 11 AS INTEGER) + 1, 1)";
    }

    /** SQL quoting a raw value for a message, cut to a readable length. */
    static String shown(String raw) {
        return "'''' || left(" + raw + ", 60) || ''''";
    }

    /** Cheap and exact: a prefix of the canonical text ({@code 58}, {@code 58.5} of {@code 58.50}) is well-formed. */
    private static String notPrefixOfCanonical(String raw, String t) {
        return "NOT starts_with(CAST(" + t + " AS VARCHAR), " + raw + ")";
    }

    /**
     * Bad when present and unparsable, or when the cheap test flags it and the pattern rejects it. Written
     * as AND/OR without NOT around a disjunction, so DuckDB evaluates each part only for rows still in question.
     */
    private static void typeCheck(List<Check> out, String code, Column c, String raw, String t, String suspicious,
                                  String re, String text) {
        add(out, code, c.name(), raw + " IS NOT NULL AND (" + t + " IS NULL OR (" + suspicious
                + " AND NOT regexp_full_match(" + raw + ", " + str(re) + ")))", message(c.name(), shown(raw), text));
    }

    private static String message(String column, String shown, String text) {
        return str(column + " ") + " || " + shown + " || " + str(" " + text);
    }

    private static void add(List<Check> out, String code, String column, String condition, String message) {
        out.add(new Check(out.size() + 1, code, column, condition, message));
    }
}
