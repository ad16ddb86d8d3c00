package io.stratus.aws.simulator.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One page of a Query-protocol {@code Describe*} answer, as RDS and Redshift page: at most
 * {@code MaxRecords} items (20 to 100, default 100), starting at the opaque {@code Marker} the
 * previous page ended with. The marker is the position of the next page's first item.
 */
record Page<T>(List<T> items, String nextMarker) {

    private static final int MIN_RECORDS = 20;
    private static final int MAX_RECORDS = 100;

    static <T> Page<T> of(List<T> all, Map<String, String> parameters) {
        int size = maxRecords(parameters.get("MaxRecords"));
        int from = start(parameters.get("Marker"), all.size());
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    /** Writes the page's items as the list {@code name} of {@code memberName} elements, then the marker if more follow. */
    void write(Xml result, String name, String memberName, BiConsumer<T, Xml> member) {
        result.list(name, memberName, items, member).optionalLeaf("Marker", nextMarker);
    }

    private static int maxRecords(String value) {
        if (value == null) {
            return MAX_RECORDS;
        }
        try {
            int records = Integer.parseInt(value);
            if (records >= MIN_RECORDS && records <= MAX_RECORDS) {
                return records;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE,
                "Invalid value " + value + " for MaxRecords. Must be between " + MIN_RECORDS + " and " + MAX_RECORDS);
    }

    private static int start(String marker, int total) {
        if (marker == null) {
            return 0;
        }
        try {
            int start = Integer.parseInt(marker);
            if (start >= 0 && start <= total) {
                return start;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a marker out of range
        }
        throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "The marker " + marker + " is not valid.");
    }
}
