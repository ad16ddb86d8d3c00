package io.stratus.aws.simulator.internal.dynamodb;

/** A PartiQL statement on one table. */
sealed interface Statement {

    String table();

    /** {@code SELECT * | paths FROM table[.index] [WHERE condition]}; projection and where may be null. */
    record Select(String table, String index, Projection projection, Condition where) implements Statement {
    }

    /** {@code INSERT INTO table VALUE {...}}. */
    record Insert(String table, Item item) implements Statement {
    }

    /** {@code UPDATE table SET ... REMOVE ... WHERE condition}. */
    record Update(String table, ItemUpdate update, Condition where) implements Statement {
    }

    /** {@code DELETE FROM table WHERE condition}. */
    record Delete(String table, Condition where) implements Statement {
    }
}
