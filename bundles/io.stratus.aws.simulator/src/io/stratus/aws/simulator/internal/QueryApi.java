package io.stratus.aws.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS Query protocol (STS, IAM, RDS, Redshift): form-encoded {@code Action=..&Version=..}
 * requests, XML answers in the service's namespace.
 */
record QueryApi(String service, String version, Map<String, QueryApi.Operation> operations) implements Api {

    @FunctionalInterface
    interface Operation {
        /** Writes the content of the {@code <ActionResult>} element. */
        void answer(Invocation invocation, Map<String, String> parameters, Xml result);
    }

    private String namespace() {
        return "https://" + service + ".amazonaws.com/doc/" + version + "/";
    }

    @Override
    public String actionOf(HttpCall call) {
        return call.formParameters().getOrDefault("Action", "");
    }

    @Override
    public Reply answer(Invocation invocation, HttpCall call, String requestId) {
        Map<String, String> parameters = call.formParameters();
        String action = parameters.getOrDefault("Action", "");
        Operation operation = operations.get(action);
        if (operation == null || !version.equals(parameters.get("Version"))) {
            throw new AwsError(AwsError.Kind.INVALID_ACTION,
                    "Could not find operation " + action + " for version " + parameters.get("Version"));
        }
        Xml xml = new Xml().start(action + "Response", namespace()).start(action + "Result");
        operation.answer(invocation, parameters, xml);
        xml.end().start("ResponseMetadata").leaf("RequestId", requestId).end().end();
        return Reply.success("text/xml", xml.toBytes());
    }

    @Override
    public Reply error(AwsError error, String requestId) {
        Xml xml = new Xml().start("ErrorResponse", namespace())
                .start("Error")
                .leaf("Type", error.senderFault() ? "Sender" : "Receiver")
                .leaf("Code", error.kind.queryCode)
                .leaf("Message", error.getMessage())
                .end()
                .leaf("RequestId", requestId)
                .end();
        return new Reply(error.kind.status, "text/xml", xml.toBytes(), error.kind.queryCode);
    }

    @Override
    public Reply malformed(String action) {
        String cutOff = "<" + action + "Response xmlns=\"" + namespace() + "\"><" + action + "Result><";
        return Reply.success("text/xml", cutOff.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Reply emptyResult(String action, String requestId) {
        Xml xml = new Xml().start(action + "Response", namespace())
                .start(action + "Result").end()
                .start("ResponseMetadata").leaf("RequestId", requestId).end()
                .end();
        return Reply.success("text/xml", xml.toBytes());
    }
}
