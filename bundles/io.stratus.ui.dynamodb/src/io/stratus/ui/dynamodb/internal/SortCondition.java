package io.stratus.ui.dynamodb.internal;

/** How a Query narrows the sort key, as the AWS Console's form offers it. */
public enum SortCondition {
    ANY("any"),
    EQUAL("="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    BEGINS_WITH("begins with"),
    BETWEEN("between");

    private final String label;

    SortCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the condition takes a value; between takes a second one as well. */
    public boolean takesValue() {
        return this != ANY;
    }

    /** The condition in a key condition expression, on {@code #sk} with {@code :sk} (and {@code :sk2}). */
    String expression() {
        return switch (this) {
            case ANY -> "";
            case BEGINS_WITH -> "begins_with(#sk, :sk)";
            case BETWEEN -> "#sk BETWEEN :sk AND :sk2";
            default -> "#sk " + label + " :sk";
        };
    }
}
