package io.stratus.aws.simulator.internal.dynamodb;

/** One action of an UpdateExpression or a PartiQL UPDATE, on the attribute or element at its path. */
sealed interface UpdateAction {

    DocumentPath path();

    /** {@code SET path = value}. */
    record Set(DocumentPath path, Operand value) implements UpdateAction {
    }

    /** {@code REMOVE path}. */
    record Remove(DocumentPath path) implements UpdateAction {
    }

    /** {@code ADD path value}: adds to a number or unites sets; sets the value where there is none. */
    record Add(DocumentPath path, Operand value) implements UpdateAction {
    }

    /** {@code DELETE path value}: takes members out of a set, and the set away once empty. */
    record Delete(DocumentPath path, Operand value) implements UpdateAction {
    }
}
