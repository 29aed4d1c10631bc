package io.tenure.engine.duck;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows built in Java and inserted into a DuckDB table in one statement, as Arrow batches. DuckDB's JDBC
 * appender costs several microseconds a row; this costs a fraction of one. The columns are declared once, and
 * {@link #createTable} makes the table from them; values are appended row by row with the appender's calls.
 * Not thread-safe: one per thread.
 */
public final class ArrowRows implements AutoCloseable {
    private static final int BATCH = 1 << 16;
    private final BufferAllocator allocator = new RootAllocator();
    private final Schema schema;
    private final List<VectorSchemaRoot> batches = new ArrayList<>();
    private VectorSchemaRoot current;
    private int row;
    private int column;

    /** Column types, by their SQL names. */
    public enum Type { BIGINT, INTEGER, DOUBLE, VARCHAR }

    /** A column of the table. */
    public record Column(String name, Type type) {
    }

    /** Rows for a table with these columns, in its order. */
    public ArrowRows(List<Column> columns) {
        List<Field> fields = new ArrayList<>();
        for (Column c : columns) {
            fields.add(Field.nullable(c.name(), switch (c.type()) {
                case BIGINT -> new ArrowType.Int(64, true);
                case INTEGER -> new ArrowType.Int(32, true);
                case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case VARCHAR -> ArrowType.Utf8.INSTANCE;
            }));
        }
        schema = new Schema(fields);
    }

    /** Creates (replaces) the empty table with these columns. */
    public static void createTable(DuckDBConnection conn, String table, List<Column> columns) {
        Duck.exec(conn, "CREATE OR REPLACE TABLE " + table + " (" + columns.stream()
                .map(c -> c.name() + " " + c.type().name()).collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    public void beginRow() {
        if (current == null || row == BATCH) {
            if (current != null) {
                current.setRowCount(row);
            }
            current = VectorSchemaRoot.create(schema, allocator);
            current.allocateNew();
            batches.add(current);
            row = 0;
        }
        column = 0;
    }

    /** A whole number, into a BIGINT or an INTEGER column. */
    public void append(long value) {
        FieldVector v = next();
        if (v instanceof IntVector ints) {
            ints.setSafe(row, Math.toIntExact(value));
        } else {
            ((BigIntVector) v).setSafe(row, value);
        }
    }

    public void append(double value) {
        ((Float8Vector) next()).setSafe(row, value);
    }

    public void append(String value) {
        ((VarCharVector) next()).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
    }

    public void appendNull() {
        next().setNull(row);
    }

    public void endRow() {
        if (column != schema.getFields().size()) {
            throw new IllegalStateException("a row of " + column + " values for " + schema.getFields().size() + " columns");
        }
        row++;
    }

    private FieldVector next() {
        return current.getVector(column++);
    }

    /** Inserts the rows into the table, whose columns match these in order and type. */
    public void insertInto(DuckDBConnection conn, String table) throws SQLException {
        if (current != null) {
            current.setRowCount(row);
        }
        String stream = "_tenure_rows_" + Integer.toHexString(System.identityHashCode(this));
        try (Batches reader = new Batches(allocator, schema, batches);
             ArrowArrayStream out = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, reader, out);
            conn.registerArrowStream(stream, out);
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("INSERT INTO " + table + " SELECT * FROM " + stream);
            }
        } catch (IOException e) {
            throw new SQLException("rows for " + table + ": " + e.getMessage(), e);
        }
        batches.clear();
        current = null;
    }

    @Override
    public void close() {
        batches.forEach(VectorSchemaRoot::close);
        batches.clear();
        allocator.close();
    }

    /** Hands the batches over one after another. */
    private static final class Batches extends ArrowReader {
        private final Schema schema;
        private final List<VectorSchemaRoot> batches;
        private int next;

        Batches(BufferAllocator allocator, Schema schema, List<VectorSchemaRoot> batches) {
            super(allocator);
            this.schema = schema;
            this.batches = batches;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (next == batches.size()) {
                return false;
            }
            try (VectorSchemaRoot batch = batches.get(next++)) {
                VectorSchemaRoot root = getVectorSchemaRoot();
                for (int i = 0; i < batch.getFieldVectors().size(); i++) {
                    batch.getVector(i).makeTransferPair(root.getVector(i)).transfer();
                }
                root.setRowCount(batch.getRowCount());
            }
            return true;
        }

        @Override
        protected Schema readSchema() {
            return schema;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
            // the batches belong to the rows
        }
    }
}
