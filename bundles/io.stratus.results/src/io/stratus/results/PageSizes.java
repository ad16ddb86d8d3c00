package io.stratus.results;

/**
 * How many rows one page of a result holds, for every front end: the HTTP API, the web console
 * (which takes the API's default) and the desktop.
 */
public final class PageSizes {

    /** A page when the reader does not ask for a size: what a grid shows before it scrolls on. */
    public static final int DEFAULT_ROWS = 500;

    /** The largest page one call returns; the database service's setting may lower it. */
    public static final int MAX_ROWS = 10_000;

    /**
     * The pages {@link AllRows} reads: the largest, since every page costs a round of checks (the
     * connection, its owner's roles) that a page of rows should outweigh.
     */
    public static final int ALL_ROWS_PAGE = MAX_ROWS;

    private PageSizes() {
    }
}
