package io.stratus.aws.simulator.internal.dynamodb;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB value. Values are immutable and equal when DynamoDB holds them equal: numbers by
 * value ({@code 1.0 = 1}), binaries by content, sets whatever their order.
 */
sealed interface AttributeValue
        permits AttributeValue.Scalar, AttributeValue.Bool, AttributeValue.Null, AttributeValue.L, AttributeValue.M,
        AttributeValue.ScalarSet {

    /** DynamoDB's type descriptor: S, N, B, BOOL, NULL, L, M, SS, NS or BS. */
    String type();

    /** The bytes DynamoDB counts for the value (for numbers an estimate, as DynamoDB's own). */
    int size();

    /** The types keys, sets and ordering comparisons are made of. */
    sealed interface Scalar extends AttributeValue, Comparable<Scalar> permits S, N, B {

        /** Orders by type first, so any two scalars compare; within a type as DynamoDB sorts keys. */
        @Override
        default int compareTo(Scalar other) {
            return type().equals(other.type()) ? compareSameType(other) : type().compareTo(other.type());
        }

        int compareSameType(Scalar other);
    }

    record S(String value) implements Scalar {
        @Override
        public String type() {
            return "S";
        }

        @Override
        public int size() {
            return Utf8.length(value);
        }

        @Override
        public int compareSameType(Scalar other) {
            return Utf8.compare(value, ((S) other).value);
        }
    }

    /** A number, normalized so that numerically equal numbers are equal records. */
    record N(BigDecimal value) implements Scalar {
        private static final int MAX_DIGITS = 38;
        private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
        private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

        public N {
            value = value.stripTrailingZeros();
        }

        /** Parses DynamoDB's text form, within its range of 38 digits and magnitudes 1E-130 to 1E+126. */
        public static N parse(String text) {
            try {
                return of(new BigDecimal(text.strip()));
            } catch (NumberFormatException e) {
                throw Errors.validation("A value provided cannot be converted into a number");
            }
        }

        /** A number within DynamoDB's limits (38 significant digits, magnitudes 1E-130 to under 1E+126). */
        public static N of(BigDecimal number) {
            BigDecimal magnitude = number.abs();
            if (magnitude.stripTrailingZeros().precision() > MAX_DIGITS) {
                throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
            }
            if (magnitude.compareTo(LARGEST) > 0) {
                throw Errors.validation(
                        "Number overflow. Attempting to store a number with magnitude larger than supported range");
            }
            if (magnitude.signum() != 0 && magnitude.compareTo(SMALLEST) < 0) {
                throw Errors.validation(
                        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
            }
            return new N(number);
        }

        /** As DynamoDB writes numbers back: without exponent or trailing zeros. */
        public String text() {
            return value.toPlainString();
        }

        @Override
        public String type() {
            return "N";
        }

        @Override
        public int size() {
            return (value.precision() + 1) / 2 + 1;
        }

        @Override
        public int compareSameType(Scalar other) {
            return value.compareTo(((N) other).value);
        }
    }

    /** Binary data, ordered by unsigned bytes. */
    record B(byte[] value) implements Scalar {
        public B {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(value);
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public int size() {
            return value.length;
        }

        @Override
        public int compareSameType(Scalar other) {
            return Arrays.compareUnsigned(value, ((B) other).value);
        }

        boolean startsWith(B prefix) {
            return value.length >= prefix.value.length
                    && Arrays.equals(value, 0, prefix.value.length, prefix.value, 0, prefix.value.length);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof B b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + base64() + "]";
        }
    }

    record Bool(boolean value) implements AttributeValue {
        @Override
        public String type() {
            return "BOOL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    record Null() implements AttributeValue {
        public static final Null INSTANCE = new Null();

        @Override
        public String type() {
            return "NULL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** A list; DynamoDB counts 3 bytes for it and 1 for each element. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }

        @Override
        public int size() {
            return 3 + values.stream().mapToInt(value -> 1 + value.size()).sum();
        }
    }

    /** A map of names to values; DynamoDB counts 3 bytes for it and 1 for each entry. */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Item.copyInOrder(values);
        }

        @Override
        public String type() {
            return "M";
        }

        @Override
        public int size() {
            return 3 + values.entrySet().stream()
                    .mapToInt(entry -> 1 + Utf8.length(entry.getKey()) + entry.getValue().size()).sum();
        }
    }

    /** A string, number or binary set ({@code SS}, {@code NS}, {@code BS}): never empty, no duplicates. */
    record ScalarSet(String type, Set<Scalar> members) implements AttributeValue {
        public ScalarSet {
            members = Item.copyInOrder(members);
        }

        @Override
        public int size() {
            return members.stream().mapToInt(AttributeValue::size).sum();
        }
    }
}
