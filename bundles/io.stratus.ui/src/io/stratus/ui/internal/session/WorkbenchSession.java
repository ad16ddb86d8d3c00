package io.stratus.ui.internal.session;

import io.stratus.core.admin.UserAdministration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.access.Role;
import io.stratus.core.session.Admission;
import io.stratus.core.session.SessionEnd;
import io.stratus.core.session.PermissionsListener;
import io.stratus.core.session.SessionListener;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;
import io.stratus.ui.session.SignInWay;
import io.stratus.ui.session.SignedIn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The workbench's session. Registered as soon as this bundle starts, before Stratus's services may
 * be up (an IDE configures them in the background), so the user interface can always find it; until
 * the services run, signing in says so.
 */
@Component(service = {CurrentSession.class, SessionListener.class, PermissionsListener.class}, immediate = true)
public final class WorkbenchSession implements CurrentSession, SessionListener, PermissionsListener {

    private static final Map<String, String> BUILT_IN_ROLE_NAMES = Role.BUILT_IN.stream()
            .collect(Collectors.toUnmodifiableMap(Role::id, Role::name));

    // Service objects, taken when first used: binding the services themselves would create them while
    // their registration is still going on (an immediate component binds inside that event), and DS
    // then fails the sign-in service for an Admission it cannot get yet.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<SignInService> signInService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Admission> admission;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<UserAdministration> administration;

    private final AtomicReference<SignedIn> current = new AtomicReference<>();
    private final List<SessionChangeListener> listeners = new CopyOnWriteArrayList<>();

    @Deactivate
    void deactivate() {
        signOut();
    }

    @Override
    public Optional<SignedIn> signedIn() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public boolean may(Action action) {
        SignedIn now = current.get();
        return now != null && now.session().may(action);
    }

    @Override
    public boolean instanceConfigured() {
        return running(admission).configured();
    }

    @Override
    public CompletableFuture<SignedIn> signIn(SignInRequest request, SignInWay way) {
        return inJob("Signing in to AWS as " + masked(request), way, () -> request,
                keys -> running(signInService).signIn(keys)).thenApply(this::replaceCurrent);
    }

    @Override
    public CompletableFuture<SignedIn> setUp(SignInRequest request, SignInWay way) {
        return inJob("Setting up Stratus as " + masked(request), way, () -> request,
                keys -> running(signInService).setUp(keys)).thenApply(this::replaceCurrent);
    }

    @Override
    public CompletableFuture<SignedIn> adopt(String description, SignInWay way, Supplier<UserSession> opening) {
        return inJob(description, way, () -> null, nothing -> opening.get()).thenApply(this::replaceCurrent);
    }

    @Override
    public CompletableFuture<SignedIn> renew(SignInRequest request) {
        if (current.get() == null) {
            request.clear();
        }
        return renew("Renewing the AWS keys", () -> request);
    }

    @Override
    public CompletableFuture<SignedIn> renew(String description, Supplier<SignInRequest> request) {
        SignedIn now = current.get();
        if (now == null) {
            return CompletableFuture.failedFuture(new StratusException(Problem.NOT_SIGNED_IN,
                    "Nobody is signed in, so there are no keys to renew: sign in."));
        }
        // The service tells keysChanged, which tells the listeners; the session stays the current one.
        return inJob(description + " of " + now.session().identity().displayName(), now.way(), request,
                keys -> running(signInService).renew(now.session().id(), keys))
                .thenApply(renewed -> {
                    current.compareAndSet(now, renewed);
                    return renewed;
                });
    }

    private static String masked(SignInRequest request) {
        return request.keys().maskedAccessKeyId();
    }

    /**
     * Makes the request and runs a sign-in, setup or renewal with it in a Job (both may wait for AWS); the request's
     * secrets, if it has one, go on failure. The session, with how it was signed in to, completes the future.
     */
    private CompletableFuture<SignedIn> inJob(String name, SignInWay way, Supplier<SignInRequest> request,
            Function<SignInRequest, UserSession> signIn) {
        CompletableFuture<SignedIn> result = new CompletableFuture<>();
        Job job = Job.create(name, monitor -> {
            SignInRequest made = null;
            try {
                made = request.get();
                UserSession session = signIn.apply(made);
                result.complete(new SignedIn(session, roleNames(session), way));
            } catch (RuntimeException e) {
                if (made != null) {
                    made.clear();
                }
                result.completeExceptionally(e);
            }
            return Status.OK_STATUS; // failures are the caller's to show, next to the keys the person typed
        });
        job.schedule();
        return result;
    }

    private SignedIn replaceCurrent(SignedIn next) {
        SignedIn previous = current.getAndSet(next);
        if (previous != null) {
            running(signInService).signOut(previous.session().id()); // no longer current: sessionEnded ignores it
        }
        tell(new SessionChange.SignedInNow(next));
        return next;
    }

    /** The names of the person's roles, for the status line; none if the administration service cannot say. */
    private List<String> roleNames(UserSession session) {
        ComponentServiceObjects<UserAdministration> users = administration;
        if (users == null) {
            return List.of();
        }
        try {
            return running(users).self(session).roleIds().stream().sorted()
                    .map(id -> BUILT_IN_ROLE_NAMES.getOrDefault(id, id)).toList();
        } catch (StratusException e) {
            ILog.of(WorkbenchSession.class).warn("Stratus could not read the roles of " + session.identity().arn()
                    + " for the status line: " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public void signOut() {
        SignedIn now = current.get();
        ComponentServiceObjects<SignInService> service = signInService;
        if (now != null && service != null) {
            running(service).signOut(now.session().id()); // sessionEnded tells the listeners
        }
    }

    @Override
    public void sessionEnded(String sessionId) {
        SignedIn now = current.get();
        if (now != null && now.session().id().equals(sessionId) && current.compareAndSet(now, null)) {
            tell(new SessionChange.Ended(now, now.session().ended().orElse(SessionEnd.SIGNED_OUT)));
        }
    }

    /** The keys of the session signed in here lapsed or were renewed: the session and what is open stay. */
    @Override
    public void keysChanged(String sessionId) {
        SignedIn now = current.get();
        if (now != null && now.session().id().equals(sessionId)) {
            tell(new SessionChange.KeysChanged(now));
        }
    }

    /** Roles may have changed for the person signed in here: the status line and commands follow. */
    @Override
    public void permissionsChanged() {
        SignedIn now = current.get();
        if (now == null) {
            return;
        }
        SignedIn updated = new SignedIn(now.session(), roleNames(now.session()), now.way());
        if (current.compareAndSet(now, updated)) { // else a sign-in or sign-out came first and told its own news
            tell(new SessionChange.RolesChanged(updated));
        }
    }

    @Override
    public void addListener(SessionChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionChangeListener listener) {
        listeners.remove(listener);
    }

    private void tell(SessionChange change) {
        for (SessionChangeListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                ILog.of(WorkbenchSession.class).error(listener.getClass().getName() + " failed on " + change, e);
            }
        }
    }

    /** The service, created on first use; singletons, so taking it again hands out the same one. */
    private static <T> T running(ComponentServiceObjects<T> objects) {
        T service = objects == null ? null : objects.getService();
        if (service == null) {
            throw new StratusException(Problem.UNAVAILABLE,
                    "Stratus's services are not running yet. Wait a moment and try again; if this lasts, see the error log.");
        }
        return service;
    }
}
