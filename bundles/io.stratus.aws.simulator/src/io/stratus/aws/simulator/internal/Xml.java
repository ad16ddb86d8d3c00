package io.stratus.aws.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.function.BiConsumer;

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

    /** A leaf only if there is a value: the Query protocol leaves unset fields out. */
    Xml optionalLeaf(String name, Object value) {
        return value == null ? this : leaf(name, value);
    }

    /** A list in the Query protocol's shape: {@code <Things><Thing>..</Thing><Thing>..</Thing></Things>}. */
    <T> Xml list(String name, String memberName, Collection<T> items, BiConsumer<T, Xml> member) {
        start(name);
        for (T item : items) {
            start(memberName);
            member.accept(item, this);
            end();
        }
        return end();
    }

    /** Resource tags, which every Query service writes as {@code <Tag><Key>..</Key><Value>..</Value></Tag>}. */
    Xml tags(String name, Map<String, String> tags) {
        return list(name, "Tag", tags.entrySet(), (tag, xml) -> xml.leaf("Key", tag.getKey()).leaf("Value", tag.getValue()));
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
