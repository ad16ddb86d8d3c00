package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratus.aws.simulator.seed.RegionSeed.DynamoDbTable;
import io.stratus.aws.simulator.seed.RegionSeed;
import io.stratus.aws.simulator.seed.Seed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of every table the seed defines, per account, region and table; they start with the
 * seed's items and live as long as the simulator.
 */
public final class DynamoDbTables {

    private final Map<String, TableItems> tables = new HashMap<>();

    /** @throws IllegalArgumentException for a seed item DynamoDB would refuse, saying which and why */
    public DynamoDbTables(Seed seed) {
        ObjectMapper json = new ObjectMapper();
        for (Seed.Account account : seed.accounts()) {
            for (RegionSeed region : account.regions()) {
                for (DynamoDbTable table : region.dynamoDbTables()) {
                    TableItems items = new TableItems(new TableSchema(table));
                    load(items, table.items(), json, "DynamoDB table " + table.name() + " of account " + account.id()
                            + " in " + region.name());
                    tables.put(address(account.id(), region.name(), table.name()), items);
                }
            }
        }
    }

    /** The table of the account in the region; ResourceNotFoundException if there is none. */
    public TableItems table(String accountId, String region, String name) {
        TableItems table = tables.get(address(accountId, region, name));
        if (table == null) {
            throw Errors.resourceNotFound();
        }
        return table;
    }

    private static void load(TableItems table, List<Map<String, Object>> items, ObjectMapper json, String where) {
        for (int i = 0; i < items.size(); i++) {
            try {
                Item item = DynamoJson.item(json.valueToTree(items.get(i)), "item");
                ItemKey key = table.schema().checkItem(item);
                TableItems.Change change = table.write(key, existing -> item);
                if (change.before() != null) {
                    throw Errors.validation("Another item of the seed has the same key "
                            + table.schema().table().lastEvaluatedKey(item));
                }
            } catch (DynamoDbError e) {
                throw new IllegalArgumentException("Invalid seed: " + where + ", item " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String address(String accountId, String region, String table) {
        return accountId + "/" + region + "/" + table;
    }
}
