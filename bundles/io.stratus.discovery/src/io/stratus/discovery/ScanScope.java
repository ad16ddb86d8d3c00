package io.stratus.discovery;

/** Where a scan runs: the account, its partition and the region. */
public record ScanScope(String accountId, String partition, String region) {

    /** The ARN of a resource of the service in this scope. */
    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
