import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the one server archive for every machine: the materialized server product (which holds no
 * SWT or native code), without its p2 profile (which names the platform Tycho materialized it for,
 * and which nobody updates a server through), with the start scripts for Unix-like systems and
 * Windows and the samples (a systemd unit, an HAProxy configuration). Writes it twice, as a {@code .tar.gz} that keeps the
 * scripts' execute permission and as a {@code .zip} for Windows.
 * Run by the build with Java's source launcher:
 * {@code java ServerArchive.java <product folder> <unix script> <windows script> <samples folder> <archive path without extension>}.
 */
public final class ServerArchive {

    private static final String ROOT = "stratus-server/";
    private static final int EXECUTABLE = 0755;
    private static final int PLAIN = 0644;
    /** Every file's time in the tar: when the archive was made, in seconds since 1970. */
    private static final long BUILT_AT = System.currentTimeMillis() / 1000;

    private record Entry(byte[] content, int mode) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("Give the product folder, the Unix and Windows start scripts, the "
                    + "samples folder and the archive's path without extension.");
        }
        Path product = Path.of(args[0]);
        Map<String, Entry> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(product)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = product.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("p2/") && !name.equals("artifacts.xml")) {
                    entries.put(ROOT + name, new Entry(Files.readAllBytes(file), PLAIN));
                }
            }
        }
        entries.put(ROOT + "stratus-server", new Entry(Files.readAllBytes(Path.of(args[1])), EXECUTABLE));
        entries.put(ROOT + "stratus-server.cmd", new Entry(Files.readAllBytes(Path.of(args[2])), PLAIN));
        try (Stream<Path> samples = Files.list(Path.of(args[3]))) {
            for (Path sample : samples.toList()) {
                entries.put(ROOT + "samples/" + sample.getFileName(), new Entry(Files.readAllBytes(sample), PLAIN));
            }
        }
        writeTarGz(entries, Path.of(args[4] + ".tar.gz"));
        writeZip(entries, Path.of(args[4] + ".zip"));
    }

    private static void writeZip(Map<String, Entry> entries, Path archive) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().content());
                zip.closeEntry();
            }
        }
    }

    /** A POSIX (ustar) tar, gzipped: folders first in each path, then the files with their modes. */
    private static void writeTarGz(Map<String, Entry> entries, Path archive) throws IOException {
        List<String> folders = new ArrayList<>();
        for (String name : entries.keySet()) {
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                String folder = name.substring(0, slash + 1);
                if (!folders.contains(folder)) {
                    folders.add(folder);
                }
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            for (String folder : folders) {
                out.write(header(folder, EXECUTABLE, 0, '5'));
            }
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                byte[] content = entry.getValue().content();
                out.write(header(entry.getKey(), entry.getValue().mode(), content.length, '0'));
                out.write(content);
                out.write(new byte[(512 - content.length % 512) % 512]);
            }
            out.write(new byte[1024]); // two empty blocks end the archive
        }
    }

    private static byte[] header(String name, int mode, long size, char type) {
        byte[] header = new byte[512];
        String prefix = "";
        if (name.length() > 100) { // ustar keeps the rest of a long path in its prefix field
            int split = -1;
            for (int slash = name.lastIndexOf('/', name.length() - 2); slash > 0 && split < 0;
                    slash = name.lastIndexOf('/', slash - 1)) {
                if (slash <= 155 && name.length() - slash - 1 <= 100) {
                    split = slash;
                }
            }
            if (split < 0) {
                throw new IllegalArgumentException("The path is too long for a tar archive: " + name);
            }
            prefix = name.substring(0, split);
            name = name.substring(split + 1);
        }
        put(header, 0, 100, name);
        put(header, 100, 8, octal(mode, 7));
        put(header, 108, 8, octal(0, 7));
        put(header, 116, 8, octal(0, 7));
        put(header, 124, 12, octal(size, 11));
        put(header, 136, 12, octal(BUILT_AT, 11));
        put(header, 148, 8, "        "); // counted as spaces while the checksum is summed
        header[156] = (byte) type;
        put(header, 257, 8, "ustar\u000000");
        put(header, 265, 32, "root");
        put(header, 297, 32, "root");
        put(header, 345, 155, prefix);
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, 8, octal(sum, 6) + "\u0000 ");
        return header;
    }

    private static String octal(long value, int digits) {
        return String.format("%0" + digits + "o", value);
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }
}
