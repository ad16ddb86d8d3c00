package io.stratus.bootstrap.internal;

import io.stratus.bootstrap.Startup;
import io.stratus.core.StartupFailure;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

final class ConfiguredStartup implements Startup {

    private static final long START_POLL_MILLIS = 20;

    private final BundleContext context;
    private final Path dataDirectory;
    private final DemoMode demo;

    /** {@code demo} is null outside demo mode. */
    ConfiguredStartup(BundleContext context, Path dataDirectory, DemoMode demo) {
        this.context = context;
        this.dataDirectory = dataDirectory;
        this.demo = demo;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
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
        if (demo != null) {
            demo.close();
        }
    }
}
