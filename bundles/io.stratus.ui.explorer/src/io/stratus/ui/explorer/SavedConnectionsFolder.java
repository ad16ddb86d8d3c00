package io.stratus.ui.explorer;

/** The Cloud Explorer's "Saved Connections" node: the signed-in person's own saved connections. */
public record SavedConnectionsFolder() {
}
