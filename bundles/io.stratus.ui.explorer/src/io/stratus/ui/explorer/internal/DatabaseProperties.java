package io.stratus.ui.explorer.internal;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.ConnectionSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/**
 * A discovered database in the Properties view: what it is (engine and version, status, ARN), how
 * to connect (endpoint, database, TLS, IAM authentication, URL) as far as the person may read that,
 * its tags and what AWS says besides (instance class, VPC, ...). Read-only, made once per selection.
 */
final class DatabaseProperties implements IPropertySource {

    private static final String DATABASE = "Database";
    private static final String CONNECTION = "Connection";
    private static final String TAGS = "Tags";
    private static final String DETAILS = "Details";

    private final Map<PropertyDescriptor, String> values = new LinkedHashMap<>();

    /** @param connection the connection settings, or why the person cannot see them */
    DatabaseProperties(CloudResource resource, String engineName, Connection connection) {
        put(DATABASE, "Name", resource.name());
        put(DATABASE, "ARN", resource.id());
        put(DATABASE, "Engine", engineName);
        put(DATABASE, "Version", resource.engineVersion());
        put(DATABASE, "Status", resource.status());
        put(DATABASE, "Kind", resource.kind());
        put(DATABASE, "Region", resource.region());
        put(DATABASE, "Service", resource.service().displayName());
        switch (connection) {
            case Connection.Readable readable -> {
                ConnectionSpec spec = readable.settings().spec();
                put(CONNECTION, "Host", spec.host());
                put(CONNECTION, "Port", Integer.toString(spec.port()));
                put(CONNECTION, "Database", spec.database().orElse("(none)"));
                tlsAndIam(spec.tlsRequired(), spec.iamAuthentication());
                readable.settings().url().ifPresent(url -> put(CONNECTION, "URL", url));
            }
            case Connection.Unreadable unreadable -> {
                put(CONNECTION, "Connection settings", unreadable.why());
                tlsAndIam(resource.tlsRequired(), resource.iamAuthentication());
            }
        }
        new TreeMap<>(resource.tags()).forEach((key, value) -> put(TAGS, key, value));
        new TreeMap<>(resource.details()).forEach((key, value) -> put(DETAILS, key, value));
    }

    /** Connection settings as the services gave them, or their refusal. */
    sealed interface Connection {
        record Readable(ConnectionSettings settings) implements Connection {
        }

        record Unreadable(String why) implements Connection {
        }

        static Connection of(java.util.function.Supplier<ConnectionSettings> read) {
            try {
                return new Readable(read.get());
            } catch (StratusException e) {
                return new Unreadable(e.getMessage());
            }
        }
    }

    private void put(String category, String name, String value) {
        PropertyDescriptor descriptor = new PropertyDescriptor(category + "." + name, name);
        descriptor.setCategory(category);
        values.put(descriptor, value == null || value.isEmpty() ? "\u2014" : value);
    }

    private void tlsAndIam(boolean tlsRequired, boolean iamAuthentication) {
        put(CONNECTION, "TLS", tlsRequired ? "required, verified" : "not required");
        put(CONNECTION, "IAM database authentication", iamAuthentication ? "available" : "not enabled");
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return values.keySet().toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        return values.entrySet().stream().filter(entry -> entry.getKey().getId().equals(id)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @Override
    public Object getEditableValue() {
        return null;
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
    }
}
