package io.stratus.ui.tests;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The desktop the UI tests drive, in demo mode: its window, and the keys of the demo account's people. */
final class DemoDesktop {

    private DemoDesktop() {
    }

    /** The workbench window, once it shows. */
    static IWorkbenchWindow awaitWindow(UiRobot robot) {
        IWorkbench workbench = PlatformUI.getWorkbench();
        return robot.waitFor("the Stratus workbench window to be visible", () -> Arrays.stream(workbench.getWorkbenchWindows())
                .filter(open -> open.getShell().isVisible()).findFirst());
    }

    /**
     * The workbench window as a test that runs alone or after others wants it: the instance set up (by ada, as
     * SignInTest does, if no test did), no dialog open, and the perspective as a person starts with it (views
     * earlier tests opened, such as the audit trail, take no room from the editors).
     */
    static IWorkbenchWindow awaitSetUpWindow(UiRobot robot) throws InterruptedException, ExecutionException, TimeoutException {
        IWorkbenchWindow window = awaitWindow(robot);
        robot.closeShellsExcept(robot.onUiThread(window::getShell));
        CurrentSession session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        if (!session.instanceConfigured()) {
            Seed.AccessKey ada = keyOf("ada");
            session.setUp(new AwsCredentials(ada.id(), Secret.of(ada.secret()), null)).get(30, TimeUnit.SECONDS);
            robot.closeShellsExcept(robot.onUiThread(window::getShell));
        }
        robot.runOnUiThread(() -> window.getActivePage().resetPerspective());
        awaitEveryConnector(robot);
        return window;
    }

    /**
     * Approves or denies an IAM Identity Center user code on the simulator's verification page at {@code page}
     * (where Stratus asked the browser to go), as {@code person} does there.
     */
    static void decideUserCode(URI page, String userCode, String person, String decision)
            throws IOException, InterruptedException {
        String form = "user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8) + "&user=" + person
                + "&decision=" + decision;
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(page.resolve("/device"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (!answer.body().contains("Request " + (decision.equals("approve") ? "approved" : "denied"))) {
                throw new AssertionError(answer.body());
            }
        }
    }

    /**
     * Waits until the database service opens every installed engine: a test that changed the services' settings
     * restarts the connectors, and a database opened before they are back would be refused as an unknown engine.
     */
    private static void awaitEveryConnector(UiRobot robot) {
        BundleContext context = FrameworkUtil.getBundle(DemoDesktop.class).getBundleContext();
        robot.waitUntil("a connector for every installed engine", () -> {
            try {
                Set<String> installed = new HashSet<>();
                for (ServiceReference<EngineContribution> contribution : context.getServiceReferences(EngineContribution.class, null)) {
                    EngineContribution engines = context.getService(contribution);
                    if (engines != null) {
                        engines.engines().forEach(engine -> installed.add(engine.id()));
                        context.ungetService(contribution);
                    }
                }
                ServiceReference<DatabaseService> databases = context.getServiceReference(DatabaseService.class);
                DatabaseService service = databases == null ? null : context.getService(databases);
                if (service == null) {
                    return false;
                }
                try {
                    return service.engines().containsAll(installed);
                } finally {
                    context.ungetService(databases);
                }
            } catch (InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Shows the Cloud Explorer in the window; returns its tree. */
    static Tree showExplorer(UiRobot robot, IWorkbenchWindow window) {
        return robot.onUiThread(() -> {
            try {
                IViewPart view = window.getActivePage().showView(CloudExplorerView.ID);
                return (Tree) ((CloudExplorerView) view).getCommonViewer().getControl();
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
    }

    /**
     * Waits until the database connections trust the certificate authority in {@code authority} (a
     * PEM file) or, with {@code trusted} false, no longer do. A change of their settings restarts the
     * database service, which closes the databases open then: a test that changes them waits for the
     * change to land before it opens a database, and before the next test does.
     */
    static void awaitTrust(Path authority, boolean trusted) throws IOException, InterruptedException {
        String certificate = Files.readString(authority).strip();
        BundleContext context = FrameworkUtil.getBundle(DemoDesktop.class).getBundleContext();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (trusts(context, certificate) != trusted) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The database connections still " + (trusted ? "do not trust " : "trust ")
                        + authority);
            }
            Thread.sleep(100);
        }
    }

    private static boolean trusts(BundleContext context, String certificate) {
        ServiceReference<DatabaseTrust> reference = context.getServiceReference(DatabaseTrust.class);
        if (reference == null) {
            return false; // restarting
        }
        try {
            return Files.readString(context.getService(reference).certificateAuthorities()).contains(certificate);
        } catch (IOException | RuntimeException restarting) {
            return false;
        } finally {
            context.ungetService(reference);
        }
    }

    /** The access key of an IAM user of the demo account (demo mode's seed), such as {@code "ada"}. */
    static Seed.AccessKey keyOf(String user) {
        try (InputStream demo = Platform.getBundle("io.stratus.aws.simulator").getEntry("seeds/demo.json").openStream()) {
            return Seed.fromJson(demo).accounts().getFirst().users().stream()
                    .filter(candidate -> candidate.name().equals(user)).findFirst().orElseThrow().accessKeys().getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo seed of the AWS simulator could not be read", e);
        }
    }

    /** Where the desktop keeps anything: its home folder, demo mode's data, the workspace (log, settings), the configuration. */
    static List<Path> dataAndLogs() throws IOException {
        List<Path> places = new ArrayList<>();
        places.add(Path.of(System.getProperty("user.home"), ".stratus"));
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            temporary.filter(path -> path.getFileName().toString().startsWith("stratus-demo-")).forEach(places::add);
        }
        places.add(Path.of(Platform.getInstanceLocation().getURL().getPath()));
        places.add(Path.of(Platform.getConfigurationLocation().getURL().getPath()));
        places.add(Platform.getLogFileLocation().toPath());
        return places;
    }

    /** Files below {@code places} that hold {@code text} in UTF-8 or UTF-16 (either byte order). */
    static List<Path> filesHolding(List<Path> places, String text) throws IOException {
        List<byte[]> encodings = List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16LE),
                text.getBytes(StandardCharsets.UTF_16BE));
        List<Path> holding = new ArrayList<>();
        for (Path place : places) {
            if (!Files.exists(place)) {
                continue;
            }
            for (Path file : regularFilesBelow(place)) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException gone) {
                    continue; // a temporary file (the framework's, say) removed since the walk listed it
                }
                if (encodings.stream().anyMatch(encoded -> indexOf(content, encoded) >= 0)) {
                    holding.add(file);
                }
            }
        }
        return holding;
    }

    /** The files below {@code place}, listed in one walk in which none went away (the framework renames its own). */
    private static List<Path> regularFilesBelow(Path place) throws IOException {
        while (true) {
            try (Stream<Path> files = Files.walk(place)) {
                return files.filter(Files::isRegularFile).toList();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
        }
    }

    private static int indexOf(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i <= content.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
