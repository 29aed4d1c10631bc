package io.tenure.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TenureCliTest {
    @TempDir
    Path tmp;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome tenure(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = TenureCli.execute(args);
            return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void generatesAProvinceAndRunsTheDailyJobOnIt() {
        Outcome g = tenure("generate", "--subscribers", "2000", "--out", tmp.resolve("data").toString(), "--as-of", "2026-11-21");
        assertThat(g.exit()).isZero();
        Outcome r = tenure("run", "--data", tmp.resolve("data").toString(), "--out", tmp.resolve("out").toString(),
                "--as-of", "2026-11-21", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("month 2026-10", "HIGH_DATA", "outputs: ");
        assertThat(tmp.resolve("out/2026-11-21/four_high.csv")).isNotEmptyFile();
        assertThat(tmp.resolve("out/2026-11-21/report.html")).content().contains("<html lang=\"en\"");
    }

    @Test
    void missingDataFolderIsAUserErrorThatSaysWhatToCheck() {
        Outcome r = tenure("run", "--data", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("FEED_MISSING").contains("nowhere").contains("--data");
    }

    @Test
    void unknownConfigKeyIsNamed() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("tenure.yaml"), "four-high:\n  data-overage-minimum: 25.00\n");
        Outcome r = tenure("run", "--data", tmp.toString(), "--out", tmp.resolve("out").toString(), "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("INVALID_CONFIG").contains("data-overage-minimum");
    }
}
