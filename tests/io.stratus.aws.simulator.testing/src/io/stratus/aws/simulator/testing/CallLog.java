package io.stratus.aws.simulator.testing;

import java.time.Instant;
import java.util.List;

/** What the simulator was asked, so tests can assert how often a client called (and retried). */
public interface CallLog {

    /**
     * One received call. {@code action} is IAM-style ({@code sts:GetCallerIdentity});
     * {@code accessKeyId} is null for unsigned calls; {@code principalArn} is the owner of the access
     * key (whether or not the signature was right), null if the key is unknown; {@code errorCode} is
     * null on success; {@code status} is 0 and {@code fault} names it when the connection was dropped.
     */
    record Call(Instant time, String action, String accessKeyId, String principalArn, int status, String errorCode,
            Fault fault) {
    }

    /** The latest calls (the last 10,000), oldest first. */
    List<Call> all();

    /** How many calls matched the action pattern ({@code sts:*}, {@code iam:ListAccountAliases}). */
    long count(String actionPattern);

    /** How many calls matched the action pattern and were made with keys of that principal. */
    long count(String actionPattern, String principalArn);

    /** Forgets every call and count. */
    void clear();
}
