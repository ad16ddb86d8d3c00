package io.stratus.bootstrap.internal;

import io.stratus.bootstrap.Settings;
import io.stratus.bootstrap.Startup;
import io.stratus.core.StartupFailure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

final class ConfiguredStartup implements Startup {

    private static final long START_POLL_MILLIS = 20;

    /** Hands the services the configurations of changed settings. */
    @FunctionalInterface
    interface Reconfiguration {
        void apply(Settings changed) throws IOException;
    }

    private final BundleContext context;
    private final DemoMode demo;
    private final Reconfiguration reconfiguration;
    private volatile Settings settings;
    private ServiceRegistration<Startup> registration;

    /** {@code demo} is null outside demo mode. */
    ConfiguredStartup(BundleContext context, Settings settings, DemoMode demo, Reconfiguration reconfiguration) {
        this.context = context;
        this.settings = settings;
        this.demo = demo;
        this.reconfiguration = reconfiguration;
    }

    /** Offers the run as a service, so that the user interface (preferences) finds its settings. */
    void register() {
        registration = context.registerService(Startup.class, this, null);
    }

    @Override
    public Path dataDirectory() {
        return demo == null ? settings.dataDirectory() : demo.dataDirectory();
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public synchronized void apply(Settings changed) throws IOException {
        reconfiguration.apply(changed);
        settings = changed;
    }

    @Override
    public Optional<String> demoBanner(String nextStep) {
        return Optional.ofNullable(demo).map(running -> running.banner(nextStep));
    }

    @Override
    public Optional<StartupFailure> await(Class<?> ready, CountDownLatch stop) throws InterruptedException {
        ServiceTracker<Object, Object> outcome;
        try {
            outcome = new ServiceTracker<>(context, context.createFilter("(|(objectClass=" + ready.getName()
                    + ")(objectClass=" + StartupFailure.class.getName() + "))"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        outcome.open();
        try {
            while (outcome.isEmpty() && !stop.await(START_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // a service appears, or a stop is asked for
            }
            return Arrays.stream(Objects.requireNonNullElse(outcome.getServices(), new Object[0]))
                    .filter(StartupFailure.class::isInstance).map(StartupFailure.class::cast).findFirst();
        } finally {
            outcome.close();
        }
    }

    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle stopped first and took the registration with it
        }
        if (demo != null) {
            demo.close();
        }
    }
}
