package io.tenure.generator;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The open CSV files of the big feeds for one part of the subscriber range. */
final class Sinks implements Closeable {
    final CsvSink subscribers;
    final CsvSink bills;
    final CsvSink usage;
    final CsvSink daily;
    final CsvSink vas;
    final CsvSink complaints;
    final CsvSink surveys;
    final CsvSink mnp;
    final CsvSink contacts;
    private final Map<Feed, CsvSink> all = new EnumMap<>(Feed.class);

    /**
     * @param part -1 for single files {@code <dir>/<feed>.csv}, else the part number of
     *             {@code <dir>/<feed>/part-NNNNN.csv}
     */
    Sinks(Path dir, int part, World w) {
        subscribers = open(dir, part, w, Feed.SUBSCRIBERS);
        bills = open(dir, part, w, Feed.BILLS);
        usage = open(dir, part, w, Feed.USAGE);
        daily = open(dir, part, w, Feed.USAGE_DAILY);
        vas = open(dir, part, w, Feed.VAS);
        complaints = open(dir, part, w, Feed.COMPLAINTS);
        surveys = open(dir, part, w, Feed.SURVEYS);
        mnp = open(dir, part, w, Feed.MNP_EVENTS);
        contacts = open(dir, part, w, Feed.CONTACTS);
    }

    static Path file(Path dir, int part, Feed feed) {
        return part < 0 ? dir.resolve(feed.fileName() + ".csv")
                : dir.resolve(feed.fileName()).resolve(String.format("part-%05d.csv", part));
    }

    private CsvSink open(Path dir, int part, World w, Feed feed) {
        CsvSink s = new CsvSink(file(dir, part, feed), feed.columnNames(), w.encoder, w.dates);
        all.put(feed, s);
        return s;
    }

    Map<Feed, CsvSink> all() {
        return all;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (CsvSink s : all.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
