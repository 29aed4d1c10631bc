package io.tenure.ingest;

import io.tenure.core.error.TenureException;
import io.tenure.core.subscriber.IdNumber;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fast way in for a clean CSV feed of subscribers' rows: read, checked and given its {@code sub_idx} in
 * Java on every core, and handed to DuckDB as Arrow batches in file order, so the typed table is written
 * in one pass without DuckDB's text columns, the SQL checks and the join to the subscribers, which cost
 * several times the reading itself.
 *
 * <p>It accepts only what the SQL checks certainly accept with the same stored value, and gives up on
 * anything else: quotes, line ends unlike the header's (LF or CR LF), control characters, invalid UTF-8,
 * blanks around values, empty required values, numbers outside their plain spelling (such as {@code 12.0},
 * {@code +5} or {@code 1e3}), more decimals than the type keeps, values out of range, unknown codes or
 * subscribers, a failed checksum or bill total, or a header other than the contract's columns. Giving up is
 * not a reject: the caller then loads the feed the exact way, which explains every row it rejects.
 */
final class JavaReader {
    /** Bytes of file per batch; each batch is parsed by one thread. */
    private static final int CHUNK = 8 << 20;
    /** The chunk size in use: tests make it small to cut files into many chunks. */
    static volatile int chunkBytes = CHUNK;
    /** Room past a chunk for its last line. */
    private static final int TAIL = 1 << 20;
    private static final long MICROS = 1_000_000L;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private JavaReader() {
    }

    /** What the read found out about the order of the rows. */
    record Outcome(long rows, boolean ordered, boolean keyUnique) {
    }

    /** Whether the Java reader can take the feed at all. */
    static boolean applies(Feed feed, List<Input> inputs) {
        if (feed.link() == Feed.Link.NONE || inputs.size() != 1 || !inputs.get(0).csv()) {
            return false;
        }
        List<String> names = feed.columns().stream().map(Column::name).toList();
        List<String> header = inputs.get(0).header();
        return header.size() == names.size() && header.containsAll(names)
                && feed.rowRules().stream().allMatch(r -> isBillTotal(r) || isContractEnd(r));
    }

    private static boolean isBillTotal(RowRule r) {
        return r.code().equals("BILL_TOTAL");
    }

    private static boolean isContractEnd(RowRule r) {
        return r.code().equals("REQUIRED") && r.column().equals("contract_end_date");
    }

