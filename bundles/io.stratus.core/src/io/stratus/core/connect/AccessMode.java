package io.stratus.core.connect;

/** What a database session may do: Viewers read only, Users may write too. */
public enum AccessMode {
    READ_ONLY, READ_WRITE
}
