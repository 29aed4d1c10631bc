package io.tenure.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class CharsetSnifferTest {
    @TempDir
    Path dir;

    private CharsetSniffer.Detected detect(byte[] bytes) {
        Path file = TestData.writeBytes(dir.resolve("f.csv"), bytes);
        return CharsetSniffer.detect(file, "f.csv", Encoding.AUTO).detected();
    }

    @Test
    void tellsUtf8GbkAndBomApart() {
        String text = "name\n三明市永安市\n";

        assertThat(detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(CharsetSniffer.Detected.UTF8);
        assertThat(detect(text.getBytes(Charset.forName("GBK")))).isEqualTo(CharsetSniffer.Detected.GB18030);
        assertThat(detect(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))).isEqualTo(CharsetSniffer.Detected.UTF8_BOM);
        assertThat(detect("plain,ascii\n1,2\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(CharsetSniffer.Detected.UTF8);
    }

    @Test
    void findsGbkTextBeyondAnAsciiHead() {
        StringBuilder text = new StringBuilder("id,name\n");
        while (text.length() < (5 << 20)) {
            text.append("12345678,abcdefgh\n");
        }
        text.append("9,沙县区\n");

        assertThat(detect(text.toString().getBytes(Charset.forName("GBK")))).isEqualTo(CharsetSniffer.Detected.GB18030);
    }

    @Test
    void transcodesGbkToUtf8KeepingLinesAndMarkingUndecodableBytes() throws Exception {
        byte[] gbk = "a,b\n1,沙县\n".getBytes(Charset.forName("GBK"));
        byte[] withBad = new byte[gbk.length + 4];
        System.arraycopy(gbk, 0, withBad, 0, gbk.length);
        withBad[gbk.length] = (byte) 0x81; // a lead byte followed by a line break cannot decode
        withBad[gbk.length + 1] = '\n';
        withBad[gbk.length + 2] = '2';
        withBad[gbk.length + 3] = '\n';
        Path source = TestData.writeBytes(dir.resolve("g.csv"), withBad);
        Path target = dir.resolve("out/g.utf8.csv");

        Transcoder.gb18030ToUtf8(source, target, "g.csv");

        byte[] out = Files.readAllBytes(target);
        assertThat(new String(out, 0, out.length - 4, StandardCharsets.UTF_8)).isEqualTo("a,b\n1,沙县\n");
        assertThat(out[out.length - 4]).isEqualTo((byte) 0xFF);
        assertThat(new String(out, out.length - 3, 3, StandardCharsets.UTF_8)).isEqualTo("\n2\n");
    }
}
