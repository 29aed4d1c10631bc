package io.tenure.report.xlsx;

import io.tenure.core.error.TenureException;

import java.util.List;

/**
 * One sheet of a county list workbook.
 *
 * @param name    sheet tab name: 1..31 characters, none of {@code : \ / ? * [ ]}, not starting or ending with
 *                an apostrophe (Excel's rules); {@link #safeName(String)} derives one from any text
 * @param title   shown in the first row, followed by city, county, month and as-of date
 * @param columns at least one column
 */
public record SheetSpec(String name, String title, List<ColumnSpec> columns) {
    private static final int MAX_NAME = 31;
    private static final String FORBIDDEN = ":\\/?*[]";

    public SheetSpec {
        TenureException.require(name != null && !name.isBlank(), "sheet name must not be empty");
        TenureException.require(name.length() <= MAX_NAME,
                "sheet name must be at most 31 characters, got " + name.length() + " ('" + name + "')");
        TenureException.require(name.chars().noneMatch(c -> FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c)),
                "sheet name must not contain : \\ / ? * [ ] ('" + name + "')");
        TenureException.require(!name.startsWith("'") && !name.endsWith("'"),
                "sheet name must not start or end with an apostrophe ('" + name + "')");
        TenureException.require(title != null && !title.isBlank(), "sheet title must not be empty (sheet '" + name + "')");
        TenureException.require(columns != null && !columns.isEmpty(), "sheet '" + name + "' needs at least one column");
        columns = List.copyOf(columns);
    }

    /** Turns any text into a valid sheet name: forbidden characters become {@code _}, cut to 31 characters. */
    public static String safeName(String text) {
        TenureException.require(text != null && !text.isBlank(), "sheet name must not be empty");
        StringBuilder sb = new StringBuilder();
        text.strip().codePoints().forEach(c ->
                sb.appendCodePoint(FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c) ? '_' : c));
        String s = sb.toString();
        while (s.startsWith("'")) {
            s = s.substring(1);
        }
        if (s.length() > MAX_NAME) {
            // never split a surrogate pair
            int cut = Character.isHighSurrogate(s.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
            s = s.substring(0, cut);
        }
        while (s.endsWith("'")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isBlank() ? "_" : s;
    }
}
