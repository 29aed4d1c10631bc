package io.tenure.engine.run;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublisherTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    @TempDir
    Path out;

    @Test
    void publishesStagingByRenameAndReplacesPreviousOutputs() throws Exception {
        try (var p = new Publisher(out, DAY)) {
            Files.writeString(p.staging().resolve("a.csv"), "first");
            p.publish();
        }
        try (var p = new Publisher(out, DAY)) {
            Files.writeString(p.staging().resolve("a.csv"), "second");
            p.publish();
        }
        assertThat(Files.readString(out.resolve("2026-11-21/a.csv"))).isEqualTo("second");
        try (var s = Files.list(out)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactlyInAnyOrder("2026-11-21", ".lock-2026-11-21");
        }
    }

    @Test
    void abandonedRunLeavesPreviousOutputsAndNoStaging() throws Exception {
        try (var p = new Publisher(out, DAY)) {
            Files.writeString(p.staging().resolve("a.csv"), "first");
            p.publish();
        }
        try (var p = new Publisher(out, DAY)) {
            Files.writeString(p.staging().resolve("a.csv"), "half");
            // no publish: the run failed
        }
        assertThat(Files.readString(out.resolve("2026-11-21/a.csv"))).isEqualTo("first");
        try (var s = Files.list(out)) {
            assertThat(s.filter(x -> x.getFileName().toString().startsWith(".staging"))).isEmpty();
        }
    }

    @Test
    void restoresOutputsLeftAsideByARunKilledBetweenTheTwoRenames() throws Exception {
        Path previous = Files.createDirectories(out.resolve(".previous-2026-11-21"));
        Files.writeString(previous.resolve("a.csv"), "first");
        Files.createDirectories(out.resolve(".staging-2026-11-21-999999"));
        try (var p = new Publisher(out, DAY)) {
            assertThat(Files.readString(out.resolve("2026-11-21/a.csv"))).isEqualTo("first");
            assertThat(out.resolve(".staging-2026-11-21-999999")).doesNotExist();
        }
    }

    @Test
    void refusesASecondConcurrentRunOfTheSameDate() {
        try (var p = new Publisher(out, DAY)) {
            assertThatThrownBy(() -> new Publisher(out, DAY))
                    .isInstanceOfSatisfying(TenureException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT_LOCKED));
        }
    }
}
