package io.stratus.ui.admin.internal;

import io.stratus.core.StratusException;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.session.UserSession;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * A part's calls to the administration service: each runs in a Job as the person signed in when it
 * was asked for (the service may wait for the store), and its outcome comes back on the UI thread,
 * unless the part has closed meanwhile. The part also hears of session changes here, on the UI thread.
 */
final class AdminCalls {

    /** A call to the service as {@code actor}. */
    @FunctionalInterface
    interface Call<T> {
        T on(UserAdministration administration, UserSession actor);
    }

    private final IWorkbenchPartSite site;
    private final Control owner;
    private final CurrentSession session;

    AdminCalls(IWorkbenchPartSite site, Control owner) {
        this.site = site;
        this.owner = owner;
        this.session = site.getService(CurrentSession.class);
    }

    CurrentSession session() {
        return session;
    }

    /**
     * Runs {@code call} in a Job; {@code done} gets its result, {@code failed} the message that says
     * why it did not happen (the service's own, such as the last-Administrator guard's).
     */
    <T> void run(String name, Call<T> call, Consumer<T> done, Consumer<String> failed) {
        Optional<SignedIn> who = session.signedIn();
        UserAdministration administration = site.getService(UserAdministration.class);
        if (who.isEmpty()) {
            failed.accept("Nobody is signed in: sign in to Stratus first.");
            return;
        }
        if (administration == null) {
            failed.accept("Stratus's services are not running yet. Wait a moment and try again; if this lasts, see the error log.");
            return;
        }
        UserSession actor = who.get().session();
        Job job = Job.create(name, monitor -> {
            try {
                T result = call.on(administration, actor);
                onUiThread(() -> done.accept(result));
            } catch (StratusException e) {
                onUiThread(() -> failed.accept(e.getMessage()));
            } catch (RuntimeException e) {
                ILog.of(AdminCalls.class).error(name + " failed", e);
                onUiThread(() -> failed.accept(name + " failed (" + e.getClass().getSimpleName() + "); see the error log."));
            }
            return Status.OK_STATUS; // failures are the part's to show, next to what the person asked for
        });
        site.getService(IWorkbenchSiteProgressService.class).schedule(job);
    }

    /** {@code react} hears of each session change on the UI thread while the part is open. */
    void followSession(Consumer<SessionChange> react) {
        SessionChangeListener listener = change -> onUiThread(() -> react.accept(change));
        session.addListener(listener);
        owner.addDisposeListener(e -> session.removeListener(listener));
    }

    /** Runs {@code step} on the UI thread later, unless the part has closed by then. */
    void onUiThread(Runnable step) {
        if (!owner.isDisposed()) {
            owner.getDisplay().asyncExec(() -> {
                if (!owner.isDisposed()) {
                    step.run();
                }
            });
        }
    }
}
