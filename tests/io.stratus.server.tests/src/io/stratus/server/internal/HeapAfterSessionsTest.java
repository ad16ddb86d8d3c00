package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.connector.IamTokenRequest;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.testing.StratusServices;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * After sessions end (one signed out, one expired while idle, one signed in with an MFA code and one
 * as a role, both on keys STS issued), a dump of the live heap holds no copy of the secret access
 * key nor of the issued ones, in Latin-1/UTF-8 or UTF-16, and none of the SigV4 signing keys derived
 * from them. Everything runs in this JVM: the HTTP API, the services and the AWS simulator, which is
 * closed and let go before the dump. The test itself keeps only the seed the secret is made from and
 * the issued secrets masked, so a secret is in the heap only where Stratus or the SDK left it.
 */
class HeapAfterSessionsTest {

    private static final String ACCOUNT = "123456789012";
    private static final String KEY_ID = "AKIAHEAPDUMP00000001";
    private static final String MFA_SECRET = "ONSWG4TFORZWS3TUNBSWC4BAMZXXE4TV";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/HeapRole";
    private static final String REGION = "eu-west-1";
    private static final String[] SIGNED_SERVICES = {"sts", "iam", "organizations", "rds", "redshift", "dynamodb",
            "rds-db", "dsql", "redshift-serverless", "secretsmanager"};
    private static final String[] SIGNED_REGIONS = {"us-east-1", "aws-global", REGION};

    /** Long enough for a cold discovery on a busy machine: a session must not expire while in use. */
    private static final long IDLE_TIMEOUT_SECONDS = 10;

    private final long secretSeed = new SecureRandom().nextLong();

