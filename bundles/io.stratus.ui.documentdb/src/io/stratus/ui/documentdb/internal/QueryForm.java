package io.stratus.ui.documentdb.internal;

import io.stratus.ui.documentdb.internal.DocumentCommands.Target;

import java.util.List;
import java.util.Optional;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * What to read, as in MongoDB Compass: the database and collection, then a find (filter,
 * projection, sort, limit) or an aggregation pipeline. The JSON fields are checked as they are
 * typed, and the form says what to fix before anything is sent.
 */
public final class QueryForm {

    /** Data keys of the form's controls, for tests. */
    public static final String DATABASE = "io.stratus.ui.documentdb.database";
    public static final String COLLECTION = "io.stratus.ui.documentdb.collection";
    public static final String FIND = "io.stratus.ui.documentdb.find";
    public static final String AGGREGATE = "io.stratus.ui.documentdb.aggregate";
    public static final String FILTER = "io.stratus.ui.documentdb.filter";
    public static final String PROJECTION = "io.stratus.ui.documentdb.projection";
    public static final String SORT = "io.stratus.ui.documentdb.sort";
    public static final String LIMIT = "io.stratus.ui.documentdb.limit";
    public static final String PIPELINE = "io.stratus.ui.documentdb.pipeline";
    public static final String PROBLEM = "io.stratus.ui.documentdb.problem";

    private static final String FILTER_EXAMPLE = "{\"status\": \"open\", \"total\": {\"$gt\": 10}}";
    private static final String PROJECTION_EXAMPLE = "{\"name\": 1, \"_id\": 0}";
    private static final String SORT_EXAMPLE = "{\"placed\": -1}";
    private static final String PIPELINE_EXAMPLE = "[{\"$match\": {\"status\": \"open\"}}, {\"$group\": {\"_id\": \"$customer\","
            + " \"n\": {\"$sum\": 1}}}]";

    /** A find or aggregate ready to run: its command, where it reads, and whether it returns the collection's own documents. */
    public record Query(String command, Target target, boolean find) {
    }

    private final Combo database;
    private final Combo collection;
    private final Button find;
    private final Button aggregate;
    private final JsonField filter;
    private final JsonField projection;
    private final JsonField sort;
    private final Text limit;
    private final Text pipeline;
    private final Label problem;
    /** The form, whose parent lays it out again when a part of it shows or hides. */
    private final Composite form;
    private final Composite findForm;
    private final Composite aggregateForm;

