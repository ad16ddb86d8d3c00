package io.stratus.store.internal;

import io.stratus.core.store.AuditReader;
import io.stratus.core.store.IdentityReader;
import io.stratus.core.store.SavedConnectionReader;
import io.stratus.core.store.StoreReader;

/** A read transaction's areas, all on its one connection. */
record JdbcStoreReader(IdentityReader identity, SavedConnectionReader savedConnections, AuditReader audit)
        implements StoreReader {

    static JdbcStoreReader of(JdbcTransaction sql) {
        return new JdbcStoreReader(new JdbcIdentity(sql), new JdbcSavedConnections(sql), new JdbcAudit(sql));
    }
}
