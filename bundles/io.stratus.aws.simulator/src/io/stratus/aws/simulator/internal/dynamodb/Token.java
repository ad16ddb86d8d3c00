package io.stratus.aws.simulator.internal.dynamodb;

/**
 * A token of an expression or a PartiQL statement. {@code text} is what it stands for (a quoted
 * string without its quotes); {@code start} and {@code end} locate it in the source.
 */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        /** A bare name or keyword: {@code price}, {@code AND}. */
        WORD,
        /** PartiQL's double-quoted name: {@code "my table"}. */
        QUOTED_NAME,
        /** An expression attribute name: {@code #n}. */
        NAME_REF,
        /** An expression attribute value: {@code :v}. */
        VALUE_REF,
        /** PartiQL's single-quoted string: {@code 'text'}. */
        STRING,
        NUMBER,
        /** PartiQL's {@code ?}. */
        PARAMETER,
        SYMBOL,
        END
    }

    /** This symbol, or this keyword in any case. */
    boolean is(String symbolOrKeyword) {
        return kind == Kind.SYMBOL ? text.equals(symbolOrKeyword)
                : kind == Kind.WORD && text.equalsIgnoreCase(symbolOrKeyword);
    }
}
