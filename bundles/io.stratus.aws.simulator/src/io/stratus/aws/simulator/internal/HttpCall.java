package io.stratus.aws.simulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as SigV4 sees it: the path and query exactly as sent (still percent-encoded),
 * header names in lower case, the body as bytes.
 */
record HttpCall(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    /** The header's values joined by commas, as SigV4 canonicalizes them; null if absent. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null ? null : String.join(",", values);
    }

    /** The parameters of the query string alone, as REST protocols send them. */
    Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        addForm(rawQuery, parameters);
        return parameters;
    }

    /** Form parameters of the query string and the (form-encoded) body, as the Query protocol sends them. */
    Map<String, String> formParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        addForm(rawQuery, parameters);
        addForm(new String(body, StandardCharsets.UTF_8), parameters);
        return parameters;
    }

    private static void addForm(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(decode(name), decode(value));
        }
    }

    /** A malformed escape is kept as sent: the request then fails as an unknown action, not as a crash. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
