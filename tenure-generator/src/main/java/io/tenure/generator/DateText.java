package io.tenure.generator;

import java.time.LocalDate;

/** Precomputed {@code YYYY-MM-DD} bytes for every day in a range: dates are written by copying. */
final class DateText {
    private final long firstDay;
    private final byte[] table;
    private final int days;

    DateText(LocalDate from, LocalDate to) {
        firstDay = from.toEpochDay();
        days = (int) (to.toEpochDay() - firstDay + 1);
        table = new byte[days * 10];
        LocalDate d = from;
        for (int i = 0; i < days; i++, d = d.plusDays(1)) {
            int y = d.getYear();
            int m = d.getMonthValue();
            int dd = d.getDayOfMonth();
            int p = i * 10;
            table[p] = (byte) ('0' + y / 1000);
            table[p + 1] = (byte) ('0' + y / 100 % 10);
            table[p + 2] = (byte) ('0' + y / 10 % 10);
            table[p + 3] = (byte) ('0' + y % 10);
            table[p + 4] = '-';
            table[p + 5] = (byte) ('0' + m / 10);
            table[p + 6] = (byte) ('0' + m % 10);
            table[p + 7] = '-';
            table[p + 8] = (byte) ('0' + dd / 10);
            table[p + 9] = (byte) ('0' + dd % 10);
        }
    }

    /** Copies the ten characters of the epoch day into dst at pos. */
    void write(long epochDay, byte[] dst, int pos) {
        int i = (int) (epochDay - firstDay);
        if (i < 0 || i >= days) {
            throw new IllegalArgumentException("date outside the generator's calendar: " + LocalDate.ofEpochDay(epochDay));
        }
        System.arraycopy(table, i * 10, dst, pos, 10);
    }
}
