package io.tenure.report.bulletin;

import io.tenure.report.Lang;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes the sample bulletin in both languages under target/ for a look in a browser. */
class RenderSampleTest {
    @Test
    void writes_the_sample_bulletin_in_both_languages() throws Exception {
        for (Lang lang : Lang.values()) {
            Path out = Path.of("target", "bulletin-sample-" + lang.name().toLowerCase() + ".html");
            new BulletinRenderer(lang).write(SampleBulletin.fujian(lang), out);
            assertThat(Files.size(out)).isGreaterThan(500_000);
        }
    }
}
