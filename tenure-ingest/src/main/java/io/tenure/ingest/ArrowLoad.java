package io.tenure.ingest;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fast way in for a plain CSV of simple columns: read and checked in Java, handed to DuckDB as Arrow
 * batches, without DuckDB's text columns and the SQL checks, which cost three times the reading itself.
 *
 * <p>It accepts only what the SQL checks certainly accept with the same stored value, and gives up on
 * anything else: quotes, line ends unlike the header's (LF or CR LF), bytes outside ASCII, blanks around
 * values, empty required values, numbers outside their canonical spelling (such as {@code 12.0} or
 * {@code +5}), more than six decimals, values out of range, or a header other than the contract's columns. Giving up is not a
 * reject: the caller then loads the feed the exact way, which explains every row it rejects.
 */
final class ArrowLoad {
    private static final int BATCH = 1 << 16;
    private static final Set<ColumnType> SIMPLE = Set.of(ColumnType.STRING, ColumnType.MONTH, ColumnType.DATE,
            ColumnType.INT, ColumnType.SMALL_INT, ColumnType.DECIMAL);

    private ArrowLoad() {
    }

    /** Whether the fast way can take the feed at all: simple columns, no checks spanning columns. */
    static boolean applies(Feed feed, List<Input> inputs) {
        return inputs.size() == 1 && inputs.get(0).csv() && !inputs.get(0).transcoded() && feed.rowRules().isEmpty()
                && feed.columns().stream().allMatch(c -> SIMPLE.contains(c.type()) && c.allowed().isEmpty())
                && Set.copyOf(inputs.get(0).header()).equals(Set.copyOf(feed.columns().stream().map(Column::name).toList()))
                && inputs.get(0).header().size() == feed.columns().size();
    }

    /**
     * Registers the checked rows of the file as the Arrow stream {@code name} of the connection, read from
     * {@code parts} slices of the file (cut at line feeds) by a thread each, for the caller's statement to
     * read as {@link Stream#source()}. The stream gives up (fails the statement) at the first value it
     * cannot vouch for.
     */
    static Stream open(Connection db, String name, Feed feed, Input input, int parts) throws IOException {
        return new Stream(db, name, feed, input, parts);
    }

    /** An open stream; close after the statement that read it. */
    static final class Stream implements AutoCloseable {
        private final BufferAllocator allocator = new RootAllocator();
        private final Feeder feeder;
        private final ArrowArrayStream stream;
        private final String source;

        Stream(Connection db, String name, Feed feed, Input input, int parts) throws IOException {
            feeder = new Feeder(allocator, feed, input, parts);
            stream = ArrowArrayStream.allocateNew(allocator);
            try {
                Data.exportArrayStream(allocator, feeder, stream);
                db.unwrap(DuckDBConnection.class).registerArrowStream(name, stream);
            } catch (SQLException | RuntimeException e) {
                close();
                throw new IOException(e);
            }
            source = "SELECT * FROM " + name;
        }

        /** SQL reading the stream. */
        String source() {
            return source;
        }

        @Override
        public void close() {
            stream.close();
            try {
                feeder.close();
            } catch (IOException e) {
                // the file is only read
            }
            allocator.close();
        }
    }

    /**
     * The stream DuckDB reads: slices of the file parsed by a thread each, their batches handed over in
     * whatever order they are ready (the caller's statement orders the table when it must).
     */
    private static final class Feeder extends ArrowReader {
        private static final VectorSchemaRoot END = null;
        private final Schema schema;
        private final java.util.concurrent.BlockingQueue<Object> ready = new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final List<Thread> threads = new ArrayList<>();
        private final List<Slice> slices = new ArrayList<>();
        private int running;
        private IOException failure;

        Feeder(BufferAllocator allocator, Feed feed, Input input, int parts) throws IOException {
            super(allocator);
            this.schema = Slice.schema(feed);
            long size = Files.size(input.readPath());
            for (int k = 0; k < parts; k++) {
                slices.add(new Slice(feed, input, size * k / parts, size * (k + 1) / parts));
            }
            running = parts;
            for (Slice slice : slices) {
                Thread t = new Thread(() -> parse(allocator, slice), "feed-" + feed.name());
                t.setDaemon(true);
                threads.add(t);
            }
            threads.forEach(Thread::start);
        }

