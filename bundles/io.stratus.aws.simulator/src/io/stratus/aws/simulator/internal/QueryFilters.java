package io.stratus.aws.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Filters} of a Query-protocol request
 * ({@code Filters.Filter.1.Name=engine&Filters.Filter.1.Values.Value.1=docdb}) as a test on
 * resources: a resource passes if, for every filter, its field equals one of the filter's values.
 */
final class QueryFilters {

    private static final Pattern FILTER_NAME = Pattern.compile("Filters\\.(?:Filter|member)\\.(\\d+)\\.Name");

    private QueryFilters() {
    }

    /** {@code fields} maps each filter name the operation knows to the field of the resource it tests. */
    static <T> Predicate<T> of(Map<String, String> parameters, Map<String, Function<T, String>> fields) {
        Predicate<T> all = resource -> true;
        for (Map.Entry<Integer, String> filter : names(parameters).entrySet()) {
            Function<T, String> field = fields.get(filter.getValue());
            if (field == null) {
                throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "Unrecognized filter name: "
                        + filter.getValue() + ". Known filter names: " + String.join(", ", new TreeMap<>(fields).keySet()));
            }
            List<String> values = values(parameters, filter.getKey());
            all = all.and(resource -> values.contains(field.apply(resource)));
        }
        return all;
    }

    private static Map<Integer, String> names(Map<String, String> parameters) {
        Map<Integer, String> names = new TreeMap<>();
        parameters.forEach((name, value) -> {
            Matcher filter = FILTER_NAME.matcher(name);
            if (filter.matches()) {
                names.put(Integer.valueOf(filter.group(1)), value);
            }
        });
        return names;
    }

    private static List<String> values(Map<String, String> parameters, int filter) {
        Pattern valueName = Pattern.compile("Filters\\.(?:Filter|member)\\." + filter + "\\.Values\\.(?:Value|member)\\.\\d+");
        List<String> values = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (valueName.matcher(name).matches()) {
                values.add(value);
            }
        });
        return values;
    }
}
