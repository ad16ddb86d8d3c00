package io.stratus.ui.explorer;

import io.stratus.core.database.SavedConnection;

/** One of the signed-in person's saved connections (never a password), which opens in one step. */
public record SavedConnectionItem(SavedConnection connection) {
}
