package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.CallLog;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@link CallLog}; the dispatcher adds one {@link Call} per request it receives. */
public final class CallRecorder implements CallLog {

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    void record(Call call) {
        calls.add(call);
    }

    @Override
    public List<Call> all() {
        return List.copyOf(calls);
    }

    @Override
    public long count(String actionPattern) {
        return calls.stream().filter(c -> ActionPattern.matches(actionPattern, c.action())).count();
    }

    @Override
    public long count(String actionPattern, String principalArn) {
        return calls.stream()
                .filter(c -> ActionPattern.matches(actionPattern, c.action()) && Objects.equals(principalArn, c.principalArn()))
                .count();
    }

    @Override
    public void clear() {
        calls.clear();
    }
}
