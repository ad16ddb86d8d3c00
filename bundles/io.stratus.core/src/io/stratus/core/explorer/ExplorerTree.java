package io.stratus.core.explorer;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The navigator tree of one signed-in person: account, then service, then region, then the
 * databases found there. Every service and region pair carries its own status, so partial
 * results are always shown.
 */
public record ExplorerTree(String accountId, List<ServiceNode> services) {

    public record ServiceNode(CloudService service, List<RegionNode> regions) {
        public ServiceNode {
            regions = List.copyOf(regions);
        }
    }

    public record RegionNode(String region, ScanStatus status, Instant scannedAt, List<CloudResource> resources) {
        public RegionNode {
            resources = List.copyOf(resources);
        }
    }

    public ExplorerTree {
        services = List.copyOf(services);
    }

    /** Every resource of the tree, cluster members included. */
    public List<CloudResource> allResources() {
        return services.stream().flatMap(s -> s.regions().stream()).flatMap(r -> r.resources().stream())
                .flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r), r.members().stream()))
                .toList();
    }

    public Optional<CloudResource> find(String resourceId) {
        return allResources().stream().filter(r -> r.id().equals(resourceId)).findFirst();
    }

    /** The node of the service with this id in the region. */
    public Optional<RegionNode> node(String service, String region) {
        return services.stream().filter(s -> s.service().id().equals(service)).flatMap(s -> s.regions().stream())
                .filter(r -> r.region().equals(region)).findFirst();
    }

    /** The same tree with only the resources the filter keeps; statuses stay, so nothing is hidden. */
    public ExplorerTree filter(ExplorerFilter filter) {
        Predicate<CloudResource> keep = filter::matches;
        return new ExplorerTree(accountId, services.stream()
                .map(s -> new ServiceNode(s.service(), s.regions().stream()
                        .map(r -> new RegionNode(r.region(), r.status(), r.scannedAt(),
                                r.resources().stream().filter(keep).toList()))
                        .toList()))
                .toList());
    }
}
