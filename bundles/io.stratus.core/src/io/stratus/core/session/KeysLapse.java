package io.stratus.core.session;

/**
 * Why a live session's AWS keys no longer serve. The session stays, with its open databases, editors and
 * explorer, and waits for new keys ({@link SignInService#renew}); meanwhile every loan of its keys is refused
 * with {@link io.stratus.core.Problem#KEYS_EXPIRED}. Its idle and absolute timeouts still end it.
 */
public enum KeysLapse {
    EXPIRED("keys-expired", "The temporary AWS keys of your session expired. Re-authenticate (new keys, a new MFA "
            + "code, or the role again) to carry on where you are: your open databases and work stay."),
    REJECTED("keys-rejected", "AWS no longer accepts the keys of your session: they expired, or were deactivated or "
            + "deleted. Re-authenticate with keys of the same identity to carry on where you are: your open databases "
            + "and work stay.");

    private final String id;
    private final String explanation;

    KeysLapse(String id, String explanation) {
        this.id = id;
        this.explanation = explanation;
    }

    /** The stable name, as the audit trail's outcome of {@code keys-lapse}. */
    public String id() {
        return id;
    }

    /** What happened and what to do, for the person whose session it is. */
    public String explanation() {
        return explanation;
    }
}
