package io.stratus.ui.results;

/**
 * The grid's commands (in {@code plugin.xml}), enabled while a grid has the focus; Edit > Copy
 * (Ctrl+C) copies the selected rows as tab-separated text.
 */
public final class ResultGridCommands {

    /** Copies the selected rows; parameter {@link #FORMAT}: {@code tsv}, {@code csv}, {@code json} or {@code sql}. */
    public static final String COPY = "io.stratus.ui.results.copy";
    /** Exports every row of the result; parameters {@link #FORMAT} ({@code csv} or {@code json}) and, optionally, {@link #FILE}. */
    public static final String EXPORT = "io.stratus.ui.results.export";
    /** Opens the value viewer on the selected cell. */
    public static final String VIEW_VALUE = "io.stratus.ui.results.viewValue";
    public static final String FORMAT = "io.stratus.ui.results.format";
    /** The file to export to; without it the person picks one. */
    public static final String FILE = "io.stratus.ui.results.file";

    private ResultGridCommands() {
    }
}
