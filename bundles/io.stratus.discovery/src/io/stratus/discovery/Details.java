package io.stratus.discovery;

import java.util.LinkedHashMap;
import java.util.Map;

/** A resource's details for display, in the order given; facts AWS did not give are left out. */
public final class Details {

    private final Map<String, String> values = new LinkedHashMap<>();

    public Details put(String key, Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
        return this;
    }

    public Map<String, String> toMap() {
        return values;
    }
}
