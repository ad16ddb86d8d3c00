package io.stratus.core.database;

/** What an open database may do: Viewers read only, Users may write too. */
public enum AccessMode {
    READ_ONLY, READ_WRITE
}
