package io.stratus.profiles.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code credential_process} command line into the program and its arguments as the AWS CLI does
 * (botocore's {@code compat_shell_split}): POSIX shell quoting ({@code shlex.split}) except on Windows, where
 * the rules of the Microsoft C runtime apply. No shell runs it: no variables, globs, pipes or redirections.
 */
final class CommandLine {

    private CommandLine() {
    }

    /** @throws IllegalArgumentException for a quotation that is not closed (or a trailing escape) */
    static List<String> split(String line, boolean windows) {
        return windows ? splitWindows(line) : splitPosix(line);
    }

    /** {@code shlex.split}: quotes group, '\' escapes outside quotes and '"' or '\' inside double quotes. */
    private static List<String> splitPosix(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (++i == line.length()) {
                        throw new IllegalArgumentException("No escaped character");
                    }
                    word.append(line.charAt(i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("No closing quotation");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** botocore's {@code _windows_shell_split}: backslashes are literal unless a double quote follows them. */
    private static List<String> splitWindows(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        int backslashes = 0;
        for (char c : line.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                word.append("\\".repeat(backslashes / 2));
                boolean escaped = backslashes % 2 == 1;
                backslashes = 0;
                if (escaped) {
                    word.append('"');
                } else {
                    quoted = !quoted;
                }
                continue;
            }
            if (backslashes > 0) {
                word = word == null ? new StringBuilder() : word;
                word.append("\\".repeat(backslashes));
                backslashes = 0;
            }
            if ((c == ' ' || c == '\t') && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("No closing quotation");
        }
        if (backslashes > 0) {
            word = word == null ? new StringBuilder() : word;
            word.append("\\".repeat(backslashes));
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
