package io.stratus.core.store;

/** A read-write transaction: what it changes in any of its areas commits together or not at all. */
public interface StoreWriter extends StoreReader {

    @Override
    IdentityWriter identity();

    @Override
    SavedConnectionWriter savedConnections();

    @Override
    AuditWriter audit();
}
