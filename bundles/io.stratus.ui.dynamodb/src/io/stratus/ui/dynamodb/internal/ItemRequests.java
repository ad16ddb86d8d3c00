package io.stratus.ui.dynamodb.internal;

import io.stratus.ui.dynamodb.internal.TableKeys.Attribute;
import io.stratus.ui.dynamodb.internal.TableKeys.Source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.OptionalInt;

/**
 * The DynamoDB requests the editor sends, in the JSON form the connector takes ({@code {"Query":
 * {...}}}, the table implied). Attribute names always go through placeholders, so a key named
 * like a reserved word ({@code user}, {@code status}) needs no care.
 */
public final class ItemRequests {

    private ItemRequests() {
    }

    /** Every item of the table or index; {@code limit} caps the items of each response. */
    public static String scan(Source source, OptionalInt limit) {
        ObjectNode scan = ItemJson.JSON.createObjectNode();
        source.index().ifPresent(index -> scan.put("IndexName", index));
        limit.ifPresent(most -> scan.put("Limit", most));
        return request("Scan", scan);
    }

    /**
     * The items of one partition of the table or index, narrowed by the sort key when a condition is
     * given; throws saying what to fix when a value does not fit its attribute.
     */
    public static String query(Source source, String partitionValue, SortCondition condition, String sortValue,
            String sortValueTo, OptionalInt limit) {
        ObjectNode query = ItemJson.JSON.createObjectNode();
        source.index().ifPresent(index -> query.put("IndexName", index));
        ObjectNode names = ItemJson.JSON.createObjectNode().put("#pk", source.partition().name());
        ObjectNode values = ItemJson.JSON.createObjectNode();
        values.set(":pk", ItemJson.typed(source.partition(), partitionValue, "partition key"));
        String expression = "#pk = :pk";
        if (condition.takesValue() && source.sort().isPresent()) {
            Attribute sort = source.sort().get();
            if (condition == SortCondition.BEGINS_WITH && sort.type().equals("N")) {
                throw new InvalidInput("begins with compares text: " + sort.name() + " is a number. Use between instead.");
            }
            names.put("#sk", sort.name());
            values.set(":sk", ItemJson.typed(sort, sortValue, "sort key"));
            if (condition == SortCondition.BETWEEN) {
                values.set(":sk2", ItemJson.typed(sort, sortValueTo, "sort key's upper bound"));
            }
            expression += " AND " + condition.expression();
        }
        query.put("KeyConditionExpression", expression);
        query.set("ExpressionAttributeNames", names);
        query.set("ExpressionAttributeValues", values);
        limit.ifPresent(most -> query.put("Limit", most));
        return request("Query", query);
    }

    /** One item by its key, as it is now. */
    public static String get(ObjectNode key) {
        ObjectNode get = ItemJson.JSON.createObjectNode();
        get.set("Key", key);
        get.put("ConsistentRead", true);
        return request("GetItem", get);
    }

    /**
     * Puts the item: a new one only where no item has its key ({@code replacing} false), an edited
     * one only where its item still is (so neither overwrites nor brings back an item unseen).
     */
    public static String put(ObjectNode item, Source table, boolean replacing) {
        ObjectNode put = ItemJson.JSON.createObjectNode();
        put.set("Item", item);
        put.put("ConditionExpression", (replacing ? "attribute_exists" : "attribute_not_exists") + "(#pk)");
        put.putObject("ExpressionAttributeNames").put("#pk", table.partition().name());
        return request("PutItem", put);
    }

    public static String delete(ObjectNode key) {
        ObjectNode delete = ItemJson.JSON.createObjectNode();
        delete.set("Key", key);
        return request("DeleteItem", delete);
    }

    private static String request(String operation, ObjectNode fields) {
        try {
            return ItemJson.JSON.writeValueAsString(ItemJson.JSON.createObjectNode().set(operation, fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always writes", e);
        }
    }
}
