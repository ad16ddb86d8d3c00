package io.stratus.ui.dynamodb.internal;

import io.stratus.ui.dynamodb.internal.TableKeys.Attribute;
import io.stratus.ui.dynamodb.internal.TableKeys.Source;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * What to read, as the AWS Console's "Explore items" asks it: Scan or Query of the table or one of
 * its indexes (for a Query the partition key's value and, optionally, a condition on the sort key),
 * an optional limit; or PartiQL (or a DynamoDB request in JSON) written out. Enter in a field, or
 * Ctrl+Enter anywhere in the editor, runs it.
 */
public final class ReadForm {

    public enum Mode {
        SCAN("Scan"), QUERY("Query"), PARTIQL("PartiQL");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A read as the form describes it.
     *
     * @param what how the messages name it, such as "Query of sessions"
     * @param wholeItems whether its rows hold whole items (a table's, not an index's or a PartiQL projection's)
     */
    public record Read(String request, String what, OptionalInt limit, boolean wholeItems) {
    }

    /** Data keys of the fields, for tests. */
    public static final String SOURCE = "io.stratus.ui.dynamodb.source";
    public static final String PARTITION_VALUE = "io.stratus.ui.dynamodb.partitionValue";
    public static final String SORT_CONDITION = "io.stratus.ui.dynamodb.sortCondition";
    public static final String SORT_VALUE = "io.stratus.ui.dynamodb.sortValue";
    public static final String SORT_VALUE_TO = "io.stratus.ui.dynamodb.sortValueTo";
    public static final String LIMIT = "io.stratus.ui.dynamodb.limit";
    public static final String PARTIQL = "io.stratus.ui.dynamodb.partiql";

    private final Composite form;
    private final Button[] modes = new Button[Mode.values().length];
    private final Combo source;
    private final Text limit;
    private final Composite stack;
    private final StackLayout shown = new StackLayout();
    private final Label scanHint;
    private final Composite query;
    private final Label partitionLabel;
    private final Text partitionValue;
    private final Label sortLabel;
    private final Combo sortCondition;
    private final Text sortValue;
    private final Label and;
    private final Text sortValueTo;
    private final Text partiql;
    private TableKeys keys;

    /** @param run what Enter in one of the fields does */
    public ReadForm(Composite parent, Runnable run) {
        form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(1).margins(6, 4).applyTo(form);

        Composite top = new Composite(form, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(Mode.values().length + 4).applyTo(top);
        for (Mode mode : Mode.values()) {
            Button button = new Button(top, SWT.RADIO);
            button.setText(mode.label());
            button.addListener(SWT.Selection, event -> {
                if (button.getSelection()) {
                    showMode();
                }
            });
            modes[mode.ordinal()] = button;
        }
        modes[Mode.SCAN.ordinal()].setSelection(true);
        modes[Mode.QUERY.ordinal()].setEnabled(false); // until the keys are read
        Label from = new Label(top, SWT.NONE);
        from.setText("Table or index:");
        GridDataFactory.swtDefaults().indent(16, 0).applyTo(from);
        source = new Combo(top, SWT.READ_ONLY);
        source.setData(SOURCE, Boolean.TRUE);
        source.setItems("Reading the table's keys\u2026");
        source.select(0);
        source.setEnabled(false);
        source.addListener(SWT.Selection, event -> showKey());
        GridDataFactory.swtDefaults().hint(260, SWT.DEFAULT).applyTo(source);
        Label most = new Label(top, SWT.NONE);
        most.setText("Limit:");
        GridDataFactory.swtDefaults().indent(16, 0).applyTo(most);
        limit = new Text(top, SWT.BORDER);
        limit.setData(LIMIT, Boolean.TRUE);
        limit.setMessage("all");
        limit.setToolTipText("At most this many items; empty reads all of them, page by page as you scroll");
        limit.addListener(SWT.Verify, event -> event.doit = event.text.chars().allMatch(Character::isDigit));
        limit.addListener(SWT.DefaultSelection, event -> run.run());
        GridDataFactory.swtDefaults().hint(70, SWT.DEFAULT).applyTo(limit);

        stack = new Composite(form, SWT.NONE);
        stack.setLayout(shown);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(stack);
        scanHint = new Label(stack, SWT.WRAP);
        scanHint.setText("Scan reads every item of the table or index, a page at a time as you scroll.");

        query = new Composite(stack, SWT.NONE); // the partition key's value, then the sort key's condition below it
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(query);
        partitionLabel = new Label(query, SWT.NONE);
        partitionValue = field(query, PARTITION_VALUE, 180, run);
        GridDataFactory.swtDefaults().span(4, 1).hint(180, SWT.DEFAULT).applyTo(partitionValue);
        sortLabel = new Label(query, SWT.NONE);
        GridDataFactory.swtDefaults().applyTo(sortLabel);
        sortCondition = new Combo(query, SWT.READ_ONLY);
        sortCondition.setData(SORT_CONDITION, Boolean.TRUE);
        sortCondition.setItems(Arrays.stream(SortCondition.values()).map(SortCondition::label).toArray(String[]::new));
        sortCondition.select(0);
        sortCondition.addListener(SWT.Selection, event -> showSortFields());
        GridDataFactory.swtDefaults().applyTo(sortCondition);
        sortValue = field(query, SORT_VALUE, 140, run);
        and = new Label(query, SWT.NONE);
        and.setText("and");
        GridDataFactory.swtDefaults().applyTo(and);
        sortValueTo = field(query, SORT_VALUE_TO, 140, run);

        partiql = new Text(stack, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        partiql.setData(PARTIQL, Boolean.TRUE);
        partiql.setFont(JFaceResources.getTextFont());
        partiql.setToolTipText("PartiQL, or a DynamoDB request in JSON under its operation's name such as"
                + " {\"Query\": {...}}; Ctrl+Enter runs it");
        showMode();
    }

    private static Text field(Composite parent, String key, int width, Runnable run) {
        Text field = new Text(parent, SWT.BORDER);
        field.setData(key, Boolean.TRUE);
        field.addListener(SWT.DefaultSelection, event -> run.run());
        GridDataFactory.swtDefaults().hint(width, SWT.DEFAULT).applyTo(field);
        return field;
    }

    public Control control() {
        return form;
    }

    /** The table's keys are known: Query and the indexes become available. */
    public void setKeys(TableKeys keys) {
        this.keys = keys;
        source.setItems(keys.sources().stream().map(s -> s.label(keys.table())).toArray(String[]::new));
        source.select(0);
        source.setEnabled(mode() != Mode.PARTIQL);
        modes[Mode.QUERY.ordinal()].setEnabled(true);
        if (partiql.getText().isEmpty()) {
            partiql.setText("SELECT * FROM \"" + keys.table() + "\"");
        }
        showKey();
    }

    /** The read the form describes; throws saying what to fix. */
    public Read read() {
        OptionalInt most = limit.getText().isEmpty() ? OptionalInt.empty() : OptionalInt.of(limitValue());
        Mode mode = mode();
        if (mode == Mode.PARTIQL) {
            String text = partiql.getText().strip();
            if (text.isEmpty()) {
                throw new InvalidInput("Write a PartiQL statement, such as SELECT * FROM \"" + table() + "\".");
            }
            return new Read(text, "PartiQL", most, false);
        }
        if (keys == null) {
            throw new InvalidInput("The table's keys are still being read; try again in a moment.");
        }
        Source from = keys.sources().get(source.getSelectionIndex());
        String name = from.index().orElse(keys.table());
        boolean whole = from.index().isEmpty();
        if (mode == Mode.SCAN) {
            return new Read(ItemRequests.scan(from, most), "Scan of " + name, most, whole);
        }
        SortCondition condition = SortCondition.values()[Math.max(0, sortCondition.getSelectionIndex())];
        return new Read(ItemRequests.query(from, partitionValue.getText(), condition, sortValue.getText(),
                sortValueTo.getText(), most), "Query of " + name, most, whole);
    }

    public Mode mode() {
        for (Mode mode : Mode.values()) {
            if (modes[mode.ordinal()].getSelection()) {
                return mode;
            }
        }
        return Mode.SCAN;
    }

    /** Chooses a mode, as a click on its button does. */
    public void choose(Mode mode) {
        for (Mode each : Mode.values()) {
            modes[each.ordinal()].setSelection(each == mode);
        }
        showMode();
    }

    public void setFocus() {
        (mode() == Mode.PARTIQL ? partiql : mode() == Mode.QUERY ? partitionValue : modes[Mode.SCAN.ordinal()]).setFocus();
    }

    private int limitValue() {
        try {
            int value = Integer.parseInt(limit.getText());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException tooLarge) {
            // said below
        }
        throw new InvalidInput("The limit is a number of items from 1 to " + Integer.MAX_VALUE + "; leave it empty to read all.");
    }

    private String table() {
        return keys == null ? "table" : keys.table();
    }

    private void showMode() {
        Mode mode = mode();
        source.setEnabled(keys != null && mode != Mode.PARTIQL);
        shown.topControl = switch (mode) {
            case SCAN -> scanHint;
            case QUERY -> query;
            case PARTIQL -> partiql;
        };
        // as high as what it shows (a stack is as high as its highest page otherwise); PartiQL gets four lines
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, mode == Mode.PARTIQL
                ? partiql.getLineHeight() * 4 + 8 : shown.topControl.computeSize(SWT.DEFAULT, SWT.DEFAULT).y).applyTo(stack);
        stack.layout(true);
        form.getParent().layout(true, true);
    }

    /** The key fields of the chosen table or index. */
    private void showKey() {
        if (keys == null) {
            return;
        }
        Source from = keys.sources().get(Math.max(0, source.getSelectionIndex()));
        partitionLabel.setText(label(from.partition(), "partition key") + " =");
        boolean sorted = from.sort().isPresent();
        from.sort().ifPresent(sort -> sortLabel.setText(label(sort, "sort key")));
        for (Control control : List.of(sortLabel, sortCondition, sortValue, and, sortValueTo)) {
            control.setVisible(sorted);
            ((GridData) control.getLayoutData()).exclude = !sorted; // no empty line for a key without a sort key
        }
        showSortFields();
        showMode(); // the query's height changes with the sort key
    }

    private void showSortFields() {
        SortCondition condition = SortCondition.values()[Math.max(0, sortCondition.getSelectionIndex())];
        boolean sorted = sortLabel.getVisible();
        sortValue.setVisible(sorted && condition.takesValue());
        and.setVisible(sorted && condition == SortCondition.BETWEEN);
        sortValueTo.setVisible(sorted && condition == SortCondition.BETWEEN);
        query.layout(true);
    }

    private static String label(Attribute attribute, String role) {
        return attribute.name() + " (" + role + ", " + attribute.typeName() + ")";
    }
}
