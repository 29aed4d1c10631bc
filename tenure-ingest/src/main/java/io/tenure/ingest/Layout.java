package io.tenure.ingest;

import static io.tenure.ingest.Sql.id;
import static io.tenure.ingest.Sql.str;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Files of one feed that share format and header, so one DuckDB scan reads them all.
 *
 * @param inputs   the files, in feed order
 * @param position contract column to its 0-based position in the header; absent when the files lack it
 */
record Layout(List<Input> inputs, Map<String, Integer> position) {

    Layout {
        inputs = List.copyOf(inputs);
        position = Map.copyOf(position);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one file");
        }
    }

    /**
     * Groups files sharing a header, in order of first appearance, and checks each header against the
     * contract: a required column missing or a contract column given twice stops the load; absent
     * optional columns and extra columns are reported as warnings.
     */
    static List<Layout> of(Feed feed, List<Input> inputs, List<String> warnings) {
        Map<String, List<Input>> groups = new LinkedHashMap<>();
        for (Input in : inputs) {
            groups.computeIfAbsent(in.source().format() + "|" + String.join("\u0001", in.original()),
                    k -> new ArrayList<>()).add(in);
        }
        return groups.values().stream().map(group -> checked(feed, group, warnings)).toList();
    }

    private static Layout checked(Feed feed, List<Input> group, List<String> warnings) {
        Input first = group.get(0);
        List<String> header = first.header();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (feed.column(name).isPresent() && position.putIfAbsent(name, i) != null) {
                throw new TenureException(ErrorCode.FEED_HEADER, first.name() + ": column " + name + " appears twice"
                        + " in the header (columns " + (position.get(name) + 1) + " and " + (i + 1)
                        + "); keep one of them");
            }
        }
        Layout layout = new Layout(group, position);
        List<String> missing = feed.columns().stream()
                .filter(c -> c.required() && !position.containsKey(c.name())).map(Column::name).toList();
        if (!missing.isEmpty()) {
            boolean many = missing.size() > 1;
            throw new TenureException(ErrorCode.FEED_HEADER, first.name() + ": required column" + (many ? "s " : " ")
                    + String.join(", ", missing) + (many ? " are" : " is") + " missing from the header (found: "
                    + String.join(", ", first.original()) + "); add " + (many ? "them" : "it")
                    + " or correct the column name");
        }
        List<String> absent = feed.columns().stream().filter(c -> !position.containsKey(c.name()))
                .map(Column::name).toList();
        if (!absent.isEmpty()) {
            warnings.add(layout.describe() + ": optional column" + (absent.size() > 1 ? "s " : " ")
                    + String.join(", ", absent) + " absent, treated as empty");
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (feed.column(header.get(i)).isEmpty()) {
                extra.add(header.get(i).isEmpty() ? "unnamed column " + (i + 1) + " (e.g. a pandas index)"
                        : "'" + first.original().get(i).strip() + "' (column " + (i + 1) + ")");
            }
        }
        if (!extra.isEmpty()) {
            warnings.add(layout.describe() + ": ignored column" + (extra.size() > 1 ? "s" : "")
                    + " not in the contract: " + String.join(", ", extra));
        }
        return layout;
    }

    Input first() {
        return inputs.get(0);
    }

    boolean csv() {
        return first().csv();
    }

    int width() {
        return first().header().size();
    }

    /** Files of the layout for messages: the first name, and how many more. */
    String describe() {
        return inputs.size() == 1 ? first().name() : first().name() + " and " + (inputs.size() - 1) + " more files";
    }

    /**
     * The DuckDB table function reading the given files of this layout as VARCHAR columns c0..cN
     * (CSV) or by name (Parquet). CSV rows DuckDB cannot parse go to the named reject tables.
     */
    String scan(List<Input> files, String rejectErrors, String rejectScans) {
        String paths = files.stream().map(f -> str(f.readPath().toString())).collect(Collectors.joining(", ", "[", "]"));
        if (!csv()) {
            return "read_parquet(" + paths + ")";
        }
        StringBuilder cols = new StringBuilder("{");
        for (int i = 0; i < width(); i++) {
            cols.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        cols.append('}');
        return "read_csv(" + paths + ", header = true, auto_detect = false, columns = " + cols
                + ", delim = ',', quote = '\"', escape = '\"', store_rejects = true, rejects_table = " + str(rejectErrors)
                + ", rejects_scan = " + str(rejectScans) + ", rejects_limit = 0)";
    }

    /** VARCHAR expression of the i-th file column as produced by {@link #scan}. */
    String fileColumn(int i) {
        return csv() ? "c" + i : "CAST(" + id(first().original().get(i)) + " AS VARCHAR)";
    }

    /** VARCHAR expression of a contract column, NULL when the files lack it. */
    String contractColumn(String column) {
        Integer i = position.get(column);
        return i == null ? "CAST(NULL AS VARCHAR)" : fileColumn(i);
    }

    /** {@code _f} of each row: the feed-wide file index from DuckDB's per-scan {@code file_index}. */
    static String fileIndex(List<Input> files) {
        if (files.size() == 1) {
            return "CAST(" + files.get(0).index() + " AS INTEGER)";
        }
        return "CAST(" + files.stream().map(f -> String.valueOf(f.index())).collect(Collectors.joining(", ", "[", "]"))
                + "[CAST(file_index AS BIGINT) + 1] AS INTEGER)";
    }
}
