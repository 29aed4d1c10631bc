package io.tenure.report.xlsx;

import io.tenure.core.error.TenureException;

/**
 * One column of a list sheet.
 *
 * @param header     header text (usually {@code Messages.get("list.*")})
 * @param kind       cell type and number format of the column
 * @param widthChars column width in characters of the default font (1..255); a Chinese character takes about two
 */
public record ColumnSpec(String header, CellKind kind, int widthChars) {
    public ColumnSpec {
        TenureException.require(header != null && !header.isBlank(), "column header must not be empty");
        TenureException.require(kind != null, "column kind must not be null (column '" + header + "')");
        TenureException.require(widthChars >= 1 && widthChars <= 255,
                "column width must be 1..255 characters, got " + widthChars + " (column '" + header + "')");
    }
}