    @Test
    void noSecretNorSigningKeyIsLeftInTheLiveHeapAfterSessionsEnd() throws Exception {
        StratusServices stratus = new StratusServices();
        Path dump = Path.of(System.getProperty("stratus.test.work"), "after-sessions.hprof");
        try {
            List<Masked> issued = useTheKeysAndEndTheirSessions(stratus);
            Files.deleteIfExists(dump);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);

            Map<String, byte[]> needles = needles("the secret", secret());
            for (int i = 0; i < issued.size(); i++) {
                needles.putAll(needles("issued secret " + (i + 1), issued.get(i).unmasked()));
            }
            List<String> found = search(dump, needles);
            assertEquals(List.of(), found, "the secret, or a key derived from it, is still reachable");
        } finally {
            Files.deleteIfExists(dump);
            stratus.useAuth(Map.of());
        }
    }

    /**
     * Signs in twice over HTTP, calls every service, then signs out and lets the other session expire;
     * then signs in with an MFA code and as a role, calls every service and signs out.
     *
     * @return the secret keys STS issued, masked
     */
    private List<Masked> useTheKeysAndEndTheirSessions(StratusServices stratus) throws Exception {
        Map<String, String> keys = Map.of("accessKeyId", KEY_ID, "secretAccessKey", secret());
        try (TestAwsSimulator simulator = TestAwsSimulator.start(Seed.builder()
                .account(ACCOUNT, account -> account.alias("heap-dump")
                        .user("heidi", u -> u.accessKey(KEY_ID, secret()).mfaDevice("heidi-phone", MFA_SECRET))
                        .role("HeapRole", role -> role.trustedBy("heidi"))
                        .region(REGION, r -> r
                                .dbInstance("orders", db -> db.engine("postgres").iamAuthentication(true))
                                .redshiftCluster("warehouse", rs -> rs.nodeType("ra3.xlplus"))
                                .dynamoDbTable("carts", t -> t.partitionKey("cart", "S"))))
                .build())) {
            stratus.useAws(simulator, Map.of());
            stratus.useAuth(Map.of("idleTimeoutSeconds", IDLE_TIMEOUT_SECONDS));
            stratus.configure(ExplorerConfiguration.PID, new java.util.Hashtable<>(Map.of(ExplorerConfiguration.REGIONS, new String[] {REGION})));
            stratus.freshInstance("heap");
            stratus.service(ApiDispatcher.class);
            HttpApiServer server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    () -> stratus.currentService(ApiDispatcher.class),
                    FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), Optional.empty());
            int port = server.start().getPort();
            try {
                ApiClient heidi = new ApiClient(port);
                assertEquals(201, heidi.post("/api/setup", keys).statusCode());
                useEveryService(stratus, heidi, simulator);
                assertEquals(204, heidi.send("DELETE", "/api/session", null).statusCode());

                assertEquals(201, heidi.post("/api/session", keys).statusCode());
                useEveryService(stratus, heidi, simulator);
                Thread.sleep((IDLE_TIMEOUT_SECONDS + 1) * 1_000); // idle for longer than allowed
                ApiClient.assertError(heidi.get("/api/session"), 401, "not_signed_in");

                String code = new Seed.MfaDevice("heidi-phone", MFA_SECRET).codeAt(simulator.now());
                for (Map<String, String> exchanged : List.of(with(keys, "mfaCode", code), with(keys, "roleArn", ROLE_ARN))) {
                    ApiClient person = new ApiClient(port);
                    assertEquals(201, person.post("/api/session", exchanged).statusCode());
                    useEveryService(stratus, person, simulator);
                    assertEquals(204, person.send("DELETE", "/api/session", null).statusCode());
                }
                List<Masked> issued = simulator.issuedSecrets().stream().filter(secret -> secret.length() < 100) // not the tokens
                        .map(Masked::of).toList();
                assertEquals(2, issued.size(), "STS issued keys for the MFA sign-in and for the role; it was asked: "
                        + simulator.calls().all().stream().filter(call -> call.action().startsWith("sts:"))
                                .map(call -> call.action() + " " + call.status()).toList());
                return issued;
            } finally {
                server.stop();
            }
        }
    }

    private static Map<String, String> with(Map<String, String> keys, String field, String value) {
        Map<String, String> body = new LinkedHashMap<>(keys);
        body.put(field, value);
        return body;
    }

    /** A secret XOR-masked with random bytes: the test holds no copy of it while the heap is dumped. */
    private record Masked(byte[] bytes, byte[] mask) {
        static Masked of(String secret) {
            byte[] bytes = secret.getBytes(StandardCharsets.ISO_8859_1);
            byte[] mask = new byte[bytes.length];
            new SecureRandom().nextBytes(mask);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] ^= mask[i];
            }
            return new Masked(bytes, mask);
        }

        String unmasked() {
            byte[] plain = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                plain[i] = (byte) (bytes[i] ^ mask[i]);
            }
            return new String(plain, StandardCharsets.ISO_8859_1);
        }
    }

    /** STS (sign-in), IAM and Organizations (account details), RDS, Redshift, DynamoDB (discovery), an RDS IAM token. */
    private static void useEveryService(StratusServices stratus, ApiClient person, TestAwsSimulator simulator)
            throws Exception {
        StratusServices.awaitTrue("the account alias is read", () -> {
            try {
                return ApiClient.json(person.get("/api/instance")).path("accountAlias").asText().equals("heap-dump");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(200, person.post("/api/explorer/refresh", Map.of()).statusCode());
        String explorer = person.get("/api/explorer").body();
        for (String database : List.of("orders", "warehouse", "carts")) {
            assertTrue(explorer.contains("\"" + database + "\""), database + " discovered: " + explorer);
        }
        AwsKeys keys = stratus.signIn().find(person.sessionCookie()).orElseThrow().awsKeys();
        Secret token = stratus.aws().iamToken(keys, REGION,
                IamTokenRequest.rds("orders.example.eu-west-1.rds.amazonaws.com", 5432, "app"), simulator.now());
        simulator.verifyRdsAuthToken(token.reveal(), "orders.example.eu-west-1.rds.amazonaws.com", 5432, REGION, "app");
        token.clear();
    }

    /** The secret, made afresh from the seed whenever it is needed, so that no copy of the test's own stays. */
    private String secret() {
        SplittableRandom random = new SplittableRandom(secretSeed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder secret = new StringBuilder("heap");
        while (secret.length() < 40) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    /** A secret in each encoding a heap holds text in, and the SigV4 signing keys of today and yesterday. */
    private static Map<String, byte[]> needles(String name, String secret) throws GeneralSecurityException {
        Map<String, byte[]> needles = new LinkedHashMap<>();
        needles.put(name + " in Latin-1/UTF-8", secret.getBytes(StandardCharsets.ISO_8859_1));
        needles.put(name + " in UTF-16BE", secret.getBytes(StandardCharsets.UTF_16BE));
        needles.put(name + " in UTF-16LE", secret.getBytes(StandardCharsets.UTF_16LE));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate day : List.of(today, today.minusDays(1))) {
            String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
            for (String region : SIGNED_REGIONS) {
                for (String service : SIGNED_SERVICES) {
                    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
                    key = hmac(key, region);
                    key = hmac(key, service);
                    needles.put(name + "'s signing key " + date + "/" + region + "/" + service, hmac(key, "aws4_request"));
                }
            }
        }
        return needles;
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** Which needles occur in the file, each with how often. */
    private static List<String> search(Path file, Map<String, byte[]> needles) throws IOException {
        List<String> found = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            assertTrue(channel.size() < Integer.MAX_VALUE, "a heap dump of at most 2 GB: " + channel.size());
            MappedByteBuffer heap = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            for (Map.Entry<String, byte[]> needle : needles.entrySet()) {
                int count = occurrences(heap, needle.getValue());
                if (count > 0) {
                    found.add(needle.getKey() + " (" + count + "x)");
                }
            }
        }
        return found;
    }

    private static int occurrences(MappedByteBuffer heap, byte[] needle) {
        int count = 0;
        int last = heap.limit() - needle.length;
        for (int at = 0; at <= last; at++) {
            if (heap.get(at) == needle[0] && matches(heap, at, needle)) {
                count++;
            }
        }
        return count;
    }

    private static boolean matches(MappedByteBuffer heap, int at, byte[] needle) {
        for (int i = 1; i < needle.length; i++) {
            if (heap.get(at + i) != needle[i]) {
                return false;
            }
        }
        return true;
    }
}
