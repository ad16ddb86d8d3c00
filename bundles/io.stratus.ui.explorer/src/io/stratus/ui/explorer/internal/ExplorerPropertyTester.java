package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.CloudResource;

import org.eclipse.core.expressions.PropertyTester;

/**
 * Properties of a discovered database for plugin.xml expressions (namespace
 * {@code io.stratus.ui.explorer}): {@code engine} (its engine id, such as {@code postgres}),
 * {@code service} (such as {@code RDS}) and {@code hasEndpoint}. Engine bundles trigger their
 * navigator content on {@code engine}.
 */
public final class ExplorerPropertyTester extends PropertyTester {

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expected) {
        CloudResource resource = (CloudResource) receiver;
        return switch (property) {
            case "engine" -> resource.engine().equalsIgnoreCase(String.valueOf(expected));
            case "service" -> resource.service().id().equalsIgnoreCase(String.valueOf(expected));
            case "hasEndpoint" -> resource.endpoint().isPresent() == (expected == null || Boolean.TRUE.equals(expected));
            default -> false;
        };
    }
}
