package io.stratus.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.identity.AwsCredentials;

import java.util.List;
import java.util.concurrent.ExecutorService;

/** Finds the databases of one service in one region. */
interface Scanner {

    CloudService service();

    /**
     * @param parallel where independent calls of the same scan may run side by side
     * @return what was found, and which IAM actions were refused (their part is then missing)
     */
    Found scan(AwsCalls aws, AwsCredentials credentials, ScanScope scope, ExecutorService parallel);

    record Found(List<CloudResource> resources, List<String> deniedActions) {
        static Found all(List<CloudResource> resources) {
            return new Found(resources, List.of());
        }
    }

    /** Where the scan runs: the account, its partition and the region. */
    record ScanScope(String accountId, String partition, String region) {
        String arn(String service, String resource) {
            return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
        }
    }
}
