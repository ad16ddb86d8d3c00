package io.stratus.core.database;

/** A column of a result: its name (label) and the type name the database gives it. */
public record ResultColumn(String name, String type) {
}
