package io.stratus.connect.dynamodb.internal;

import io.stratus.core.database.ResultColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What rows of a table look like: a column per key attribute (partition key, then sort key), typed
 * as the table defines them, and a last column with the whole item in DynamoDB JSON, since items
 * of one table need not share any other attribute.
 */
record TableShape(TableDescription description, List<String> key, List<ResultColumn> columns) {

    static final String ITEM_COLUMN = "item";

    static TableShape of(TableDescription table) {
        List<String> key = table.keySchema().stream().map(KeySchemaElement::attributeName).toList();
        List<ResultColumn> columns = new ArrayList<>();
        for (String attribute : key) {
            columns.add(new ResultColumn(attribute, typeName(attributeType(table, attribute))));
        }
        columns.add(new ResultColumn(ITEM_COLUMN, "json"));
        return new TableShape(table, key, List.copyOf(columns));
    }

    String name() {
        return description.tableName();
    }

    /** The item's row; its JSON is written in {@code scratch}, which may serve row after row. */
    List<Object> row(Map<String, AttributeValue> item, StringBuilder scratch) {
        Object[] row = new Object[key.size() + 1];
        for (int i = 0; i < key.size(); i++) {
            row[i] = AttributeJson.keyValue(item.get(key.get(i)));
        }
        row[key.size()] = AttributeJson.write(item, key, scratch);
        return Arrays.asList(row); // a key attribute a projection left out is null
    }

    static String attributeType(TableDescription table, String attribute) {
        return table.attributeDefinitions().stream().filter(d -> d.attributeName().equals(attribute))
                .map(AttributeDefinition::attributeTypeAsString).findFirst().orElse("S");
    }

    private static String typeName(String attributeType) {
        return switch (attributeType) {
            case "N" -> "number";
            case "B" -> "binary";
            default -> "string";
        };
    }
}