    public QueryForm(Composite parent, Runnable databaseChosen) {
        form = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
        GridLayoutFactory.fillDefaults().numColumns(6).margins(6, 4).applyTo(form);
        label(form, "&Database:");
        database = combo(form, DATABASE);
        database.addListener(SWT.Selection, event -> databaseChosen.run());
        database.addListener(SWT.DefaultSelection, event -> databaseChosen.run());
        label(form, "C&ollection:");
        collection = combo(form, COLLECTION);
        find = new Button(form, SWT.RADIO);
        find.setText("&Find");
        find.setData(FIND, Boolean.TRUE);
        find.setSelection(true);
        aggregate = new Button(form, SWT.RADIO);
        aggregate.setText("&Aggregate");
        aggregate.setData(AGGREGATE, Boolean.TRUE);

        // the find's fields or the pipeline, whichever is chosen; the other is left out of the layout
        findForm = new Composite(form, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).applyTo(findForm);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(findForm);
        label(findForm, "Fi&lter:");
        filter = json(findForm, FILTER, "The filter", FILTER_EXAMPLE, 5);
        label(findForm, "&Projection:");
        projection = json(findForm, PROJECTION, "The projection", PROJECTION_EXAMPLE, 1);
        label(findForm, "&Sort:");
        sort = json(findForm, SORT, "The sort", SORT_EXAMPLE, 1);
        label(findForm, "Li&mit:");
        limit = new Text(findForm, SWT.BORDER | SWT.SINGLE);
        limit.setMessage("none");
        limit.setData(LIMIT, Boolean.TRUE);
        limit.setToolTipText("How many documents at most; empty for all of them (read 100 at a time)");
        GridDataFactory.fillDefaults().hint(70, SWT.DEFAULT).applyTo(limit);
        limit.addListener(SWT.Modify, event -> check());
        aggregateForm = new Composite(form, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).applyTo(aggregateForm);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(aggregateForm);
        Label pipelineLabel = label(aggregateForm, "Pip&eline:");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).indent(0, 3).applyTo(pipelineLabel);
        pipeline = new Text(aggregateForm, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.WRAP);
        pipeline.setFont(JFaceResources.getTextFont());
        pipeline.setData(PIPELINE, Boolean.TRUE);
        pipeline.setMessage(PIPELINE_EXAMPLE);
        pipeline.setText("[\n  {\"$match\": {}}\n]");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 3 * pipeline.getLineHeight()).applyTo(pipeline);
        pipeline.addListener(SWT.Modify, event -> check());

        problem = problemLabel(form);
        problem.setData(PROBLEM, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).hint(100, SWT.DEFAULT).applyTo(problem);
        for (Button mode : List.of(find, aggregate)) {
            mode.addListener(SWT.Selection, event -> showMode());
        }
        showMode();
    }

    /** The databases to choose from; {@code preferred} (the connection's own) is chosen, else the first. */
    public void setDatabases(List<String> names, Optional<String> preferred) {
        database.setItems(names.toArray(String[]::new));
        String chosen = preferred.orElse(names.isEmpty() ? "" : names.getFirst());
        database.setText(chosen);
    }

    /** The collections of the chosen database; the first is chosen unless one is named already and exists. */
    public void setCollections(List<String> names) {
        String typed = collection.getText();
        collection.setItems(names.toArray(String[]::new));
        collection.setText(names.contains(typed) || names.isEmpty() ? typed : names.getFirst());
    }

    public String database() {
        return database.getText().strip();
    }

    /** The chosen collection, or the problem shown. */
    public Optional<Target> target() {
        if (database().isEmpty() || collection.getText().isBlank()) {
            say(database().isEmpty() ? "Choose or type a database." : "Choose or type a collection of " + database() + ".");
            return Optional.empty();
        }
        return Optional.of(new Target(database(), collection.getText().strip()));
    }

    /** The find or the aggregation the form describes, or empty with what to fix shown. */
    public Optional<Query> query() {
        Optional<Target> target = target();
        if (target.isEmpty()) {
            return Optional.empty();
        }
        try {
            Query query = aggregate.getSelection()
                    ? new Query(DocumentCommands.aggregate(target.get(), pipeline()), target.get(), false)
                    : new Query(DocumentCommands.find(target.get(), filter.value(), projection.value(), sort.value(),
                            limit()), target.get(), true);
            say("");
            return Optional.of(query);
        } catch (InvalidJson invalid) {
            say(invalid.getMessage());
            return Optional.empty();
        }
    }

    /** The field to type in first. */
    public Control focusField() {
        return aggregate.getSelection() ? pipeline : filter.text();
    }

    /** Checks the fields as they are typed: the first problem shows, or none. */
    private void check() {
        try {
            if (aggregate.getSelection()) {
                pipeline();
            } else {
                filter.value();
                projection.value();
                sort.value();
                limit();
            }
            say("");
        } catch (InvalidJson invalid) {
            say(invalid.getMessage());
        }
    }

    private BsonArray pipeline() {
        return DocumentJson.array("The pipeline", pipeline.getText(), PIPELINE_EXAMPLE);
    }

    private int limit() {
        String text = limit.getText().strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidJson("Limit must be a whole number of documents, such as 20, or empty for no limit.");
    }

    private void showMode() {
        show(findForm, !aggregate.getSelection());
        show(aggregateForm, aggregate.getSelection());
        check();
    }

    /** Shows or hides a part of the form, which then takes the room it needs and no more. */
    private void show(Control part, boolean shown) {
        if (part.getVisible() != shown) {
            part.setVisible(shown);
            ((GridData) part.getLayoutData()).exclude = !shown;
            form.getParent().layout(true, true);
        }
    }

    private void say(String message) {
        problem.setText(message);
        show(problem, !message.isEmpty());
    }

    /** A one-line field that holds a JSON object; blank is the empty one. */
    private record JsonField(Text text, String name, String example) {

        BsonDocument value() {
            return DocumentJson.document(name, text.getText(), example);
        }
    }

    private JsonField json(Composite parent, String key, String name, String example, int span) {
        Text field = new Text(parent, SWT.BORDER | SWT.SINGLE);
        field.setFont(JFaceResources.getTextFont());
        field.setData(key, Boolean.TRUE);
        field.setMessage(example);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(field);
        field.addListener(SWT.Modify, event -> check());
        return new JsonField(field, name, example);
    }

    private static Combo combo(Composite parent, String key) {
        Combo combo = new Combo(parent, SWT.DROP_DOWN);
        combo.setData(key, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(combo);
        return combo;
    }

    /** What to fix, whole and in red: a line a person reads before sending (it wraps, so it is never cut short). */
    private static Label problemLabel(Composite parent) {
        Label problem = new Label(parent, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        return problem;
    }

    private static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
        return label;
    }
}
