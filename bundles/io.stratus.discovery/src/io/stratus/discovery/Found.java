package io.stratus.discovery;

import io.stratus.core.cloud.CloudResource;

import java.util.List;

/** What a scan found, and which IAM actions were refused (their part is then missing). */
public record Found(List<CloudResource> resources, List<String> deniedActions) {

    public Found {
        resources = List.copyOf(resources);
        deniedActions = List.copyOf(deniedActions);
    }

    public static Found all(List<CloudResource> resources) {
        return new Found(resources, List.of());
    }

    public static Found denied(AccessDenied denied) {
        return new Found(List.of(), List.of(denied.action()));
    }
}