    /**
     * Creates {@code table} from the file, in file order, with the feed's output columns and types.
     *
     * @throws IOException when the reader gives up; nothing is created then
     */
    static Outcome load(Connection db, String table, Feed feed, Input input, SubscriberIndex subscribers, int threads)
            throws IOException, SQLException {
        Plan plan = new Plan(feed, input);
        try (BufferAllocator allocator = new RootAllocator();
             Feeder feeder = new Feeder(allocator, plan, subscribers, threads);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, feeder, stream);
            String name = "_tenure_java_" + feed.name();
            db.unwrap(DuckDBConnection.class).registerArrowStream(name, stream);
            try {
                Sql.update(db, "CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM " + name);
            } catch (SQLException e) {
                if (feeder.failure != null) {
                    throw feeder.failure;
                }
                throw e;
            }
            boolean ordered = feed.order().isEmpty() || (plan.keyed && plan.keyColumns.equals(feed.order())
                    && feeder.nonDecreasing);
            boolean unique = feed.key().isEmpty() || (plan.keyed && plan.keyColumns.equals(feed.key()) && feeder.strict);
            return new Outcome(feeder.rows, ordered, unique);
        }
    }

    /** The feed's columns as the reader handles them. */
    private static final class Plan {
        final Feed feed;
        final Input input;
        /** Per file field: the contract column. */
        final Column[] fieldColumn;
        /** Per file field: its output position. */
        final int[] fieldOut;
        final int subIdxOut;
        final int subscriberField;
        final Schema schema;
        /** Output kinds, by output position. */
        final Kind[] kinds;
        final boolean[] nullable;
        /** Output positions of the nullable columns. */
        final int[] nullables;
        final byte[][][] codes;
        /** Whether rows can be keyed as (sub_idx, day or month) to check order and uniqueness. */
        final boolean keyed;
        /** The key, or the order when there is no key. */
        final List<String> keyColumns;
        /** File field of the second key column, or -1. */
        final int secondKeyField;
        /** Output positions of the bill components, the discount and the total, when the bill total is checked. */
        final int[] billParts;
        /** File fields of the contract kind and end date, when an end date is required with a contract; else -1. */
        final int contractKindField;
        final int contractEndField;
        final int discountOut;
        final int totalOut;

        Plan(Feed feed, Input input) throws IOException {
            this.feed = feed;
            this.input = input;
            List<String> header = input.header();
            int fields = header.size();
            fieldColumn = new Column[fields];
            fieldOut = new int[fields];
            List<String> out = feed.output();
            kinds = new Kind[out.size()];
            nullable = new boolean[out.size()];
            codes = new byte[out.size()][][];
            List<Field> arrow = new ArrayList<>();
            for (int j = 0; j < out.size(); j++) {
                String name = out.get(j);
                if (name.equals(Feed.SUB_IDX)) {
                    kinds[j] = Kind.LONG;
                    arrow.add(Field.notNullable(name, new ArrowType.Int(64, true)));
                    continue;
                }
                Column c = feed.column(name).orElseThrow();
                kinds[j] = Kind.of(c.type());
                nullable[j] = !c.required() && c.fallback() == null;
                if (c.type() == ColumnType.ENUM) {
                    codes[j] = c.allowed().stream().map(s -> s.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
                }
                arrow.add(nullable[j] ? Field.nullable(name, arrowType(c.type())) : Field.notNullable(name, arrowType(c.type())));
            }
            schema = new Schema(arrow);
            nullables = java.util.stream.IntStream.range(0, kinds.length).filter(j -> nullable[j]).toArray();
            subIdxOut = out.indexOf(Feed.SUB_IDX);
            subscriberField = feed.link() == Feed.Link.SUBSCRIBER ? header.indexOf("subscriber_id") : -1;
            for (int f = 0; f < fields; f++) {
                fieldColumn[f] = feed.column(header.get(f)).orElseThrow();
                fieldOut[f] = out.indexOf(header.get(f));
                if (fieldOut[f] < 0 && f != subscriberField) {
                    throw new IOException("column " + header.get(f) + " is not stored");
                }
            }
            List<String> keyCols = feed.key().isEmpty() ? feed.order() : feed.key();
            keyColumns = keyCols;
            int second = -1;
            boolean ok = !keyCols.isEmpty() && keyCols.size() <= 2 && keyCols.get(0).equals(Feed.SUB_IDX);
            if (ok && keyCols.size() == 2) {
                ColumnType t = feed.column(keyCols.get(1)).map(Column::type).orElse(null);
                ok = (t == ColumnType.DATE || t == ColumnType.MONTH) && feed.column(keyCols.get(1)).orElseThrow().required();
                second = header.indexOf(keyCols.get(1));
            }
            keyed = ok;
            secondKeyField = ok ? second : -1;
            boolean bill = feed.rowRules().stream().anyMatch(JavaReader::isBillTotal);
            boolean contract = feed.rowRules().stream().anyMatch(JavaReader::isContractEnd);
            contractKindField = contract ? header.indexOf("contract_kind") : -1;
            contractEndField = contract ? header.indexOf("contract_end_date") : -1;
            billParts = bill ? Contract.BILL_COMPONENTS.stream().mapToInt(out::indexOf).toArray() : null;
            discountOut = bill ? out.indexOf("discount") : -1;
            totalOut = bill ? out.indexOf("total_fee") : -1;
        }

        private static ArrowType arrowType(ColumnType type) {
            return switch (type) {
                case STRING, MONTH, ENUM, MSISDN, ID_NUMBER, ID_LIST -> ArrowType.Utf8.INSTANCE;
                case DATE -> new ArrowType.Date(DateUnit.DAY);
                case INT -> new ArrowType.Int(64, true);
                case SMALL_INT -> new ArrowType.Int(32, true);
                case DECIMAL -> new ArrowType.Decimal(18, 6, 128);
                case MONEY -> new ArrowType.Decimal(18, 2, 128);
                case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
                case FLAG -> ArrowType.Bool.INSTANCE;
            };
        }
    }

    /** How a value is held while a chunk is parsed. */
    private enum Kind {
        LONG, INT, DATE, DECIMAL2, DECIMAL6, TIMESTAMP, FLAG, TEXT;

        static Kind of(ColumnType t) {
            return switch (t) {
                case INT -> LONG;
                case SMALL_INT -> INT;
                case DATE -> DATE;
                case MONEY -> DECIMAL2;
                case DECIMAL -> DECIMAL6;
                case TIMESTAMP -> TIMESTAMP;
                case FLAG -> FLAG;
                default -> TEXT;
            };
        }
    }

    /** A parsed chunk: its batch and the keys at its ends. */
    private record Chunk(VectorSchemaRoot batch, long firstKey, long lastKey, boolean strict, boolean nonDecreasing) {
    }

    /**
     * The stream DuckDB reads: chunks of the file parsed by a pool of threads, handed over in file order.
     */
    private static final class Feeder extends ArrowReader {
        private final Plan plan;
        private final ExecutorService pool;
        private final ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        private final ThreadLocal<Parser> parsers;
        private final int window;
        private final long size;
        private long next;
        long rows;
        boolean strict = true;
        boolean nonDecreasing = true;
        private long lastKey = Long.MIN_VALUE;
        IOException failure;

        Feeder(BufferAllocator allocator, Plan plan, SubscriberIndex subscribers, int threads) throws IOException {
            super(allocator);
            this.plan = plan;
            boolean crlf;
            try (FileChannel in = FileChannel.open(plan.input.readPath())) {
                this.size = in.size();
                this.next = dataStart(in);
                ByteBuffer before = ByteBuffer.allocate(1);
                crlf = next >= 2 && in.read(before, next - 2) == 1 && before.get(0) == '\r';
            }
            this.window = threads * 2 + 1;
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "feed-" + plan.feed.name());
                t.setDaemon(true);
                return t;
            });
            this.parsers = ThreadLocal.withInitial(() -> new Parser(plan, subscribers, crlf));
        }

        /** The offset after the header line. */
        private static long dataStart(FileChannel in) throws IOException {
            ByteBuffer head = ByteBuffer.allocate(TAIL);
            while (head.hasRemaining() && in.read(head, head.position()) > 0) {
                // filled up to the file's end or the window
            }
            for (int i = 0; i < head.position(); i++) {
                if (head.get(i) == '\n') {
                    return i + 1;
                }
            }
            throw new IOException("no data line after the header");
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                while (true) {
                    while (pending.size() < window && next < size) {
                        long from = next;
                        long to = Math.min(size, from + chunkBytes);
                        pending.add(pool.submit(() -> parsers.get().parse(allocator, from, to, size)));
                        next = to;
                    }
                    Future<Chunk> head = pending.poll();
                    if (head == null) {
                        return false;
                    }
                    Chunk c = head.get();
                    if (c.batch.getRowCount() == 0) {
                        c.batch.close();
                        continue;
                    }
                    strict &= c.strict && c.firstKey > lastKey;
                    nonDecreasing &= c.nonDecreasing && c.firstKey >= lastKey;
                    lastKey = c.lastKey;
                    if (plan.subIdxOut >= 0 && plan.subscriberField < 0) {
                        BigIntVector idx = (BigIntVector) c.batch.getVector(plan.subIdxOut);
                        for (int i = 0; i < c.batch.getRowCount(); i++) {
                            idx.set(i, rows + idx.get(i));
                        }
                    }
                    try (VectorSchemaRoot batch = c.batch) {
                        VectorSchemaRoot root = getVectorSchemaRoot();
                        for (int i = 0; i < batch.getFieldVectors().size(); i++) {
                            batch.getVector(i).makeTransferPair(root.getVector(i)).transfer();
                        }
                        root.setRowCount(batch.getRowCount());
                        rows += batch.getRowCount();
                    }
                    return true;
                }
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                throw failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IOException("interrupted", e);
                throw failure;
            }
        }

        @Override
        protected Schema readSchema() {
            return plan.schema;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
            // queued chunks are dropped unstarted; the running ones finish and their batches are freed
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Future<Chunk> f : pending) {
                if (f.isDone() && !f.isCancelled()) {
                    try {
                        f.get().batch.close();
                    } catch (ExecutionException | InterruptedException e) {
                        // nothing was made
                    }
                }
            }
            pending.clear();
        }
    }

    /** Parses chunks on one thread, reusing its buffers; values go to plain arrays, then to Arrow in bulk. */
    private static final class Parser {
        private final Plan plan;
        private final SubscriberIndex subscribers;
        private final Column[] fieldColumn;
        private final int[] fieldOut;
        private final Kind[] kinds;
        private final int fields;
        private final byte[] buf = new byte[chunkBytes + TAIL + 64];
        /** Whether lines end in CR LF, as the header's does; a line ending otherwise gives up. */
        private final boolean crlf;
        private int capacity;
        private long[][] longs;
        private int[][] ints;
        private byte[][] text;
        private int[][] offsets;
        private long[][] valid;
        private final int[] nulls;
        private long chunkStart;
        /** Where the last number or timestamp parsed ended. */
        private int stop;

        Parser(Plan plan, SubscriberIndex subscribers, boolean crlf) {
            this.plan = plan;
            this.subscribers = subscribers;
            this.crlf = crlf;
            this.fieldColumn = plan.fieldColumn;
            this.fieldOut = plan.fieldOut;
            this.kinds = plan.kinds;
            this.fields = fieldColumn.length;
            int n = kinds.length;
            longs = new long[n][];
            ints = new int[n][];
            text = new byte[n][];
            offsets = new int[n][];
            valid = new long[n][];
            nulls = new int[n];
            grow(1 << 16);
            for (int j = 0; j < n; j++) {
                if (kinds[j] == Kind.TEXT) {
                    text[j] = new byte[1 << 20];
                }
            }
        }

        private void grow(int rows) {
            capacity = rows;
            for (int j = 0; j < kinds.length; j++) {
                switch (kinds[j]) {
                    case LONG, DECIMAL2, DECIMAL6, TIMESTAMP -> longs[j] = longs[j] == null ? new long[rows]
                            : Arrays.copyOf(longs[j], rows);
                    case INT, DATE, FLAG -> ints[j] = ints[j] == null ? new int[rows] : Arrays.copyOf(ints[j], rows);
                    case TEXT -> offsets[j] = offsets[j] == null ? new int[rows + 1] : Arrays.copyOf(offsets[j], rows + 1);
                }
                if (plan.nullable[j]) {
                    valid[j] = valid[j] == null ? new long[(rows + 63) >> 6] : Arrays.copyOf(valid[j], (rows + 63) >> 6);
                }
            }
        }

        /** Parses the lines starting in {@code [from, to)} of the file. */
        Chunk parse(BufferAllocator allocator, long from, long to, long size) throws IOException {
            long readFrom = from - 1;
            int len = (int) (Math.min(size, to + TAIL) - readFrom);
            try (FileChannel in = FileChannel.open(plan.input.readPath())) {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
                while (bb.hasRemaining()) {
                    if (in.read(bb, readFrom + bb.position()) < 0) {
                        throw new IOException("the file shrank while it was read");
                    }
                }
            }
            chunkStart = readFrom;
            boolean atEof = readFrom + len == size;
            if (atEof && buf[len - 1] != '\n') {
                // the last line without its line end
                if (crlf && buf[len - 1] != '\r') {
                    buf[len++] = '\r';
                }
                buf[len++] = '\n';
            } else if (!atEof) {
                buf[len] = 0; // a line running past the window stops here and gives up
            }
            // lines start after a line feed; byte 0 is the one before the chunk
            int p = 0;
            while (p < len && buf[p] != '\n') {
                p++;
            }
            p++;
            int limit = (int) (to - readFrom);
            Arrays.fill(nulls, 0);
            for (int[] o : offsets) {
                if (o != null) {
                    o[0] = 0;
                }
            }
            int row = 0;
            long first = Long.MIN_VALUE;
            long prev = Long.MIN_VALUE;
            boolean strict = true;
            boolean nonDecreasing = true;
            int lastSub = -1;
            int lastSubFrom = -1;
            int lastSubTo = -1;
            while (p < limit) {
                if (row == capacity) {
                    grow(capacity * 2);
                }
                if ((row & 63) == 0) {
                    for (int j : plan.nullables) {
                        valid[j][row >> 6] = 0;
                    }
                }
                int sub = -1;
                int second = 0;
                int contractKindFrom = 0;
                int contractKindTo = 0;
                int contractEndFrom = 0;
                int contractEndTo = 0;
                for (int f = 0; f < fields; f++) {
                    // the subscriber's id is looked up, not stored: its sub_idx stands for it
                    int end = f == plan.subscriberField ? subscriberEnd(p) : field(f, row, p);
                    if (f == plan.subscriberField) {
                        if (lastSub >= 0 && end - p == lastSubTo - lastSubFrom
                                && Arrays.equals(buf, p, end, buf, lastSubFrom, lastSubTo)) {
                            sub = lastSub;
                        } else {
                            sub = subscribers.find(buf, p, end, lastSub + 1);
                            if (sub < 0) {
                                throw giveUp(p, "a subscriber not in the snapshot");
                            }
                        }
                        lastSub = sub;
                        lastSubFrom = p;
                        lastSubTo = end;
                    } else if (f == plan.secondKeyField) {
                        // a date is already parsed; a month, checked, is read from its digits
                        second = fieldColumn[f].type() == ColumnType.DATE ? ints[fieldOut[f]][row]
                                : digits(p, 4) * 12 + digits(p + 5, 2);
                    } else if (f == plan.contractKindField) {
                        contractKindFrom = p;
                        contractKindTo = end;
                    } else if (f == plan.contractEndField) {
                        contractEndFrom = p;
                        contractEndTo = end;
                    }
                    byte b = buf[end];
                    if (f < fields - 1) {
                        if (b != ',') {
                            throw giveUp(end, "a line with fewer fields than the header");
                        }
                        p = end + 1;
                    } else if (!crlf && b == '\n') {
                        p = end + 1;
                    } else if (crlf && b == '\r' && buf[end + 1] == '\n') {
                        p = end + 2;
                    } else {
                        throw giveUp(end, b == ',' ? "a line with more fields than the header"
                                : "a line end unlike the header's");
                    }
                }
                if (p > len) {
                    throw giveUp(len, "a line longer than the read window");
                }
                if (plan.subIdxOut >= 0) {
                    // the snapshot numbers its rows: here within the chunk, the feeder adds the rows of the chunks before
                    longs[plan.subIdxOut][row] = plan.subscriberField >= 0 ? sub : row;
                }
                if (plan.contractKindField >= 0 && contractKindFrom != contractKindTo && contractEndFrom == contractEndTo) {
                    throw giveUp(contractEndFrom, "a contract without its end date");
                }
                if (plan.billParts != null) {
                    checkBill(row);
                }
                if (plan.keyed) {
                    long key = ((long) sub << 32) | (second & 0xFFFFFFFFL);
                    if (row == 0) {
                        first = key;
                    } else {
                        strict &= key > prev;
                        nonDecreasing &= key >= prev;
                    }
                    prev = key;
                }
                row++;
            }
            return new Chunk(toArrow(allocator, row), first, prev, strict, nonDecreasing);
        }

        /** The end of a subscriber id at p, which must be there without blanks around it. */
        private int subscriberEnd(int p) throws IOException {
            int end = textEnd(p);
            if (end == p || buf[p] == ' ' || buf[end - 1] == ' ') {
                throw giveUp(p, "an empty or padded subscriber id");
            }
            return end;
        }

        /** Parses field f of the row starting at p; returns the offset of the byte after it. */
        private int field(int f, int row, int p) throws IOException {
            Column c = fieldColumn[f];
            int j = fieldOut[f];
            byte b0 = buf[p];
            if (b0 == ',' || b0 == '\n' || b0 == '\r') {
                empty(c, j, row, p);
                return p;
            }
            if (b0 == ' ') {
                throw giveUp(p, "a blank before a value");
            }
            int end = switch (kinds[j]) {
                case LONG -> {
                    longs[j][row] = whole(c, p, c.type() == ColumnType.INT ? 18 : 9);
                    yield stop;
                }
                case INT -> {
                    ints[j][row] = (int) whole(c, p, 9);
                    yield stop;
                }
                case DECIMAL2, DECIMAL6 -> {
                    longs[j][row] = decimal(c, p, kinds[j] == Kind.DECIMAL2 ? 2 : 6);
                    yield stop;
                }
                case DATE -> {
                    ints[j][row] = (int) date(p);
                    yield p + 10;
                }
                case TIMESTAMP -> {
                    longs[j][row] = timestamp(p);
                    yield stop;
                }
                case FLAG -> {
                    int e = textEnd(p);
                    ints[j][row] = flag(p, e);
                    yield e;
                }
                case TEXT -> text(c, j, row, p);
            };
            if (plan.nullable[j]) {
                valid[j][row >> 6] |= 1L << row;
            }
            byte b = buf[end];
            if (b != ',' && b != '\n' && b != '\r') {
                throw giveUp(end, "a value not in its plain spelling");
            }
            if (buf[end - 1] == ' ') {
                throw giveUp(end, "a blank after a value");
            }
            return end;
        }

        private void empty(Column c, int j, int row, int p) throws IOException {
            if (c.required()) {
                throw giveUp(p, "an empty required value");
            }
            String fallback = c.fallback();
            if (fallback == null) {
                nulls[j]++;
                switch (kinds[j]) {
                    case LONG, DECIMAL2, DECIMAL6, TIMESTAMP -> longs[j][row] = 0;
                    case INT, DATE, FLAG -> ints[j][row] = 0;
                    case TEXT -> offsets[j][row + 1] = offsets[j][row];
                }
                return;
            }
            switch (kinds[j]) {
                case LONG, DECIMAL2, DECIMAL6 -> {
                    if (!fallback.equals("0")) {
                        throw giveUp(p, "a fallback the Java reader does not know");
                    }
                    longs[j][row] = 0;
                }
                case INT -> {
                    if (!fallback.equals("0")) {
                        throw giveUp(p, "a fallback the Java reader does not know");
                    }
                    ints[j][row] = 0;
                }
                case TEXT -> {
                    if (fallback.length() < 2 || fallback.charAt(0) != '\'' || fallback.indexOf('\'', 1) != fallback.length() - 1) {
                        throw giveUp(p, "a fallback the Java reader does not know");
                    }
                    byte[] v = fallback.substring(1, fallback.length() - 1).getBytes(StandardCharsets.UTF_8);
                    appendText(j, row, v, 0, v.length);
                }
                default -> throw giveUp(p, "a fallback the Java reader does not know");
            }
        }

        /** A whole number of at most {@code digits} digits, optionally negative. */
        private long whole(Column c, int p, int digits) throws IOException {
            int start = buf[p] == '-' ? p + 1 : p;
            long x = digitRun(start);
            if (stop == start || stop - start > digits) {
                throw giveUp(p, "a whole number not in its plain spelling");
            }
            x = start > p ? -x : x;
            inRange(c, x, 1, p);
            return x;
        }

        /** The value of the digits from i on; {@link #stop} is where they end. */
        private long digitRun(int i) {
            long x = 0;
            while (true) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                x = x * 10 + d;
                i++;
            }
            stop = i;
            return x;
        }

        /** A decimal with at most {@code scale} decimals and 12 integer digits, as a count of 10^-scale. */
        private long decimal(Column c, int p, int scale) throws IOException {
            boolean negative = buf[p] == '-';
            int start = negative ? p + 1 : p;
            long x = digitRun(start);
            int i = stop;
            if (i == start || i - start > 12) {
                throw giveUp(p, "a decimal not in its plain spelling");
            }
            int decimals = 0;
            if (buf[i] == '.') {
                long fraction = digitRun(i + 1);
                decimals = stop - i - 1;
                if (decimals == 0 || decimals > scale) {
                    throw giveUp(p, decimals == 0 ? "a decimal point without decimals" : "more decimals than the column keeps");
                }
                x = x * POWERS[decimals] + fraction;
                i = stop;
            }
            x = x * POWERS[scale - decimals];
            x = negative ? -x : x;
            inRange(c, x, POWERS[scale], p);
            stop = i;
            return x;
        }

        private void inRange(Column c, long value, long unit, int p) throws IOException {
            if ((c.min() != null && value < c.min() * unit) || (c.max() != null && value > c.max() * unit)) {
                throw giveUp(p, "a value out of range");
            }
        }

        /** {@code YYYY-MM-DD} as days since 1970-01-01. */
        private long date(int p) throws IOException {
            if (buf[p + 4] != '-' || buf[p + 7] != '-') {
                throw giveUp(p, "a date not in its plain spelling");
            }
            int y = digits(p, 4);
            int m = digits(p + 5, 2);
            int d = digits(p + 8, 2);
            if (y < 1 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) {
                throw giveUp(p, "a date that does not exist");
            }
            return epochDay(y, m, d);
        }

        /**
         * {@code YYYY-MM-DDTHH:MM:SS} (or a space for the T), optionally {@code Z} or {@code ±HH:MM}, as
         * microseconds since the epoch; local times are Asia/Shanghai's, a fixed UTC+8 since 1992.
         */
        private long timestamp(int p) throws IOException {
            long day = date(p);
            byte t = buf[p + 10];
            if ((t != 'T' && t != ' ') || buf[p + 13] != ':' || buf[p + 16] != ':') {
                throw giveUp(p, "a timestamp not in its plain spelling");
            }
            int h = digits(p + 11, 2);
            int mi = digits(p + 14, 2);
            int s = digits(p + 17, 2);
            int y = digits(p, 4);
            if (h > 23 || mi > 59 || s > 59 || y < 1992 || y > 2037) {
                throw giveUp(p, "a timestamp out of the plain range");
            }
            int i = p + 19;
            long offset;
            if (buf[i] == 'Z') {
                offset = 0;
                i++;
            } else if (buf[i] == '+' || buf[i] == '-') {
                if (buf[i + 3] != ':') {
                    throw giveUp(p, "an offset not in its plain spelling");
                }
                int oh = digits(i + 1, 2);
                int om = digits(i + 4, 2);
                if (oh > 14 || om > 59) {
                    throw giveUp(p, "an offset out of range");
                }
                offset = (oh * 3600L + om * 60L) * (buf[i] == '-' ? -1 : 1);
                i += 6;
            } else {
                offset = 8 * 3600L;
            }
            stop = i;
            return ((day * 86_400L + h * 3600L + mi * 60L + s) - offset) * MICROS;
        }

        private int flag(int p, int e) throws IOException {
            int n = e - p;
            byte b = (byte) (buf[p] & ~0x20);
            if (n == 1) {
                if (b == 'Y' || buf[p] == '1') {
                    return 1;
                }
                if (b == 'N' || buf[p] == '0') {
                    return 0;
                }
            } else if (n == 4 && equalsUpper(p, e, TRUE)) {
                return 1;
            } else if (n == 5 && equalsUpper(p, e, FALSE)) {
                return 0;
            }
            throw giveUp(p, "a flag not in its plain spelling");
        }

        private static final byte[] TRUE = "TRUE".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] FALSE = "FALSE".getBytes(StandardCharsets.US_ASCII);

        private boolean equalsUpper(int from, int to, byte[] upper) {
            if (to - from != upper.length) {
                return false;
            }
            for (int i = 0; i < upper.length; i++) {
                byte b = buf[from + i];
                if (b >= 'a' && b <= 'z') {
                    b -= 32;
                }
                if (b != upper[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The end of a text value: the next comma or line end; quotes, control bytes and bad UTF-8 give up. */
        private int textEnd(int p) throws IOException {
            int i = p;
            while (true) {
                // eight bytes at a time to the first byte that is a comma, a quote, below 0x20 or above 0x7F
                long w = (long) LONGS.get(buf, i);
                long special = zeroByte(w ^ 0x2C2C2C2C2C2C2C2CL) | zeroByte(w ^ 0x2222222222222222L)
                        | ((w - 0x2020202020202020L) & ~w) | w;
                special &= 0x8080808080808080L;
                if (special == 0) {
                    i += 8;
                    continue;
                }
                i += Long.numberOfTrailingZeros(special) >>> 3;
                byte b = buf[i];
                if (b >= 0x20 && b != ',' && b != '"') {
                    i++;
                    continue;
                }
                if (b == ',' || b == '\n' || b == '\r') {
                    return i;
                }
                if (b >= 0) {
                    throw giveUp(i, b == '"' ? "a quote" : "a control character");
                }
                i = utf8(i);
            }
        }

        /** High bit set in the lowest zero byte of v (and maybe in later ones). */
        private static long zeroByte(long v) {
            return (v - 0x0101010101010101L) & ~v;
        }

        /** Checks the UTF-8 sequence starting at i; returns the offset after it. */
        private int utf8(int i) throws IOException {
            int b = buf[i] & 0xFF;
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                n = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                n = 2;
                lo = b == 0xE0 ? 0xA0 : 0x80;
                hi = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                n = 3;
                lo = b == 0xF0 ? 0x90 : 0x80;
                hi = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw giveUp(i, "bytes that are not UTF-8");
            }
            for (int k = 1; k <= n; k++) {
                int c = buf[i + k] & 0xFF;
                if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
                    throw giveUp(i, "bytes that are not UTF-8");
                }
            }
            return i + n + 1;
        }

        private int text(Column c, int j, int row, int p) throws IOException {
            int e = textEnd(p);
            switch (c.type()) {
                case MONTH -> {
                    if (e - p != 7 || buf[p + 4] != '-') {
                        throw giveUp(p, "a month not in its plain spelling");
                    }
                    digits(p, 4);
                    int m = digits(p + 5, 2);
                    if (m < 1 || m > 12) {
                        throw giveUp(p, "a month that does not exist");
                    }
                }
                case MSISDN -> {
                    if (e - p != 11) {
                        throw giveUp(p, "a phone number not of 11 digits");
                    }
                    digits(p, 11);
                }
                case ID_NUMBER -> {
                    appendText(j, row, buf, p, e - p);
                    idNumber(j, row, p, e);
                    return e;
                }
                case ID_LIST -> idList(p, e);
                case ENUM -> {
                    for (byte[] code : plan.codes[j]) {
                        if (equalsUpper(p, e, code)) {
                            appendText(j, row, code, 0, code.length);
                            return e;
                        }
                    }
                    throw giveUp(p, "a code not in the list");
                }
                default -> {
                    // free text as it is
                }
            }
            appendText(j, row, buf, p, e - p);
            return e;
        }

        /** Identifiers separated by {@code ;}, none empty, in ascending order: already as stored. */
        private void idList(int p, int e) throws IOException {
            int prevFrom = -1;
            int prevTo = -1;
            int from = p;
            for (int i = p; i <= e; i++) {
                if (i == e || buf[i] == ';') {
                    if (i == from || buf[from] == ' ' || buf[i - 1] == ' ') {
                        throw giveUp(p, "a list with an empty or padded item");
                    }
                    if (prevFrom >= 0 && Arrays.compareUnsigned(buf, prevFrom, prevTo, buf, from, i) >= 0) {
                        throw giveUp(p, "a list not in ascending order");
                    }
                    prevFrom = from;
                    prevTo = i;
                    from = i + 1;
                }
            }
        }

        /** GB 11643 ({@link IdNumber}): 17 digits, then the check character, stored upper case. */
        private void idNumber(int j, int row, int p, int e) throws IOException {
            if (e - p != 18) {
                throw giveUp(p, "an ID number not of 18 characters");
            }
            byte check;
            try {
                check = (byte) IdNumber.checkChar(new String(buf, p, 17, StandardCharsets.ISO_8859_1));
            } catch (TenureException notDigits) {
                throw giveUp(p, "an ID number with a non-digit");
            }
            byte last = buf[p + 17] == 'x' ? (byte) 'X' : buf[p + 17];
            if (last != check) {
                throw giveUp(p, "an ID number failing its checksum");
            }
            text[j][offsets[j][row + 1] - 1] = last;
        }

        private void appendText(int j, int row, byte[] src, int from, int n) {
            int at = offsets[j][row];
            if (at + n > text[j].length) {
                text[j] = Arrays.copyOf(text[j], Math.max(text[j].length * 2, at + n));
            }
            System.arraycopy(src, from, text[j], at, n);
            offsets[j][row + 1] = at + n;
        }

        /** {@code n} ASCII digits at p as a number. */
        private int digits(int p, int n) throws IOException {
            int x = 0;
            for (int i = p; i < p + n; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    throw giveUp(p, "a digit expected");
                }
                x = x * 10 + d;
            }
            return x;
        }

        private void checkBill(int row) throws IOException {
            long sum = 0;
            for (int j : plan.billParts) {
                sum += longs[j][row];
            }
            sum -= longs[plan.discountOut][row];
            if (Math.abs(longs[plan.totalOut][row] - sum) > 1) {
                throw giveUp(0, "a bill whose total is not its components less the discount");
            }
        }

        private static int monthLength(int y, int m) {
            return switch (m) {
                case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
        static long epochDay(int y, int m, int d) {
            int yy = m <= 2 ? y - 1 : y;
            int era = Math.floorDiv(yy, 400);
            int yoe = yy - era * 400;
            int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
            int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146_097L + doe - 719_468L;
        }

        private IOException giveUp(int at, String what) {
            return new IOException("feed " + plan.feed.name() + ": " + what + " near byte " + (chunkStart + at)
                    + " of " + plan.input.name());
        }

        /** Copies the chunk's arrays into Arrow vectors in bulk. */
        private VectorSchemaRoot toArrow(BufferAllocator allocator, int n) {
            List<FieldVector> vectors = new ArrayList<>();
            List<Field> fieldsOut = plan.schema.getFields();
            try {
                for (int j = 0; j < kinds.length; j++) {
                    Field field = fieldsOut.get(j);
                    FieldVector v = switch (kinds[j]) {
                        case LONG -> fixed(new BigIntVector(field, allocator), j, n, 8);
                        case TIMESTAMP -> fixed(new TimeStampMicroTZVector(field, allocator), j, n, 8);
                        case INT -> fixed(new IntVector(field, allocator), j, n, 4);
                        case DATE -> fixed(new DateDayVector(field, allocator), j, n, 4);
                        case DECIMAL2, DECIMAL6 -> fixed(new DecimalVector(field, allocator), j, n, 16);
                        case FLAG -> flags(new BitVector(field, allocator), j, n);
                        case TEXT -> text(new VarCharVector(field, allocator), j, n);
                    };
                    vectors.add(v);
                }
            } catch (RuntimeException e) {
                vectors.forEach(FieldVector::close);
                throw e;
            }
            return new VectorSchemaRoot(fieldsOut, vectors, n);
        }

        private FieldVector fixed(BaseFixedWidthVector v, int j, int n, int width) {
            v.allocateNew(Math.max(n, 1));
            ArrowBuf data = v.getDataBuffer();
            ByteBuffer bytes = data.nioBuffer(0, n * width).order(ByteOrder.LITTLE_ENDIAN);
            switch (width) {
                case 8 -> bytes.asLongBuffer().put(longs[j], 0, n);
                case 4 -> bytes.asIntBuffer().put(ints[j], 0, n);
                default -> {
                    java.nio.LongBuffer out = bytes.asLongBuffer();
                    long[] values = longs[j];
                    for (int i = 0; i < n; i++) {
                        out.put(2 * i, values[i]);
                        out.put(2 * i + 1, values[i] >> 63);
                    }
                }
            }
            validity(v.getValidityBuffer(), j, n);
            v.setValueCount(n);
            return v;
        }

        private FieldVector flags(BitVector v, int j, int n) {
            v.allocateNew(Math.max(n, 1));
            ArrowBuf data = v.getDataBuffer();
            data.setZero(0, data.capacity());
            int[] values = ints[j];
            for (int i = 0; i < n; i++) {
                if (values[i] != 0) {
                    data.setByte(i >> 3, data.getByte(i >> 3) | (1 << (i & 7)));
                }
            }
            validity(v.getValidityBuffer(), j, n);
            v.setValueCount(n);
            return v;
        }

        private FieldVector text(VarCharVector v, int j, int n) {
            int bytes = offsets[j][n];
            v.allocateNew(Math.max(bytes, 1), Math.max(n, 1));
            v.getOffsetBuffer().nioBuffer(0, (n + 1) * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()
                    .put(offsets[j], 0, n + 1);
            v.getDataBuffer().setBytes(0, text[j], 0, bytes);
            validity(v.getValidityBuffer(), j, n);
            v.setLastSet(n - 1);
            v.setValueCount(n);
            return v;
        }

        private void validity(ArrowBuf buf, int j, int n) {
            int bytes = (n + 7) >> 3;
            if (!plan.nullable[j] || nulls[j] == 0) {
                buf.setOne(0L, bytes);
                return;
            }
            long[] words = valid[j];
            for (int i = 0; i < bytes; i++) {
                buf.setByte(i, (byte) (words[i >> 3] >>> ((i & 7) * 8)));
            }
        }
    }
}
