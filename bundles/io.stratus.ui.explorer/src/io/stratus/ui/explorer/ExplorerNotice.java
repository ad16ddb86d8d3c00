package io.stratus.ui.explorer;

/** A line the Cloud Explorer shows instead of the tree: loading, signed out, or why the tree is missing. */
public record ExplorerNotice(Kind kind, String text) {

    public enum Kind {
        LOADING, SIGNED_OUT, FAILED
    }

    public static final ExplorerNotice LOADING = new ExplorerNotice(Kind.LOADING, "Loading\u2026");
    public static final ExplorerNotice SIGNED_OUT = new ExplorerNotice(Kind.SIGNED_OUT, "Sign in to see your databases");
}
