package io.stratus.release.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * An Eclipse installation on disk (a product, an IDE platform or an update site's plugins):
 * its launcher, its bundles and its logs.
 */
record EclipseInstallation(Path root) {

    /** A bundle as identified by its manifest. */
    record Bundle(String symbolicName, String version) {
    }

    /**
     * Copies an installation so that a test runs on its own copy: the first start writes the OSGi
     * cache and p2 writes the profile, and neither may leak into the build output or other tests.
     */
    static EclipseInstallation copyOf(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
        return new EclipseInstallation(target);
    }

    Path plugins() {
        return root.resolve("plugins");
    }

    /** The Equinox launcher jar: Central has no native launcher, so products start with java -jar. */
    Path launcherJar() {
        return bundleJar("org.eclipse.equinox.launcher");
    }

    /**
     * The JVM options the product was built with: the lines after {@code -vmargs} in its
     * {@code eclipse.ini}. A native launcher would apply them; {@code java -jar} needs them given.
     */
    List<String> vmArgs() {
        Path ini = root.resolve("eclipse.ini");
        if (!Files.exists(ini)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(ini).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            int vmargs = lines.indexOf("-vmargs");
            return vmargs < 0 ? List.of() : lines.subList(vmargs + 1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar of a bundle in plugins/, by its symbolic name. */
    Path bundleJar(String symbolicName) {
        try (Stream<Path> jars = Files.list(plugins())) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(symbolicName + "_")
                    && jar.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + symbolicName + " jar in " + plugins()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundle in plugins/, jar or folder, read from its manifest. */
    List<Bundle> bundlesInPlugins() {
        List<Bundle> bundles = new ArrayList<>();
        try (Stream<Path> entries = Files.list(plugins())) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                manifestOf(entry).flatMap(EclipseInstallation::bundleOf).ifPresent(bundles::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundles;
    }

    /** Hands every class file of the bundles in plugins/ (jars and folders) that {@code bundles} accepts, by file name, to {@code links}. */
    void addClassesTo(ApiLinks links, Predicate<String> bundles) {
        try (Stream<Path> entries = Files.list(plugins())) {
            for (Path bundle : (Iterable<Path>) entries.sorted()::iterator) {
                String name = bundle.getFileName().toString();
                if (!bundles.test(name)) {
                    continue;
                }
                if (Files.isDirectory(bundle)) {
                    try (Stream<Path> files = Files.walk(bundle)) {
                        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                            links.add(name, Files.readAllBytes(file));
                        }
                    }
                } else if (name.endsWith(".jar")) {
                    try (JarFile jar = new JarFile(bundle.toFile())) {
                        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()
                                .filter(e -> e.getName().endsWith(".class"))::iterator) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                links.add(name, in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes in " + plugins(), e);
        }
    }

    /** The bundles that simpleconfigurator installs at start-up, as p2 recorded them. */
    List<Bundle> bundlesInfo() {
        Path file = root.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(","))
                    .map(fields -> new Bundle(fields[0], fields[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Copies bundles of another installation (jars) into this product, started at level 4 with
     * the others its config.ini lists in {@code osgi.bundles}: the OSGi console, for a product
     * that ships none.
     */
    void addStartedBundlesOf(EclipseInstallation other, List<String> symbolicNames) {
        StringBuilder added = new StringBuilder();
        int found = 0;
        try (Stream<Path> entries = Files.list(other.plugins())) {
            for (Path jar : (Iterable<Path>) entries::iterator) {
                Optional<Bundle> bundle = manifestOf(jar).flatMap(EclipseInstallation::bundleOf);
                if (bundle.isPresent() && symbolicNames.contains(bundle.get().symbolicName())) {
                    Files.copy(jar, plugins().resolve(jar.getFileName().toString()));
                    added.append(",reference\\:file\\:").append(jar.getFileName()).append("@4\\:start");
                    found++;
                }
            }
            if (found != symbolicNames.size()) {
                throw new IllegalStateException(other.plugins() + " lacks some of " + symbolicNames);
            }
            Path configIni = root.resolve("configuration/config.ini");
            List<String> lines = Files.readAllLines(configIni).stream()
                    .map(line -> line.startsWith("osgi.bundles=") ? line + added : line).toList();
            Files.write(configIni, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Eclipse log files (configuration/*.log) that the platform wrote, newest last. */
    List<Path> logFiles() {
        Path configuration = root.resolve("configuration");
        if (!Files.isDirectory(configuration)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(configuration)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Manifest> manifestOf(Path bundle) throws IOException {
        if (Files.isDirectory(bundle)) {
            Path manifest = bundle.resolve("META-INF/MANIFEST.MF");
            if (!Files.isRegularFile(manifest)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(manifest)) {
                return Optional.of(new Manifest(in));
            }
        }
        if (!bundle.getFileName().toString().endsWith(".jar")) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(bundle.toFile())) {
            return Optional.ofNullable(jar.getManifest());
        }
    }

    private static Optional<Bundle> bundleOf(Manifest manifest) {
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        if (symbolicName == null) {
            return Optional.empty(); // a plain jar, not a bundle
        }
        // "io.stratus.ui;singleton:=true" names the bundle io.stratus.ui
        return Optional.of(new Bundle(symbolicName.split(";")[0].strip(), version == null ? "0.0.0" : version.strip()));
    }
}
