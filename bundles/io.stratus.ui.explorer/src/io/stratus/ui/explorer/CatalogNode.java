package io.stratus.ui.explorer;

/**
 * A node of an open database's catalog in the Cloud Explorer: the connection itself, an entry of its
 * catalog, or a notice in place of entries still being read (or that could not be read).
 */
public sealed interface CatalogNode permits OpenDatabaseItem, CatalogItem, CatalogNotice, CatalogMore {
}
