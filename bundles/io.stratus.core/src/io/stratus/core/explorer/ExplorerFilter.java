package io.stratus.core.explorer;

import io.stratus.core.cloud.CloudResource;

import java.util.Locale;
import java.util.Optional;

/**
 * Narrows the tree: by text (in the name, id or endpoint), engine, status, and a tag
 * ({@code key} or {@code key=value}). Empty parts match everything; a cluster matches when it or
 * one of its members does.
 */
public record ExplorerFilter(Optional<String> text, Optional<String> engine, Optional<String> status,
        Optional<String> tag) {

    public static final ExplorerFilter NONE = new ExplorerFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public boolean matches(CloudResource resource) {
        return matchesItself(resource) || resource.members().stream().anyMatch(this::matchesItself);
    }

    private boolean matchesItself(CloudResource r) {
        return text.map(t -> contains(r.name(), t) || contains(r.id(), t)
                        || r.endpoint().map(e -> contains(e.host(), t)).orElse(false)).orElse(true)
                && engine.map(e -> r.engine().equalsIgnoreCase(e)).orElse(true)
                && status.map(s -> r.status().equalsIgnoreCase(s)).orElse(true)
                && tag.map(t -> hasTag(r, t)).orElse(true);
    }

    private static boolean hasTag(CloudResource r, String tag) {
        int eq = tag.indexOf('=');
        return eq < 0 ? r.tags().containsKey(tag) : tag.substring(eq + 1).equals(r.tags().get(tag.substring(0, eq)));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
