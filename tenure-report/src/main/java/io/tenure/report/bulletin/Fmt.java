package io.tenure.report.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formats of the bulletin. Both languages group thousands with commas and use a decimal
 * point, so the formats are fixed rather than taken from the JVM locale (reproducible output).
 */
final class Fmt {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Fmt() {
    }

    /** 1234567 → "1,234,567". */
    static String count(long n) {
        return format("#,##0", n);
    }

    /** 0.1234 → "12.3%". */
    static String percent(double fraction) {
        return format("#,##0.0%", fraction);
    }

    /** Small shares such as reject rates: 0.00014 → "0.01%", anything above 0 but below that → "<0.01%". */
    static String smallPercent(double fraction) {
        if (fraction > 0 && fraction < 0.00005) {
            return "<0.01%";
        }
        return format("#,##0.00%", fraction);
    }

    /** Rate per 1,000: 12.345 → "12.35". */
    static String perThousand(double rate) {
        return format("#,##0.00", rate);
    }

    /** Yuan: 1234567.891 → "1,234,567.89". */
    static String money(BigDecimal amount) {
        return format("#,##0.00", amount);
    }

    private static String format(String pattern, Object value) {
        // DecimalFormat is not thread-safe; a fresh one per call keeps the renderer shareable.
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }
}
