package io.stratus.ui.results.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a grid has read, in a temporary file of its own rather than on the heap: blocks of up
 * to {@value #BLOCK_ROWS} rows, of which the few read last stay in memory for the rows in view.
 * The file is made readable by its owner only and deleted when the store closes; where the
 * system allows (Linux, macOS) its name is removed as soon as it is open, so no other process can
 * open it and the system frees it even if this process dies. Thread-safe: pages are appended by a
 * Job while the UI reads.
 */
final class RowStore implements AutoCloseable {

    static final int BLOCK_ROWS = 500;
    /** Blocks kept in memory: the rows in view and those around them. */
    private static final int CACHED_BLOCKS = 4;

    /**
     * How a value is kept: the types a large result holds most as numbers (a decimal that fits a
     * long as its unscaled value and scale, dates and timestamps as epoch days or seconds), so that
     * neither storing nor reading back makes text of them; the rest as text.
     */
    private enum Kind {
        NULL, STRING, LONG, DOUBLE, BOOLEAN, SMALL_DECIMAL, DECIMAL, BINARY, DATE, TIME, OFFSET_TIME, DATE_TIME,
        OFFSET_DATE_TIME, TEXT
    }

    private static final Kind[] KINDS = Kind.values();
    /** Digits of the largest decimal kept as a long: every 18-digit number fits one. */
    private static final int MOST_LONG_DIGITS = 18;
    private static final int DATE_TIME_BYTES = Long.BYTES + Integer.BYTES;

    private final Path file;
    private final FileChannel channel;
    private final int columns;
    /** A block as it goes to the file (written by {@link #append} alone); grows as a block needs. */
    private ByteBuffer encoded = ByteBuffer.allocate(1 << 16);
    private final Map<Integer, List<List<Object>>> cached = new LinkedHashMap<>(CACHED_BLOCKS + 1, 1f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<List<Object>>> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };
    /** Per block: where it starts in the file, how long it is, its first row. */
    private long[] offsets = new long[64];
    private int[] lengths = new int[64];
    private long[] firstRows = new long[64];
    private int blocks;
    private long rows;
    private long end;

    private RowStore(Path file, FileChannel channel, int columns) {
        this.file = file;
        this.channel = channel;
        this.columns = columns;
    }

    /** A new, empty store for rows of {@code columns} values. */
    static RowStore create(int columns) {
        try {
            Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile("stratus-grid-", ".rows", PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
                    : Files.createTempFile("stratus-grid-", ".rows"); // a per-user folder on Windows
            return new RowStore(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE), columns);
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary file for the rows of the result: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    synchronized long rows() {
        return rows;
    }

    /** Adds rows after the ones stored. */
    synchronized void append(List<List<Object>> page) {
        try {
            for (int from = 0; from < page.size(); from += BLOCK_ROWS) {
                List<List<Object>> block = page.subList(from, Math.min(page.size(), from + BLOCK_ROWS));
                ByteBuffer bytes = encode(block);
                int length = bytes.remaining();
                while (bytes.hasRemaining()) {
                    channel.write(bytes, end + length - bytes.remaining());
                }
                if (blocks == offsets.length) {
                    offsets = Arrays.copyOf(offsets, blocks * 2);
                    lengths = Arrays.copyOf(lengths, blocks * 2);
                    firstRows = Arrays.copyOf(firstRows, blocks * 2);
                }
                offsets[blocks] = end;
                lengths[blocks] = length;
                firstRows[blocks] = rows;
                blocks++;
                end += length;
                rows += block.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The rows of the result could not be kept: " + e.getMessage(), e);
        }
    }

    /** One stored row, from the blocks in memory or the file. */
    synchronized List<Object> row(long row) {
        int block = blockOf(row);
        List<List<Object>> values = cached.get(block);
        if (values == null) {
            values = read(block);
            cached.put(block, values);
        }
        return values.get((int) (row - firstRows[block]));
    }

    /** How many blocks hold the stored rows, in order. */
    synchronized int blocks() {
        return blocks;
    }

    /** A block of stored rows, read from the file without keeping it, for a reader of every row. */
    synchronized List<List<Object>> block(int block) {
        return read(block);
    }

    private int blockOf(long row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("Row " + row + " of " + rows);
        }
        int at = Arrays.binarySearch(firstRows, 0, blocks, row);
        return at >= 0 ? at : -at - 2;
    }

    private List<List<Object>> read(int block) {
        try {
            ByteBuffer bytes = ByteBuffer.allocate(lengths[block]);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, offsets[block] + bytes.position()) < 0) {
                    throw new IOException("the file ends early");
                }
            }
            return decode(bytes.flip());
        } catch (IOException e) {
            throw new UncheckedIOException("The rows of the result could not be read back: " + e.getMessage(), e);
        }
    }

    /** The block's bytes, ready to write: the row count, then each value as its kind and its bytes. */
    private ByteBuffer encode(List<List<Object>> block) {
        encoded.clear();
        room(Integer.BYTES).putInt(block.size());
        for (List<Object> row : block) {
            for (Object value : row) {
                switch (value) {
                    case null -> kind(Kind.NULL, 0);
                    case String text -> text(Kind.STRING, text);
                    case Long number -> kind(Kind.LONG, Long.BYTES).putLong(number);
                    case Double number -> kind(Kind.DOUBLE, Double.BYTES).putDouble(number);
                    case Boolean truth -> kind(Kind.BOOLEAN, 1).put((byte) (truth ? 1 : 0));
                    case BigDecimal number when number.precision() <= MOST_LONG_DIGITS ->
                            kind(Kind.SMALL_DECIMAL, Long.BYTES + Integer.BYTES).putLong(number.unscaledValue().longValue())
                                    .putInt(number.scale());
                    case BigDecimal number -> text(Kind.DECIMAL, number.toString());
                    case byte[] bytes -> kind(Kind.BINARY, Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes);
                    case LocalDate date -> kind(Kind.DATE, Long.BYTES).putLong(date.toEpochDay());
                    case LocalTime time -> text(Kind.TIME, time.toString());
                    case OffsetTime time -> text(Kind.OFFSET_TIME, time.toString());
                    case LocalDateTime time -> dateTime(kind(Kind.DATE_TIME, DATE_TIME_BYTES), time);
                    case OffsetDateTime time -> dateTime(kind(Kind.OFFSET_DATE_TIME, DATE_TIME_BYTES + Integer.BYTES),
                            time.toLocalDateTime()).putInt(time.getOffset().getTotalSeconds());
                    default -> text(Kind.TEXT, value.toString()); // what no connector hands out yet: as text
                }
            }
        }
        return encoded.flip();
    }

    private List<List<Object>> decode(ByteBuffer in) {
        int count = in.getInt();
        List<List<Object>> block = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                Kind kind = KINDS[in.get()];
                row[c] = switch (kind) {
                    case NULL -> null;
                    case LONG -> in.getLong();
                    case DOUBLE -> in.getDouble();
                    case BOOLEAN -> in.get() != 0;
                    case SMALL_DECIMAL -> BigDecimal.valueOf(in.getLong(), in.getInt());
                    case BINARY -> bytes(in);
                    case DATE -> LocalDate.ofEpochDay(in.getLong());
                    case DATE_TIME -> dateTime(in);
                    case OFFSET_DATE_TIME -> {
                        LocalDateTime local = dateTime(in);
                        yield OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(in.getInt()));
                    }
                    default -> {
                        String text = new String(bytes(in), StandardCharsets.UTF_8);
                        yield switch (kind) {
                            case DECIMAL -> new BigDecimal(text);
                            case TIME -> LocalTime.parse(text);
                            case OFFSET_TIME -> OffsetTime.parse(text);
                            default -> text;
                        };
                    }
                };
            }
            block.add(Arrays.asList(row));
        }
        return block;
    }

    /** The kind of a value whose {@code bytes} follow, with room for them. */
    private ByteBuffer kind(Kind kind, int bytes) {
        return room(1 + bytes).put((byte) kind.ordinal());
    }

    private void text(Kind kind, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        kind(kind, Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes);
    }

    /** The buffer, with at least {@code bytes} left. */
    private ByteBuffer room(int bytes) {
        if (encoded.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * encoded.capacity(), encoded.position() + bytes));
            encoded = larger.put(encoded.flip());
        }
        return encoded;
    }

    /** A date-time as its seconds since the epoch, read as if at UTC (it has no zone), and its nanoseconds. */
    private static ByteBuffer dateTime(ByteBuffer out, LocalDateTime time) {
        return out.putLong(time.toEpochSecond(ZoneOffset.UTC)).putInt(time.getNano());
    }

    private static LocalDateTime dateTime(ByteBuffer in) {
        long seconds = in.getLong();
        return LocalDateTime.ofEpochSecond(seconds, in.getInt(), ZoneOffset.UTC);
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }

    /** Deletes the file; the store holds nothing after. */
    @Override
    public synchronized void close() {
        cached.clear();
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The temporary file of the result " + file + " could not be deleted", e);
        }
    }
}
