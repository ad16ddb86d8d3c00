package io.stratus.results.tests;

import io.stratus.core.database.Login;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.database.CatalogPage;
import io.stratus.core.database.DatabaseSecret;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.ResultPage;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open statement's result behind the database service's paging, in pages of a few rows, the
 * largest it allows (a larger page is refused, as the service's {@code maxPageRows} setting does),
 * so that a short result spans pages; counts the pages asked for and cancels, tells whether a page
 * is being read, and can fail on a given page as a closed connection would, or read each page
 * slowly. Closing it closes the result.
 */
final class PagedDatabaseService implements DatabaseService, AutoCloseable {

    private final StatementResult result;
    private final int rowsPerPage;
    private final int failingPage;
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger reading = new AtomicInteger();
    private volatile long millisPerPage;
    volatile int cancels;

    /** @param failingPage the page (from 1) whose reading fails, or 0 for none */
    PagedDatabaseService(StatementResult result, int rowsPerPage, int failingPage) {
        this.result = result;
        this.rowsPerPage = rowsPerPage;
        this.failingPage = failingPage;
    }

    /** Each later page takes this long to read. */
    PagedDatabaseService slow(long millis) {
        millisPerPage = millis;
        return this;
    }

    /** Pages asked for so far, the first included. */
    int pagesAsked() {
        return pages.get();
    }

    /** Whether a page is being read now. */
    boolean reading() {
        return reading.get() > 0;
    }

    /** The statement's first page, as {@code execute} answers it. */
    ResultPage first() {
        return nextPage(null, "db", 1, rowsPerPage);
    }

    @Override
    public void close() {
        result.close();
    }

    @Override
    public ResultPage execute(UserSession session, String connectionId, String statement, int pageSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int largestPage() {
        return rowsPerPage;
    }

    @Override
    public ResultPage nextPage(UserSession session, String connectionId, long statement, int pageSize) {
        if (pageSize > rowsPerPage) {
            throw new StratusException(Problem.INVALID_INPUT, "A page holds 1 to " + rowsPerPage + " rows.");
        }
        reading.incrementAndGet();
        try {
            int page = pages.incrementAndGet();
            if (page == failingPage) {
                throw new StratusException(Problem.NOT_FOUND, "The connection was closed.");
            }
            if (page > 1) {
                Thread.sleep(millisPerPage);
            }
            List<List<Object>> rows = result.nextPage(rowsPerPage);
            return new ResultPage(statement, result.columns(), rows, OptionalLong.empty(), rows.size() == rowsPerPage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            reading.decrementAndGet();
        }
    }

    @Override
    public void cancel(UserSession session, String connectionId) {
        cancels++;
    }

    @Override
    public OpenDatabase open(UserSession session, String resourceId, Login login, Optional<String> database) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DatabaseSecret> secrets(UserSession session, String resourceId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> engines() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OpenDatabase> list(UserSession session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void test(UserSession session, String connectionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CatalogPage browse(UserSession session, String connectionId, List<String> path, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close(UserSession session, String connectionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void autoCommit(UserSession session, String connectionId, boolean on) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void commit(UserSession session, String connectionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void rollback(UserSession session, String connectionId) {
        throw new UnsupportedOperationException();
    }
}
