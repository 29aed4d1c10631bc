package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header record of a UTF-8 CSV file (RFC 4180 quoting). Names are trimmed and lower-cased
 * for matching; the original spelling is kept for messages.
 *
 * @param names    normalised names, in file order
 * @param original names as written
 */
record CsvHeader(List<String> names, List<String> original) {
    private static final int MAX_HEADER = 1 << 20;

    CsvHeader {
        names = List.copyOf(names);
        original = List.copyOf(original);
    }

    static CsvHeader read(Path file, String name) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_HEADER);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, "cannot read " + name + ": " + e, e);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean ended = false;
        for (int i = 0; i < text.length() && !ended; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else if (c == '\n') {
                ended = true;
            } else if (c != '\r') {
                cur.append(c);
            }
        }
        if (!ended && head.length == MAX_HEADER) {
            throw new TenureException(ErrorCode.FEED_HEADER, name + ": no end of the header row in the first "
                    + MAX_HEADER + " bytes; the file must start with one header row of column names");
        }
        fields.add(cur.toString());
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            throw new TenureException(ErrorCode.FEED_HEADER, name + " has no header row (the file is empty or starts"
                    + " with a blank line); the first row must name the columns");
        }
        if (fields.size() == 1 && (fields.get(0).contains(";") || fields.get(0).contains("\t")
                || fields.get(0).contains("|"))) {
            throw new TenureException(ErrorCode.FEED_HEADER, name + ": the header '" + fields.get(0) + "' is a single"
                    + " column; the separator must be a comma, re-export the file as comma-separated CSV");
        }
        List<String> names = fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        return new CsvHeader(names, fields);
    }
}
