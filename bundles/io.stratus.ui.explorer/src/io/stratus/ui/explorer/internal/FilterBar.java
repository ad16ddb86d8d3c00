package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.explorer.ExplorerFilter;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

/**
 * The explorer's filter box: text (in a database's name, ARN or endpoint), engine, status and tag,
 * applied as the services' {@link ExplorerFilter} a moment after the person stops typing.
 */
public final class FilterBar {

    /** Data keys of the fields, for tests. */
    public static final String TEXT = "io.stratus.ui.explorer.filter.text";
    public static final String ENGINE = "io.stratus.ui.explorer.filter.engine";
    public static final String TAG = "io.stratus.ui.explorer.filter.tag";
    public static final String STATUS = "io.stratus.ui.explorer.filter.status";
    private static final String ANY_ENGINE = "All engines";
    private static final String ANY_STATUS = "Any status";
    /** Long enough to let a word be typed, short enough to feel immediate. */
    private static final int TYPING_PAUSE_MILLIS = 250;

    private final Composite bar;
    private final Text text;
    private final Combo engine;
    private final Combo status;
    private final Text tag;
    private final List<DatabaseEngine> engines;
    private final Consumer<ExplorerFilter> apply;
    private final Runnable applyNow = this::applyNow;

    /** @param explorer where the engines come from; null while the services are not running (no engine choice then) */
    public FilterBar(Composite parent, CloudExplorer explorer, Consumer<ExplorerFilter> apply) {
        this.apply = apply;
        engines = explorer == null ? List.of()
                : explorer.engines().stream().sorted(Comparator.comparing(DatabaseEngine::name)).toList();
        bar = new Composite(parent, SWT.NONE);
        // the text on the first row, engine and status on the second, the tag on the third: each wide enough to read
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).margins(2, 2).applyTo(bar);

        text = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        text.setMessage("Filter by name, ARN or endpoint");
        text.setData(TEXT, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);

        engine = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        engine.add(ANY_ENGINE);
        engines.forEach(e -> engine.add(e.name()));
        engine.select(0);
        engine.setData(ENGINE, Boolean.TRUE);
        engine.setToolTipText("Only databases of this engine");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(engine);

        status = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        status.setItems(ANY_STATUS);
        status.select(0);
        status.setData(STATUS, Boolean.TRUE);
        status.setToolTipText("Only databases in this status");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        tag = new Text(bar, SWT.SEARCH | SWT.ICON_CANCEL);
        tag.setMessage("Filter by tag or tag=value");
        tag.setData(TAG, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(tag);

        text.addModifyListener(e -> applySoon());
        tag.addModifyListener(e -> applySoon());
        engine.addListener(SWT.Selection, e -> applyNow());
        status.addListener(SWT.Selection, e -> applyNow());
    }

    /**
     * The statuses to choose from: those the databases have now. A chosen status stays chosen even
     * when no database has it any more, so a refresh never changes the filter by itself.
     */
    public void offerStatuses(SortedSet<String> found) {
        String chosen = status.getSelectionIndex() > 0 ? status.getText() : null;
        SortedSet<String> offered = new TreeSet<>(found);
        if (chosen != null) {
            offered.add(chosen);
        }
        if (!Arrays.asList(status.getItems()).subList(1, status.getItemCount()).equals(List.copyOf(offered))) {
            status.setItems(ANY_STATUS);
            offered.forEach(status::add);
            status.select(chosen == null ? 0 : status.indexOf(chosen));
            bar.layout();
        }
    }

    public Control control() {
        return bar;
    }

    private void applySoon() {
        bar.getDisplay().timerExec(TYPING_PAUSE_MILLIS, applyNow); // restarts the wait on each keystroke
    }

    private void applyNow() {
        if (bar.isDisposed()) {
            return;
        }
        int chosen = engine.getSelectionIndex();
        apply.accept(new ExplorerFilter(words(text.getText()),
                chosen <= 0 ? Optional.empty() : Optional.of(engines.get(chosen - 1).id()),
                status.getSelectionIndex() <= 0 ? Optional.empty() : Optional.of(status.getText()),
                words(tag.getText())));
    }

    private static Optional<String> words(String typed) {
        String trimmed = typed.strip();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
}
