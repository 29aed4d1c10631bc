package io.tenure.generator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GBK output, as Chinese warehouse exports often are. */
class EncodingTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void gbkOutputReadsWithGb18030AndHoldsTheSameTextAsUtf8() throws IOException {
        Path utf8 = Fixtures.newFolder("utf8");
        Path gbk = Fixtures.newFolder("gbk");
        new ProvinceGenerator(Fixtures.options(800).withOut(utf8)).generate();
        new ProvinceGenerator(Fixtures.options(800).withEncoding(Charset.forName("GBK")).withOut(gbk)).generate();
        for (String feed : List.of("plans", "addons", "subscribers", "vas", "complaints", "mnp_events", "bills")) {
            byte[] g = Files.readAllBytes(gbk.resolve(feed + ".csv"));
            byte[] u = Files.readAllBytes(utf8.resolve(feed + ".csv"));
            String fromGbk = new String(g, GB18030);
            assertThat(fromGbk).as(feed).isEqualTo(new String(u, StandardCharsets.UTF_8));
            if (!feed.equals("bills") && !feed.equals("mnp_events")) {
                assertThat(fromGbk).as(feed).containsPattern("\\p{IsHan}");
                assertThat(g).as(feed).isNotEqualTo(u);
            }
        }
        assertThat(new String(Files.readAllBytes(gbk.resolve("subscribers.csv")), GB18030)).contains("三明市", "永安市");
        assertThat(Files.readString(gbk.resolve("generator.json"), StandardCharsets.UTF_8)).contains("\"encoding\": \"GBK\"");
    }

    @Test
    void textsWithCommasAndQuotesAreQuotedPerRfc4180() {
        Encoder e = new Encoder(StandardCharsets.UTF_8);
        assertThat(new String(e.field("信号差"), StandardCharsets.UTF_8)).isEqualTo("信号差");
        assertThat(new String(e.field("会员费每月自动扣,本人未同意"), StandardCharsets.UTF_8)).isEqualTo("\"会员费每月自动扣,本人未同意\"");
        assertThat(new String(e.field("说好的\"不限量\""), StandardCharsets.UTF_8)).isEqualTo("\"说好的\"\"不限量\"\"\"");
        CsvTable t = Fixtures.standard("complaints");
        assertThat(t.rows.stream().map(r -> t.get(r, "text"))).contains("会员费每月自动扣,本人未同意");
    }
}
