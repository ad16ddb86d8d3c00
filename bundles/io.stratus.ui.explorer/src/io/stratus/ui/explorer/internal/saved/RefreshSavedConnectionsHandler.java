package io.stratus.ui.explorer.internal.saved;

/** Refresh (F5) on the saved connections: reads them again, as another Stratus on the same store may have changed them. */
public final class RefreshSavedConnectionsHandler extends SavedConnectionsHandler {

    @Override
    void execute(Context context) {
        context.explorer().ifPresent(SavedConnectionsContentProvider::reload);
    }
}
