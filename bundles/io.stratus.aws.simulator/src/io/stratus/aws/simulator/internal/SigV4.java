package io.stratus.aws.simulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signature Version 4, from the server's side: read the Authorization header, recompute the signature. */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private SigV4() {
    }

    /** The parts of {@code Authorization: AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex}. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
            String signature) {

        String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    static Authorization parse(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            String algorithm = header.split(" ", 2)[0];
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'");
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : header.substring(ALGORITHM.length() + 1).split(",")) {
            String[] nameValue = field.trim().split("=", 2);
            if (nameValue.length == 2) {
                fields.put(nameValue[0], nameValue[1]);
            }
        }
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!fields.containsKey(required)) {
                throw incomplete("Authorization header requires '" + required + "' parameter. Authorization=" + header);
            }
        }
        String[] scope = fields.get("Credential").split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            throw incomplete("Credential should be of the form KEY/YYYYMMDD/REGION/SERVICE/aws4_request, not '"
                    + fields.get("Credential") + "'.");
        }
        return new Authorization(scope[0], scope[1], scope[2], scope[3], List.of(fields.get("SignedHeaders").split(";")),
                fields.get("Signature"));
    }

    /** True if {@code authorization.signature()} is the one {@code secret} gives for this request. */
    static boolean verify(HttpCall call, Authorization authorization, String amzDate, String secret) {
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + authorization.scope() + "\n"
                + hex(sha256(canonicalRequest(call, authorization.signedHeaders()).getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), authorization.date());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, "aws4_request");
        byte[] expected = hmac(key, stringToSign);
        return MessageDigest.isEqual(hex(expected).getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private static String canonicalRequest(HttpCall call, List<String> signedHeaders) {
        String payloadHash = call.header("x-amz-content-sha256");
        return call.method() + "\n"
                + canonicalPath(call.rawPath()) + "\n"
                + canonicalQuery(call.rawQuery()) + "\n"
                + signedHeaders.stream().map(name -> name + ":" + canonicalValue(call.header(name)) + "\n")
                        .collect(Collectors.joining())
                + "\n"
                + String.join(";", signedHeaders) + "\n"
                + (payloadHash != null ? payloadHash : hex(sha256(call.body())));
    }

    /** Services other than S3 encode the already-encoded path once more; the SDK does the same. */
    private static String canonicalPath(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : encode(rawPath, false);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameValue = pair.split("=", 2);
            pairs.add(encode(decode(nameValue[0]), true) + "=" + encode(nameValue.length == 2 ? decode(nameValue[1]) : "", true));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static String canonicalValue(String value) {
        return value == null ? "" : value.trim().replaceAll(" +", " ");
    }

    /** SigV4's URI encoding: everything but unreserved characters (and '/' in paths) as %XX. */
    private static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static AwsError incomplete(String message) {
        return new AwsError(AwsError.Kind.INCOMPLETE_SIGNATURE, message);
    }
}
