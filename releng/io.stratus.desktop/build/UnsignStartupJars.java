import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files from the two jars Java itself loads when the desktop starts (the
 * Equinox launcher and framework), in every materialized desktop product below the folder given.
 * Java leaves the classes of signed jars out of its class data sharing archive and checks their
 * signature at every start: about 0.2 s of the desktop's start (DesktopStartBenchmark). The bundles
 * Equinox loads keep their signatures: Java does not see them and shares their classes anyway.
 * Run by the build with Java's source launcher: {@code java UnsignStartupJars.java <products folder>}.
 */
public final class UnsignStartupJars {

    private static final Pattern STARTUP_JAR = Pattern.compile("org\\.eclipse\\.(osgi|equinox\\.launcher)_[^/]*\\.jar");
    private static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Give the folder of the materialized products.");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            jars = files.filter(file -> file.getParent() != null && file.getParent().getFileName().toString().equals("plugins"))
                    .filter(file -> STARTUP_JAR.matcher(file.getFileName().toString()).matches()).toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("No Equinox launcher or framework jar below " + args[0]
                    + ": was the product materialized?");
        }
        for (Path jar : jars) {
            if (unsign(jar)) {
                System.out.println("Signature removed from " + jar);
            }
        }
    }

    /** Copies the jar without its signature files and replaces it; false when it had none. */
    private static boolean unsign(Path jar) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
        boolean removed = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (SIGNATURE_FILE.matcher(entry.getName()).matches()) {
                    removed = true;
                    continue;
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                out.putNextEntry(kept);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (removed) {
            Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(copy);
        }
        return removed;
    }
}
