package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.widgets.Control;

/** How the sign-in dialog and the setup wizard hear how a sign-in ended. */
final class SignInOutcome {

    private SignInOutcome() {
    }

    /**
     * Runs {@code then} on the UI thread once {@code signIn} is done, unless {@code owner} is gone by
     * then: with {@code null} on success, else with the message to show.
     */
    static void whenDone(CompletableFuture<?> signIn, Control owner, Consumer<String> then) {
        signIn.whenComplete((signedIn, failure) -> owner.getDisplay().asyncExec(() -> {
            if (!owner.isDisposed()) {
                then.accept(failure == null ? null : messageOf(failure));
            }
        }));
    }

    /**
     * The service's own message (which says what to fix and never holds a secret); anything else is a
     * fault of Stratus, logged for whoever looks into it.
     */
    static String messageOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StratusException known) {
            return known.getMessage();
        }
        ILog.of(SignInOutcome.class).error("Signing in failed unexpectedly", cause);
        return "Stratus could not sign you in because of an internal error; the error log has the details.";
    }
}
