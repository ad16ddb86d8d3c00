package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A desktop archive as people download it, read without unpacking it: the files of its
 * installation folder with their Unix modes, the manifests of its bundles, how their classes link
 * into SWT, and its small text files (launchers, eclipse.ini, config.ini).
 */
final class DesktopArchive {

    /**
     * A file of the archive by its path relative to the installation folder ("../Info.plist" beside
     * it); {@code mode} is its Unix mode, -1 in a zip (which has none).
     */
    record InstalledFile(String path, int mode) {
    }

    private static final int TEXT_LIMIT = 1 << 20;

    private final Map<String, InstalledFile> files = new LinkedHashMap<>();
    private final Map<String, Attributes> bundleManifests = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final ApiLinks swtLinks = new ApiLinks(ApiLinks.SWT, bundle -> true);

    private DesktopArchive() {
    }

    /** Reads the archive of {@code platform}, whose installation folder it knows. */
    static DesktopArchive read(Path archive, DesktopPlatform platform) {
        DesktopArchive read = new DesktopArchive();
        try (InputStream in = Files.newInputStream(archive)) {
            if (platform.isWindows()) {
                ZipInputStream zip = new ZipInputStream(in);
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                    read.add(platform.installFolder(), entry.getName(), entry.isDirectory(), -1, zip);
                }
            } else {
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in));
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                    read.add(platform.installFolder(), entry.getName(), entry.isDirectory(), entry.getMode(), tar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + archive, e);
        }
        return read;
    }

    /** Unpacks a .tar.gz with the system's tar, as a person would, so files keep their modes. */
    static void unpack(Path archive, Path target) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), UTF_8);
        if (!tar.waitFor(2, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new IOException("tar could not unpack " + archive + ": " + output);
        }
    }

    /** The files of the archive by path relative to the installation folder ("plugins/x.jar", "eclipse.ini"). */
    Map<String, InstalledFile> files() {
        return files;
    }

    /** The main manifest attributes of each bundle in plugins/, by its file or folder name there. */
    Map<String, Attributes> bundleManifests() {
        return bundleManifests;
    }

    /** How the classes of the bundles in plugins/ use SWT, and what its SWT declares. */
    ApiLinks swtLinks() {
        return swtLinks;
    }

    /** The content of a file outside plugins/ and features/ (relative to the installation folder), if the archive has it. */
    Optional<String> text(String path) {
        return Optional.ofNullable(texts.get(path));
    }

    /** Files of the archive that are not in the installation folder, relative to it ("../Info.plist"). */
    List<String> outsideInstallFolder() {
        return files.keySet().stream().filter(path -> path.startsWith("../")).toList();
    }

    private void add(String installFolder, String name, boolean directory, int mode, InputStream content)
            throws IOException {
        if (directory) {
            return;
        }
        String path = Path.of(installFolder).relativize(Path.of(name)).toString();
        files.put(path, new InstalledFile(path, mode));
        String[] parts = path.split("/");
        if (parts[0].equals("plugins") && parts.length == 2 && path.endsWith(".jar")) {
            addBundleJar(parts[1], content);
        } else if (parts[0].equals("plugins") && parts.length == 4 && path.endsWith("META-INF/MANIFEST.MF")) {
            bundleManifests.put(parts[1], new Manifest(new Unclosable(content)).getMainAttributes());
        } else if (parts[0].equals("plugins") && path.endsWith(".class")) {
            swtLinks.add(parts[1], content.readAllBytes());
        } else if (!parts[0].equals("plugins") && !parts[0].equals("features")) {
            byte[] bytes = content.readNBytes(TEXT_LIMIT);
            texts.put(path, new String(bytes, UTF_8));
        }
    }

    private void addBundleJar(String file, InputStream content) throws IOException {
        // Not verified: the signatures of Eclipse's jars are not what this reads, and checking them is slow.
        JarInputStream jar = new JarInputStream(new Unclosable(content), false);
        if (jar.getManifest() != null) {
            bundleManifests.put(file, jar.getManifest().getMainAttributes());
        }
        for (JarEntry entry; (entry = jar.getNextJarEntry()) != null;) {
            if (entry.getName().endsWith(".class")) {
                swtLinks.add(file, jar.readAllBytes());
            }
        }
    }

    /** Lets a reader of one entry leave the archive's stream open for the next entries. */
    static final class Unclosable extends FilterInputStream {

        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