        private void parse(BufferAllocator allocator, Slice slice) {
            try {
                while (true) {
                    VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
                    try {
                        if (slice.fill(batch) == 0) {
                            batch.close();
                            break;
                        }
                        ready.put(batch);
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        batch.close();
                        throw e;
                    }
                }
                ready.put("done");
            } catch (IOException e) {
                offer(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                offer(new IOException(e));
            }
        }

        private void offer(IOException e) {
            try {
                ready.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (failure != null) {
                throw failure; // the engine may ask again after a failure
            }
            while (running > 0) {
                Object next;
                try {
                    next = ready.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (next instanceof IOException e) {
                    running--;
                    failure = e;
                    throw e;
                }
                if ("done".equals(next)) {
                    running--;
                    continue;
                }
                try (VectorSchemaRoot batch = (VectorSchemaRoot) next) {
                    VectorSchemaRoot root = getVectorSchemaRoot();
                    for (int i = 0; i < batch.getFieldVectors().size(); i++) {
                        batch.getVector(i).makeTransferPair(root.getVector(i)).transfer();
                    }
                    root.setRowCount(batch.getRowCount());
                }
                return true;
            }
            return false;
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
        protected void closeReadSource() throws IOException {
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Object o : ready) {
                if (o instanceof VectorSchemaRoot r) {
                    r.close();
                }
            }
            ready.clear();
            for (Slice s : slices) {
                s.close();
            }
        }
    }

    /** Reads the file in batches, checking each value as it is parsed. */
    private static final class Slice implements AutoCloseable {
        private final Feed feed;
        private final java.nio.channels.FileChannel in;
        /** File offset of buf[0], and the offset from which lines belong to the next slice. */
        private long base;
        private final long limit;
        private final long from;
        private final Column[] columns;
        private final int[] target;
        private final Schema schema;
        private final byte[] buf = new byte[1 << 20];
        private int pos;
        private int end;
        private boolean eof;
        /** Whether lines end in CR LF, as the header's does. */
        private boolean crlf;
        private final int[] starts;
        private final int[] ends;
        long rows;

        Slice(Feed feed, Input input, long from, long to) throws IOException {
            this.from = from;
            this.limit = to;
            this.feed = feed;
            this.columns = feed.columns().toArray(Column[]::new);
            List<String> header = input.header();
            // file position of each contract column
            this.target = new int[columns.length];
            for (int i = 0; i < columns.length; i++) {
                target[i] = header.indexOf(columns[i].name());
            }
            this.starts = new int[header.size()];
            this.ends = new int[header.size()];
            this.schema = schema(feed);
            this.in = java.nio.channels.FileChannel.open(input.readPath());
            skipHeader();
            if (from > 0) {
                // the slice starts after the first line feed at or after from - 1
                in.position(from - 1);
                base = from - 1;
                pos = 0;
                end = 0;
                eof = false;
                do {
                    if (pos >= end && !refill()) {
                        break;
                    }
                } while (buf[pos++] != '\n');
            }
        }

        static Schema schema(Feed feed) {
            List<Field> fields = new ArrayList<>();
            for (Column c : feed.columns()) {
                fields.add(Field.nullable(c.name(), arrowType(c.type())));
            }
            return new Schema(fields);
        }

        private static ArrowType arrowType(ColumnType type) {
            return switch (type) {
                case STRING, MONTH -> ArrowType.Utf8.INSTANCE;
                case DATE -> new ArrowType.Date(DateUnit.DAY);
                case INT -> new ArrowType.Int(64, true);
                case SMALL_INT -> new ArrowType.Int(32, true);
                case DECIMAL -> new ArrowType.Decimal(18, 6, 128);
                default -> throw new IllegalArgumentException(type.name());
            };
        }

        /** Parses up to a batch of rows into the root; the number of rows, 0 at the end of the slice. */
        int fill(VectorSchemaRoot root) throws IOException {
            // sized for a whole batch up front: growing by doubling copies every vector several times
            for (FieldVector v : root.getFieldVectors()) {
                if (v instanceof VarCharVector text) {
                    text.setInitialCapacity(BATCH, 16);
                } else {
                    v.setInitialCapacity(BATCH);
                }
            }
            root.allocateNew();
            FieldVector[] vectors = root.getFieldVectors().toArray(FieldVector[]::new);
            int n = 0;
            while (n < BATCH && nextLine()) {
                for (int i = 0; i < columns.length; i++) {
                    int f = target[i];
                    put(vectors[i], columns[i], n, starts[f], ends[f]);
                }
                n++;
            }
            root.setRowCount(n);
            rows += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        /** Splits the next line into fields; false at the end of the file. */
        private boolean nextLine() throws IOException {
            if (base + pos >= limit) {
                return false; // the next line starts in the next slice
            }
            int scan = pos;
            int nl;
            while (true) {
                nl = -1;
                for (int i = scan; i < end; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        nl = i;
                        break;
                    }
                    if (b == '"' || b == '\r' || b < 0) {
                        if (b == '\r' && crlf && i + 1 < end && buf[i + 1] == '\n') {
                            continue;
                        }
                        if (b == '\r' && crlf && i + 1 == end && !eof) {
                            break; // the line feed is in the next read
                        }
                        throw giveUp(); // quotes, a stray carriage return or non-ASCII: the exact path decides
                    }
                }
                if (nl >= 0) {
                    break;
                }
                int seen = end - pos;
                if (!refill()) {
                    if (pos >= end) {
                        return false;
                    }
                    nl = end; // the last line has no line feed
                    break;
                }
                scan = pos + seen;
            }
            int stop = nl;
            if (crlf && nl < end) {
                if (nl == pos || buf[nl - 1] != '\r') {
                    throw giveUp(); // a line ending unlike the header's
                }
                stop = nl - 1;
            } else if (crlf && nl > pos && buf[nl - 1] == '\r') {
                stop = nl - 1; // the last line, without its line feed
            }
            if (stop == pos) {
                throw giveUp(); // an empty line
            }
            int field = 0;
            starts[0] = pos;
            for (int i = pos; i < stop; i++) {
                if (buf[i] == ',') {
                    if (++field >= starts.length) {
                        throw giveUp();
                    }
                    ends[field - 1] = i;
                    starts[field] = i + 1;
                }
            }
            if (field != starts.length - 1) {
                throw giveUp();
            }
            ends[field] = stop;
            pos = Math.min(nl + 1, end);
            return true;
        }

        private void skipHeader() throws IOException {
            refill();
            if (end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                throw giveUp(); // byte order mark
            }
            int i = 0;
            while (i < end && buf[i] != '\n') {
                i++;
            }
            if (i == end) {
                throw giveUp(); // header without data, or longer than the window
            }
            crlf = i > 0 && buf[i - 1] == '\r';
            pos = i + 1;
        }

        /** Moves the unread bytes to the front of the window and reads more; false when nothing more came. */
        private boolean refill() throws IOException {
            if (eof) {
                return false;
            }
            int keep = end - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            base += pos;
            pos = 0;
            end = keep;
            if (end == buf.length) {
                throw giveUp(); // a line longer than the window
            }
            int n = in.read(java.nio.ByteBuffer.wrap(buf, end, buf.length - end));
            if (n <= 0) {
                eof = true;
                return false;
            }
            end += n;
            return true;
        }

        private void put(FieldVector v, Column c, int row, int from, int to) throws IOException {
            if (from == to) {
                if (c.required()) {
                    throw giveUp();
                }
                String fallback = c.fallback();
                if (fallback == null) {
                    v.setNull(row);
                    return;
                }
                if (!fallback.equals("0")) {
                    throw giveUp();
                }
                switch (c.type()) {
                    case INT -> ((BigIntVector) v).setSafe(row, 0L);
                    case SMALL_INT -> ((IntVector) v).setSafe(row, 0);
                    case DECIMAL -> ((DecimalVector) v).setSafe(row, 0L);
                    default -> throw giveUp();
                }
                return;
            }
            if (buf[from] == ' ' || buf[to - 1] == ' ') {
                throw giveUp();
            }
            switch (c.type()) {
                case STRING -> ((VarCharVector) v).setSafe(row, buf, from, to - from);
                case MONTH -> {
                    if (to - from != 7 || buf[from + 4] != '-' || !digits(from, from + 4) || !digits(from + 5, to)) {
                        throw giveUp();
                    }
                    int m = number(from + 5, to);
                    if (m < 1 || m > 12) {
                        throw giveUp();
                    }
                    ((VarCharVector) v).setSafe(row, buf, from, 7);
                }
                case DATE -> {
                    if (to - from != 10 || buf[from + 4] != '-' || buf[from + 7] != '-' || !digits(from, from + 4)
                            || !digits(from + 5, from + 7) || !digits(from + 8, to)) {
                        throw giveUp();
                    }
                    int y = number(from, from + 4);
                    if (y < 1) {
                        throw giveUp();
                    }
                    try {
                        LocalDate d = LocalDate.of(y, number(from + 5, from + 7), number(from + 8, to));
                        ((DateDayVector) v).setSafe(row, (int) d.toEpochDay());
                    } catch (DateTimeException e) {
                        throw giveUp();
                    }
                }
                case INT, SMALL_INT -> {
                    boolean negative = buf[from] == '-';
                    int start = negative ? from + 1 : from;
                    int max = c.type() == ColumnType.INT ? 18 : 9;
                    if (start == to || to - start > max || !digits(start, to)) {
                        throw giveUp();
                    }
                    long x = longNumber(start, to);
                    x = negative ? -x : x;
                    inRange(c, x, 0);
                    if (c.type() == ColumnType.INT) {
                        ((BigIntVector) v).setSafe(row, x);
                    } else {
                        ((IntVector) v).setSafe(row, (int) x);
                    }
                }
                case DECIMAL -> {
                    boolean negative = buf[from] == '-';
                    int start = negative ? from + 1 : from;
                    int dot = start;
                    while (dot < to && buf[dot] != '.') {
                        dot++;
                    }
                    int scale = dot == to ? 0 : to - dot - 1;
                    if (dot == start || dot - start > 12 || scale > 6 || (dot < to && scale == 0)
                            || !digits(start, dot) || !digits(dot + 1, to)) {
                        throw giveUp();
                    }
                    long unscaled = longNumber(start, dot);
                    for (int k = 0; k < 6; k++) {
                        unscaled = unscaled * 10 + (k < scale ? buf[dot + 1 + k] - '0' : 0);
                    }
                    unscaled = negative ? -unscaled : unscaled;
                    inRange(c, unscaled, 6);
                    ((DecimalVector) v).setSafe(row, unscaled);
                }
                default -> throw giveUp();
            }
        }

        /** The column's bounds, for a value with this many implied decimals. */
        private void inRange(Column c, long value, int scale) throws IOException {
            long unit = scale == 0 ? 1 : 1_000_000L;
            if ((c.min() != null && value < c.min() * unit) || (c.max() != null && value > c.max() * unit)) {
                throw giveUp();
            }
        }

        private boolean digits(int from, int to) {
            for (int i = from; i < to; i++) {
                if (buf[i] < '0' || buf[i] > '9') {
                    return false;
                }
            }
            return true;
        }

        private int number(int from, int to) {
            return (int) longNumber(from, to);
        }

        private long longNumber(int from, int to) {
            long x = 0;
            for (int i = from; i < to; i++) {
                x = x * 10 + (buf[i] - '0');
            }
            return x;
        }

        private IOException giveUp() {
            return new IOException("feed " + feed.name() + ": data row " + (rows + 1) + " of a batch is not plain enough"
                    + " for the Java reader");
        }
    }
}
