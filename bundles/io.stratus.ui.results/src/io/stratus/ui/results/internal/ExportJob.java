package io.stratus.ui.results.internal;

import io.stratus.results.AllRows;
import io.stratus.results.PageSizes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Writes every row of a grid's result to a file: the rows read so far from the grid's store, then
 * the rest from the statement (into the store too, so the grid shows them after). The file is
 * written beside the target under a temporary name and renamed when complete, so that a cancelled
 * or failed export leaves no half-written file.
 */
final class ExportJob extends Job {

    /** Every export Job belongs to this family. */
    static final Object FAMILY = ExportJob.class;
    private static final String PLUGIN = "io.stratus.ui.results";

    private final Feed feed;
    private final ExportFormat format;
    private final Path target;
    private final Runnable done;

    ExportJob(Feed feed, ExportFormat format, Path target, Runnable done) {
        super("Exporting the result to " + target.getFileName());
        this.feed = feed;
        this.format = format;
        this.target = target.toAbsolutePath();
        this.done = done;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        Path part = null;
        try {
            part = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".part");
            long[] written = {0};
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                ExportFormat.RowsWriter writer = format.open(feed.columns, out);
                feed.holding(() -> {
                    int blocks = feed.store.blocks();
                    for (int block = 0; block < blocks; block++) {
                        write(feed.store.block(block), writer, written, monitor);
                    }
                    if (feed.more()) {
                        int size = PageSizes.ALL_ROWS_PAGE;
                        AllRows.read(feed.readPage(size), size, (statement, pageSize) -> feed.readPage(pageSize), () -> {
                            // the grid keeps the statement: it reads on from where the export stopped
                        }, page -> write(page.rows(), writer, written, monitor));
                    }
                });
                writer.end();
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            part = null;
            return Status.OK_STATUS;
        } catch (Cancelled e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return Status.error("The export to " + target + " failed: " + (e.getMessage() == null ? e : e.getMessage()), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // left behind under its hidden temporary name; nothing more to do
                }
            }
            monitor.done();
            done.run();
        }
    }

    private static void write(List<List<Object>> rows, ExportFormat.RowsWriter writer, long[] written,
            IProgressMonitor monitor) throws IOException {
        if (monitor.isCanceled()) {
            throw new Cancelled();
        }
        writer.rows(rows);
        written[0] += rows.size();
        monitor.subTask(String.format("%,d rows written", written[0]));
    }

    /** The person cancelled the export. */
    private static final class Cancelled extends InterruptedIOException {
        private static final long serialVersionUID = 1L;
    }
}
