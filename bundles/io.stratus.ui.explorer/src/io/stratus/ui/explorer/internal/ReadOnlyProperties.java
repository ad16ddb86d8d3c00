package io.stratus.ui.explorer.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/** A node's properties in the Properties view, by category, in the order they were put; nothing is editable. */
public class ReadOnlyProperties implements IPropertySource {

    private final Map<PropertyDescriptor, String> values = new LinkedHashMap<>();

    /** Puts a value; an empty one shows as a dash. */
    public final ReadOnlyProperties put(String category, String name, String value) {
        PropertyDescriptor descriptor = new PropertyDescriptor(category + "." + name, name);
        descriptor.setCategory(category);
        values.put(descriptor, value == null || value.isEmpty() ? "\u2014" : value);
        return this;
    }

    @Override
    public final IPropertyDescriptor[] getPropertyDescriptors() {
        return values.keySet().toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public final Object getPropertyValue(Object id) {
        return values.entrySet().stream().filter(entry -> entry.getKey().getId().equals(id)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @Override
    public final Object getEditableValue() {
        return null;
    }

    @Override
    public final boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public final void resetPropertyValue(Object id) {
    }

    @Override
    public final void setPropertyValue(Object id, Object value) {
    }
}
