package io.stratus.core.database;

/** An entry of a database's catalog: its name, kind ({@code schema}, {@code table}, {@code view}, {@code column}) and detail. */
public record CatalogEntry(String name, String kind, String detail) {
}
