package io.tenure.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A whole CSV file parsed per RFC 4180 (quoted fields, doubled quotes, CRLF), for assertions. */
final class CsvTable {
    final List<String> header;
    final List<String[]> rows;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvTable(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    static CsvTable read(Path file) {
        return read(file, StandardCharsets.UTF_8);
    }

    static CsvTable read(Path file, Charset cs) {
        try {
            return parse(Files.readString(file, cs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvTable parse(String text) {
        List<String[]> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    f.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(f.toString());
                f.setLength(0);
                records.add(fields.toArray(new String[0]));
                fields.clear();
            } else {
                f.append(c);
            }
            i++;
        }
        if (f.length() > 0 || !fields.isEmpty()) {
            fields.add(f.toString());
            records.add(fields.toArray(new String[0]));
        }
        List<String> header = List.of(records.get(0));
        return new CsvTable(header, records.subList(1, records.size()));
    }

    int col(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return i;
    }

    String get(String[] row, String column) {
        return row[col(column)];
    }

    /** Money text to cents; empty = 0 (the contract's null). */
    static long cents(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int dot = s.indexOf('.');
        return Long.parseLong(s.substring(0, dot)) * 100 + Long.parseLong(s.substring(dot + 1));
    }

    /** Decimal MB text to millionths of a MB. */
    static long microMb(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(s) * 1_000_000L;
        }
        String frac = (s.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(s.substring(0, dot)) * 1_000_000L + Long.parseLong(frac);
    }
}
