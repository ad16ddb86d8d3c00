package io.stratus.ui.explorer.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.ui.session.CurrentSession;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * Shows a selected database in the Properties view: adapts {@link CloudResource} to
 * {@link IPropertySource}. Declared in plugin.xml rather than as a DS component, so that nothing
 * starts Stratus's services before a person selects a database (in an IDE they start by themselves,
 * in the background); the workbench's context finds them then.
 */
public final class DatabasePropertiesFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (!(adaptable instanceof CloudResource resource) || adapterType != IPropertySource.class
                || !PlatformUI.isWorkbenchRunning()) {
            return null;
        }
        CurrentSession session = PlatformUI.getWorkbench().getService(CurrentSession.class);
        CloudExplorer explorer = PlatformUI.getWorkbench().getService(CloudExplorer.class);
        Engines engines = explorer == null ? Engines.NONE : Engines.of(explorer);
        return adapterType.cast(new DatabaseProperties(resource, engines.name(resource.engine()),
                DatabaseProperties.Connection.of(() -> {
                    if (session == null || explorer == null) {
                        throw new StratusException(Problem.UNAVAILABLE, "Stratus's services are not running yet.");
                    }
                    return ConnectionSettings.of(session, explorer, resource);
                })));
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IPropertySource.class};
    }
}
