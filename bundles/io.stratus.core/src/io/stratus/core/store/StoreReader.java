package io.stratus.core.store;

/** A read-only transaction: one view per feature area, all reading the same snapshot. */
public interface StoreReader {

    IdentityReader identity();

    SavedConnectionReader savedConnections();

    AuditReader audit();
}
