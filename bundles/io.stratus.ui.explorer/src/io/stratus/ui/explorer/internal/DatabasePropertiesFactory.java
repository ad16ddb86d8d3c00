package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.ui.session.CurrentSession;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shows a selected database in the Properties view: adapts {@link CloudResource} to {@link IPropertySource}. */
@Component(service = IAdapterFactory.class, property = {
        IAdapterFactory.SERVICE_PROPERTY_ADAPTABLE_CLASS + "=io.stratus.core.cloud.CloudResource",
        IAdapterFactory.SERVICE_PROPERTY_ADAPTER_NAMES + "=org.eclipse.ui.views.properties.IPropertySource"})
public final class DatabasePropertiesFactory implements IAdapterFactory {

    @Reference
    private CurrentSession session;
    @Reference
    private CloudExplorer explorer;

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adaptable instanceof CloudResource resource && adapterType == IPropertySource.class) {
            return adapterType.cast(new DatabaseProperties(resource, Engines.of(explorer).name(resource.engine()),
                    DatabaseProperties.Connection.of(() -> ConnectionSettings.of(session, explorer, resource))));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IPropertySource.class};
    }
}
