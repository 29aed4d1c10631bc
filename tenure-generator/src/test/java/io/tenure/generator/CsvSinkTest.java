package io.tenure.generator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-rolled formatting gives the contract's text for numbers, money, MB, dates and timestamps. */
class CsvSinkTest {

    @Test
    void formatsValuesWithoutStringFormat() throws IOException {
        Path file = Fixtures.newFolder("sink").resolve("x.csv");
        DateText dates = new DateText(LocalDate.of(1920, 1, 1), LocalDate.of(2040, 12, 31));
        try (CsvSink s = new CsvSink(file, List.of("a", "b"), new Encoder(StandardCharsets.UTF_8), dates)) {
            s.num(0).num(7).num(10).num(99).num(100).num(123456789012L).num(-45).money(0).money(5).money(1999)
                    .money(123456).moneyOrEmpty(0).megabytes(0).megabytes(1_500_000).megabytes(10_250_000)
                    .megabytes(123_456_000).id('S', 42, 9).date(LocalDate.of(2026, 3, 9).toEpochDay())
                    .timestamp(LocalDateTime.of(2026, 10, 3, 14, 22, 5).toEpochSecond(ZoneOffset.UTC)).flag(true)
                    .flag(false).dateOrEmpty(Long.MIN_VALUE);
            s.end();
            assertThat(s.rows()).isEqualTo(1);
        }
        assertThat(Files.readString(file)).isEqualTo("a,b\r\n0,7,10,99,100,123456789012,-45,0.00,0.05,19.99,1234.56,,"
                + "0,1.5,10.25,123.456,S000000042,2026-03-09,2026-10-03T14:22:05,Y,N,\r\n");
    }

    @Test
    void writesLargeFilesAcrossManyBufferFlushes() throws IOException {
        Path file = Fixtures.newFolder("big").resolve("y.csv");
        DateText dates = new DateText(LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1));
        try (CsvSink s = new CsvSink(file, List.of("n"), new Encoder(StandardCharsets.UTF_8), dates)) {
            for (int i = 0; i < 200_000; i++) {
                s.num(i);
                s.end();
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(200_001);
        assertThat(lines.get(200_000)).isEqualTo("199999");
    }
}
