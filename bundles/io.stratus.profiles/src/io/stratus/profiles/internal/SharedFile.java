package io.stratus.profiles.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One AWS shared file parsed as the AWS CLI and SDKs read it: {@code [section]} headers, {@code key = value}
 * properties (key names in any case), whole-line comments starting with {@code #} or {@code ;}, comments after
 * a value when whitespace precedes the {@code #} or {@code ;}, and indented continuation lines, which belong to
 * the property above them (so the nested settings of {@code s3 =} stay out of the profile). In the config file
 * a profile's section is {@code [profile NAME]} ({@code [default]} too), an IAM Identity Center session's
 * {@code [sso-session NAME]}, and other sections are not profiles; in the credentials file every section is a
 * profile. Values are kept as characters so that secrets never become Strings; {@link #wipe()} overwrites them.
 */
final class SharedFile {

    enum Kind {
        CONFIG, CREDENTIALS
    }

    /** A value and where it was set, for messages that say what to fix. */
    record Value(char[] chars, Path file) {

        String text() {
            return new String(chars);
        }
    }

    private final Path path;
    private final Kind kind;
    private final Map<String, Map<String, Value>> profiles = new LinkedHashMap<>();
    private final Map<String, Map<String, Value>> ssoSessions = new LinkedHashMap<>();

    private SharedFile(Path path, Kind kind) {
        this.path = path;
        this.kind = kind;
    }

    Path path() {
        return path;
    }

    /** The profiles, by name, in the order the file has them; their properties by lower-case key. */
    Map<String, Map<String, Value>> profiles() {
        return profiles;
    }

    Map<String, Map<String, Value>> ssoSessions() {
        return ssoSessions;
    }

    /** The file parsed; a file that does not exist has no profiles (the AWS CLI reads it so too). */
    static SharedFile read(Path path, Kind kind) {
        SharedFile file = new SharedFile(path, kind);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return file;
        } catch (IOException e) {
            throw new StratusException(Problem.INVALID_INPUT, "Stratus cannot read the AWS " + kindName(kind) + " file "
                    + shown(path) + ": " + e.getMessage() + ". Check that it is a file you may read.", e);
        }
        char[] text = null;
        try {
            text = decode(bytes, path, kind);
            file.parse(text);
            return file;
        } catch (RuntimeException e) {
            file.wipe();
            throw e;
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (text != null) {
                Arrays.fill(text, '\0');
            }
        }
    }

    private static char[] decode(byte[] bytes, Path path, Kind kind) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] text = new char[decoded.remaining()];
            decoded.get(text);
            Arrays.fill(decoded.array(), '\0');
            return text;
        } catch (CharacterCodingException e) {
            throw new StratusException(Problem.INVALID_INPUT, "The AWS " + kindName(kind) + " file " + shown(path)
                    + " is not UTF-8 text. Save it as UTF-8.");
        }
    }

    /** A file as the person knows it: {@code ~/.aws/config} rather than the whole path of their home folder. */
    static String shown(Path file) {
        Path home = Path.of(System.getProperty("user.home"));
        return file.startsWith(home) ? "~/" + home.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    static String kindName(Kind kind) {
        return kind == Kind.CONFIG ? "config" : "credentials";
    }

    private void parse(char[] text) {
        Map<String, Value> section = null;
        boolean inSection = false;
        String lastKey = null;
        int lineNumber = 0;
        boolean profileDefaultSeen = false;
        int start = 0;
        while (start <= text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            lineNumber++;
            int lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            int first = skipBlanks(text, start, lineEnd);
            if (first == lineEnd || text[first] == '#' || text[first] == ';') {
                // blank or a comment
            } else if (first > start) { // indented: continues the property above
                if (lastKey == null) {
                    throw malformed(lineNumber, "an indented line continues the property above it, and there is none");
                }
                if (section != null) {
                    Value above = section.get(lastKey);
                    section.put(lastKey, new Value(join(above.chars(), text, first, trimEnd(text, first, lineEnd)), path));
                    Arrays.fill(above.chars(), '\0');
                }
            } else if (text[first] == '[') {
                String header = header(text, first, lineEnd, lineNumber);
                lastKey = null;
                inSection = true;
                section = null;
                if (kind == Kind.CREDENTIALS) {
                    section = profiles.computeIfAbsent(header, name -> new LinkedHashMap<>());
                } else if (header.equals("default")) {
                    section = profileDefaultSeen ? null : profiles.computeIfAbsent("default", name -> new LinkedHashMap<>());
                } else {
                    String[] words = header.split("\\s+");
                    if (words.length == 2 && words[0].equals("profile")) {
                        if (words[1].equals("default") && !profileDefaultSeen) { // [profile default] wins over [default]
                            profileDefaultSeen = true;
                            wipe(profiles.remove("default"));
                        }
                        section = profiles.computeIfAbsent(words[1], name -> new LinkedHashMap<>());
                    } else if (words.length == 2 && words[0].equals("sso-session")) {
                        section = ssoSessions.computeIfAbsent(words[1], name -> new LinkedHashMap<>());
                    } // else a section that holds no profile (such as [services ...]): its properties are skipped
                }
            } else {
                int equals = indexOf(text, '=', first, lineEnd);
                if (equals < 0) {
                    throw malformed(lineNumber, "a line in a section is 'key = value', and this one has no '='");
                }
                if (!inSection) {
                    throw malformed(lineNumber, "a property comes before the first [section]");
                }
                String key = new String(text, first, trimEnd(text, first, equals) - first).toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    throw malformed(lineNumber, "the property has no name before its '='");
                }
                int valueStart = skipBlanks(text, equals + 1, lineEnd);
                int valueEnd = trimEnd(text, valueStart, commentStart(text, valueStart, lineEnd));
                lastKey = key;
                if (section != null) {
                    Value replaced = section.put(key, new Value(Arrays.copyOfRange(text, valueStart, valueEnd), path));
                    if (replaced != null) {
                        Arrays.fill(replaced.chars(), '\0');
                    }
                }
            }
            start = end + 1;
        }
    }

    /** The section's name, without brackets, surrounding blanks or a comment after the closing bracket. */
    private String header(char[] text, int first, int lineEnd, int lineNumber) {
        int close = indexOf(text, ']', first, lineEnd);
        if (close < 0) {
            throw malformed(lineNumber, "a section header ends with ']'");
        }
        int after = skipBlanks(text, close + 1, lineEnd);
        if (after < lineEnd && text[after] != '#' && text[after] != ';') {
            throw malformed(lineNumber, "only a comment may follow a section header's ']'");
        }
        String name = new String(text, first + 1, close - first - 1).strip();
        if (name.isEmpty()) {
            throw malformed(lineNumber, "the section has no name");
        }
        return name;
    }

    /** Where a comment starts after a value: a '#' or ';' with whitespace before it, as the AWS SDKs read values. */
    private static int commentStart(char[] text, int from, int lineEnd) {
        for (int i = from; i < lineEnd; i++) {
            if ((text[i] == '#' || text[i] == ';') && (i == from || Character.isWhitespace(text[i - 1]))) {
                return i;
            }
        }
        return lineEnd;
    }

    private static char[] join(char[] above, char[] text, int from, int to) {
        char[] joined = new char[above.length + 1 + to - from];
        System.arraycopy(above, 0, joined, 0, above.length);
        joined[above.length] = '\n';
        System.arraycopy(text, from, joined, above.length + 1, to - from);
        return joined;
    }

    private static int skipBlanks(char[] text, int from, int to) {
        int i = from;
        while (i < to && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int trimEnd(char[] text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text[i - 1])) {
            i--;
        }
        return i;
    }

    private static int indexOf(char[] text, char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private StratusException malformed(int line, String rule) {
        return new StratusException(Problem.INVALID_INPUT, "Line " + line + " of the AWS " + kindName(kind) + " file "
                + shown(path) + " cannot be read: " + rule + ". Fix the file (the AWS CLI reads it the same way).");
    }

    /** Overwrites every value. */
    void wipe() {
        profiles.values().forEach(SharedFile::wipe);
        ssoSessions.values().forEach(SharedFile::wipe);
    }

    private static void wipe(Map<String, Value> section) {
        if (section != null) {
            section.values().forEach(value -> Arrays.fill(value.chars(), '\0'));
        }
    }
}
