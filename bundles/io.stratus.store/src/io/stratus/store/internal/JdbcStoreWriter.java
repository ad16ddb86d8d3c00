package io.stratus.store.internal;

import io.stratus.core.store.AuditWriter;
import io.stratus.core.store.IdentityWriter;
import io.stratus.core.store.SavedConnectionWriter;
import io.stratus.core.store.StoreWriter;

/** A write transaction's areas, all on its one connection, so their changes commit together. */
record JdbcStoreWriter(IdentityWriter identity, SavedConnectionWriter savedConnections, AuditWriter audit)
        implements StoreWriter {

    static JdbcStoreWriter of(JdbcTransaction sql) {
        JdbcIdentityWriter identity = new JdbcIdentityWriter(sql);
        return new JdbcStoreWriter(identity, new JdbcSavedConnectionWriter(sql, identity), new JdbcAuditWriter(sql));
    }
}
