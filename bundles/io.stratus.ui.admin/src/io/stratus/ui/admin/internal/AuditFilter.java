package io.stratus.ui.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Which audit entries the view shows: who (part of their name or id), what (one action), when (how recent). */
record AuditFilter(String who, Optional<String> what, Period when) {

    /** How far back entries are shown. */
    enum Period {
        ANY_TIME("Any time", null),
        LAST_HOUR("Last hour", Duration.ofHours(1)),
        LAST_DAY("Last 24 hours", Duration.ofDays(1)),
        LAST_WEEK("Last 7 days", Duration.ofDays(7)),
        LAST_MONTH("Last 30 days", Duration.ofDays(30));

        final String label;
        private final Duration span;

        Period(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        boolean includes(Instant at, Instant now) {
            return span == null || !at.isBefore(now.minus(span));
        }
    }

    boolean shows(AuditRow row, Instant now) {
        return row.who().toLowerCase(Locale.ROOT).contains(who.strip().toLowerCase(Locale.ROOT))
                && what.map(action -> action.equals(row.record().action())).orElse(true)
                && when.includes(row.record().at(), now);
    }
}
