package io.tenure.model;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flat table in memory, column by column: numbers as doubles (NaN for a missing value), everything else as
 * text (null for missing). {@link #readCsv} lets the embedded engine detect the types of any CSV file.
 */
public final class Table {
    private final Map<String, double[]> numbers;
    private final Map<String, String[]> texts;
    private final List<String> names;
    private final int rows;

    public Table(List<String> names, Map<String, double[]> numbers, Map<String, String[]> texts, int rows) {
        this.names = List.copyOf(names);
        this.numbers = Map.copyOf(numbers);
        this.texts = Map.copyOf(texts);
        this.rows = rows;
        for (String n : names) {
            TenureException.require(numbers.containsKey(n) ^ texts.containsKey(n), "column " + n + " must be number or text");
        }
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public boolean has(String column) {
        return numbers.containsKey(column) || texts.containsKey(column);
    }

    public boolean numeric(String column) {
        return numbers.containsKey(column);
    }

    public double[] numbers(String column) {
        return numbers.get(column);
    }

    public String[] texts(String column) {
        return texts.get(column);
    }

    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC, Types.BOOLEAN);

    /** Reads a CSV file with a header line; the engine detects each column's type. */
    public static Table readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TenureException(ErrorCode.FEED_MISSING, file + " does not exist or is not a file: check --csv");
        }
        String sql = "SELECT * FROM read_csv('" + file.toAbsolutePath().toString().replace("'", "''") + "', header = true, auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return read(r);
        } catch (SQLException e) {
            throw new TenureException(ErrorCode.FEED_UNREADABLE, "cannot read " + file + " as a CSV file with a header line: "
                    + e.getMessage(), e);
        }
    }

    /** Reads every row of a query result. */
    public static Table read(ResultSet r) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        int n = md.getColumnCount();
        List<String> names = new ArrayList<>();
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            names.add(md.getColumnLabel(i + 1));
            numeric[i] = NUMERIC.contains(md.getColumnType(i + 1));
        }
        List<double[]> nums = new ArrayList<>();
        List<String[]> txts = new ArrayList<>();
        int cap = 1024;
        double[][] nb = new double[n][];
        String[][] tb = new String[n][];
        for (int i = 0; i < n; i++) {
            if (numeric[i]) {
                nb[i] = new double[cap];
            } else {
                tb[i] = new String[cap];
            }
        }
        int rows = 0;
        while (r.next()) {
            if (rows == cap) {
                cap *= 2;
                for (int i = 0; i < n; i++) {
                    if (numeric[i]) {
                        nb[i] = java.util.Arrays.copyOf(nb[i], cap);
                    } else {
                        tb[i] = java.util.Arrays.copyOf(tb[i], cap);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (numeric[i]) {
                    double v = r.getDouble(i + 1);
                    nb[i][rows] = r.wasNull() ? Double.NaN : v;
                } else {
                    tb[i][rows] = r.getString(i + 1);
                }
            }
            rows++;
        }
        Map<String, double[]> numbers = new LinkedHashMap<>();
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (numeric[i]) {
                numbers.put(names.get(i), java.util.Arrays.copyOf(nb[i], rows));
            } else {
                texts.put(names.get(i), java.util.Arrays.copyOf(tb[i], rows));
            }
        }
        return new Table(names, numbers, texts, rows);
    }
}
