package io.stratus.ui.admin.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments as the administration's tables show them: local time, to the second, sortable as text. */
final class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** Empty for a moment that has not happened (a user who never signed in again). */
    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(ZoneId.systemDefault()));
    }
}
