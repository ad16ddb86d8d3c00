package io.stratus.core.store;

import java.util.List;

/** The audit trail, as a transaction reads it. */
public interface AuditReader {

    /** The newest entries first, at most {@code limit} (1 or more, else {@code INVALID_INPUT}). */
    List<AuditEntry> newest(int limit);
}
