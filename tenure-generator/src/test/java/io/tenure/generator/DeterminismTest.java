package io.tenure.generator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @Test
    void sameOptionsAndSeedGiveByteIdenticalFiles() throws IOException {
        GeneratorOptions o = Fixtures.options(2_000);
        Path a = Fixtures.newFolder("a");
        Path b = Fixtures.newFolder("b");
        new ProvinceGenerator(o.withOut(a)).generate();
        new ProvinceGenerator(o.withOut(b)).generate();
        Map<String, byte[]> first = contents(a);
        Map<String, byte[]> second = contents(b);
        assertThat(first.keySet()).containsAll(List.of("plans.csv", "subscribers.csv", "bills.csv", "generator.json"));
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void differentSeedsGiveDifferentData() throws IOException {
        Path a = Fixtures.newFolder("s1");
        Path b = Fixtures.newFolder("s2");
        new ProvinceGenerator(Fixtures.options(2_000).withSeed(1).withOut(a)).generate();
        new ProvinceGenerator(Fixtures.options(2_000).withSeed(2).withOut(b)).generate();
        assertThat(Files.readAllBytes(a.resolve("subscribers.csv"))).isNotEqualTo(Files.readAllBytes(b.resolve("subscribers.csv")));
        assertThat(Files.readAllBytes(a.resolve("bills.csv"))).isNotEqualTo(Files.readAllBytes(b.resolve("bills.csv")));
        // the catalogue is the operator's, not random
        assertThat(Files.readAllBytes(a.resolve("plans.csv"))).isEqualTo(Files.readAllBytes(b.resolve("plans.csv")));
    }

    @Test
    void partFilesHoldExactlyTheRowsOfTheSingleFileInTheSameOrder() throws IOException {
        Path single = Fixtures.newFolder("single");
        Path parts = Fixtures.newFolder("parts");
        GenerationReport one = new ProvinceGenerator(Fixtures.options(1_500).withOut(single)).generate();
        GenerationReport three = new ProvinceGenerator(Fixtures.options(1_500).withParts(3).withOut(parts)).generate();
        assertThat(three.rowsPerFeed()).isEqualTo(one.rowsPerFeed());
        for (String feed : List.of("subscribers", "bills", "usage", "usage_daily", "vas", "complaints", "surveys",
                "mnp_events", "contacts")) {
            List<String> joined = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                Path file = parts.resolve(feed).resolve(String.format("part-%05d.csv", p));
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                joined.addAll(lines.subList(1, lines.size()));
            }
            List<String> lines = Files.readAllLines(single.resolve(feed + ".csv"), StandardCharsets.UTF_8);
            assertThat(joined).as(feed).isEqualTo(lines.subList(1, lines.size()));
        }
        assertThat(parts.resolve("plans.csv")).exists();
    }

    @Test
    void rerunningIntoTheSameFolderReplacesEarlierPartFiles() throws IOException {
        Path dir = Fixtures.newFolder("rerun");
        new ProvinceGenerator(Fixtures.options(300).withParts(4).withOut(dir)).generate();
        new ProvinceGenerator(Fixtures.options(300).withParts(2).withOut(dir)).generate();
        try (Stream<Path> files = Files.list(dir.resolve("bills"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("part-00000.csv", "part-00001.csv");
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
