package io.stratus.aws.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Writes the small XML documents of the Query protocol; {@link #end()} closes the innermost open element. */
final class Xml {

    private final StringBuilder text = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    Xml start(String name, String namespace) {
        text.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
        open.push(name);
        return this;
    }

    Xml start(String name) {
        text.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    Xml end() {
        text.append("</").append(open.pop()).append('>');
        return this;
    }

    Xml leaf(String name, Object value) {
        return start(name).text(String.valueOf(value)).end();
    }

    private Xml text(String value) {
        text.append(escape(value));
        return this;
    }

    byte[] toBytes() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("Unclosed XML elements: " + open);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
