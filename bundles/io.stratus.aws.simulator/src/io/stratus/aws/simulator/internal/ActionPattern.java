package io.stratus.aws.simulator.internal;

import java.util.regex.Pattern;

/** IAM's action matching: {@code *} and {@code ?} wildcards, case-insensitive ({@code sts:Get*}). */
public final class ActionPattern {

    private ActionPattern() {
    }

    public static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }
}
