package io.stratus.aws.simulator.internal.dynamodb;

import io.stratus.aws.simulator.seed.RegionSeed.KeyAttribute;

import java.util.ArrayList;
import java.util.List;

/** The key of a table or an index: a partition key and, optionally, a sort key. */
record KeySchema(KeyAttribute partition, KeyAttribute sort) {

    public List<KeyAttribute> attributes() {
        List<KeyAttribute> attributes = new ArrayList<>(List.of(partition));
        if (sort != null) {
            attributes.add(sort);
        }
        return attributes;
    }

    boolean contains(String attribute) {
        return partition.name().equals(attribute) || (sort != null && sort.name().equals(attribute));
    }
}
