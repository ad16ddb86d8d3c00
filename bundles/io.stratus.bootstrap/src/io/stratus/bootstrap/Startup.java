package io.stratus.bootstrap;

import io.stratus.core.StartupFailure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** The services of one run, as {@link Bootstrap#start} configured them; closing it ends demo mode. */
public interface Startup extends AutoCloseable {

    /** Where the services keep their data: the settings' data directory, or demo mode's throw-away one. */
    Path dataDirectory();

    /**
     * In demo mode, what to tell a person: {@code nextStep} (where to sign in), where AWS is
     * simulated, the data directory, and every demo user's keys with what they show.
     */
    Optional<String> demoBanner(String nextStep);

    /**
     * Waits until a service of type {@code ready} appears, or one of the services reports that it
     * cannot start on this run's settings (a store that cannot be opened), or {@code stop} opens.
     *
     * @return the failure, if one was reported
     */
    Optional<StartupFailure> await(Class<?> ready, CountDownLatch stop) throws InterruptedException;

    /** The settings of this run: those it started with, or the last ones {@linkplain #apply applied}. */
    Settings settings();

    /**
     * Hands the services the configurations of {@code changed} (in demo mode AWS stays the
     * simulator). A service whose configuration changes restarts: after a change to AWS or session
     * settings people sign in again.
     *
     * @throws StratusException INVALID_INPUT if a setting of the store changed: the store opens once
     *         per run, so those apply at the next start
     */
    void apply(Settings changed) throws IOException;

    /** Stops demo mode's AWS simulator and deletes its data; nothing to do otherwise. */
    @Override
    void close();
}
