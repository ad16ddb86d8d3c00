package io.stratus.aws.simulator.testing;

import io.stratus.aws.simulator.internal.AwsError;
import io.stratus.aws.simulator.internal.CallControl;
import io.stratus.aws.simulator.internal.Dispatcher.Answer;
import io.stratus.aws.simulator.internal.Reply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tests' say in each call: the latency and faults a test set, applied before authentication
 * as at AWS's front door, and every call recorded with how it was answered.
 */
final class TestCallControl implements CallControl {

    private static final byte[] HTML_PAGE = ("<!DOCTYPE html><html><head><title>Sign in to the network</title></head>"
            + "<body><p>Sign in to continue.</p></body></html>").getBytes(StandardCharsets.UTF_8);

    private final FaultInjection faults;
    private final CallRecorder calls;

    TestCallControl(FaultInjection faults, CallRecorder calls) {
        this.faults = faults;
        this.calls = calls;
    }

    @Override
    public Answer answer(Call call, Supplier<Answer> simulator) {
        pause(faults.latencyFor(call.action(), call.region()));
        Optional<Fault> fault = faults.faultFor(call.action(), call.region());
        Answer answer = fault.map(f -> faultyAnswer(f, call)).orElseGet(simulator);
        calls.record(switch (answer) {
            case Answer.Respond sent -> new CallLog.Call(call.time(), call.action(), call.accessKeyId(),
                    call.principalArn(), sent.reply().status(), sent.reply().errorCode(), fault.orElse(null));
            case Answer.Drop drop -> new CallLog.Call(call.time(), call.action(), call.accessKeyId(),
                    call.principalArn(), 0, null, fault.orElse(null));
        });
        return answer;
    }

    @Override
    public Duration clockOffset() {
        return faults.clockOffset();
    }

    /** The fault as the call's wire protocol carries it. */
    private static Answer faultyAnswer(Fault fault, Call call) {
        var api = call.api();
        Reply reply = switch (fault) {
            case THROTTLING -> api.error(new AwsError(AwsError.Kind.THROTTLING, "Rate exceeded"), call.requestId());
            case KEYS_REJECTED -> api.error(AwsError.invalidClientToken(), call.requestId());
            case INTERNAL_ERROR -> api.error(AwsError.internalFailure(), call.requestId());
            case SERVICE_UNAVAILABLE -> api.error(new AwsError(AwsError.Kind.SERVICE_UNAVAILABLE,
                    "The request has failed due to a temporary failure of the server."), call.requestId());
            case MALFORMED_RESPONSE -> api.malformed(call.operation());
            case EMPTY_RESULT -> api.emptyResult(call.operation(), call.requestId());
            case EMPTY_BODY -> Reply.success("text/xml", new byte[0]);
            case HTML_PAGE -> Reply.success("text/html", HTML_PAGE);
            case CONNECTION_RESET, CONNECTION_CLOSE -> null;
        };
        return reply == null ? new Answer.Drop(fault == Fault.CONNECTION_RESET)
                : new Answer.Respond(reply, call.requestId(), call.time());
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the listener is stopping: answer at once
        }
    }
}
