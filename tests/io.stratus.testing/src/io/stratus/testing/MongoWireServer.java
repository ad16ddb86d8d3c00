package io.stratus.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

import io.netty.channel.Channel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A MongoDB wire-protocol server for the DocumentDB tests: mongo-java-server's in-memory backend
 * on a free loopback port, over TLS with the {@link TestCertificates}, and with what it lacks and
 * DocumentDB has: a user who must log in with SCRAM-SHA-1 (MongoDB's flavour, over the MD5 of
 * {@code user:mongo:password}) before any command but the handshake.
 */
public final class MongoWireServer implements AutoCloseable {

    public static final String USER = "stratus";
    private static final int ITERATIONS = 4096;
    /** What a client may send before it has logged in. */
    private static final Set<String> OPEN_COMMANDS = Set.of("hello", "ismaster", "buildinfo", "saslstart", "saslcontinue",
            "getnonce", "ping", "endsessions");

    private final String password = UUID.randomUUID().toString();
    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireServer() throws IOException, GeneralSecurityException, InterruptedException {
        server = new MongoServer(new ScramBackend(USER, password));
        TestCertificates certificates = TestCertificates.shared();
        server.enableSsl(privateKey(certificates), null, certificate(certificates));
        server.bind("127.0.0.1", LocalServers.freeLoopbackPort());
        address = server.getLocalAddress();
    }

    public static MongoWireServer start() throws IOException, GeneralSecurityException, InterruptedException {
        return new MongoWireServer();
    }

    /**
     * Runs one outside OSGi, for the web console tests: prints {@code {"port", "user", "password",
     * "authority"}} (the test authority's PEM file) as one JSON line, then serves until its
     * standard input closes.
     */
    public static void main(String[] args) throws Exception {
        try (MongoWireServer mongo = start()) {
            System.out.printf("{\"port\": %d, \"user\": \"%s\", \"password\": \"%s\", \"authority\": \"%s\"}%n",
                    mongo.port(), mongo.user(), mongo.password(), TestCertificates.shared().authority());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    public int port() {
        return address.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static PrivateKey privateKey(TestCertificates certificates) throws IOException, GeneralSecurityException {
        String pem = Files.readString(certificates.serverKey());
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static X509Certificate certificate(TestCertificates certificates) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(certificates.serverCertificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The in-memory backend behind a SCRAM-SHA-1 login, one conversation per connection. */
    private static final class ScramBackend extends MemoryBackend {

        private final String user;
        private final byte[] salt = new byte[16];
        private final byte[] storedKey;
        private final byte[] serverKey;
        private final Map<Channel, String> conversations = new ConcurrentHashMap<>();
        private final Set<Channel> loggedIn = ConcurrentHashMap.newKeySet();

        ScramBackend(String user, String password) throws GeneralSecurityException {
            this.user = user;
            new SecureRandom().nextBytes(salt);
            String digested = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((user + ":mongo:" + password).getBytes(StandardCharsets.UTF_8)));
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                    .generateSecret(new PBEKeySpec(digested.toCharArray(), salt, ITERATIONS, 160)).getEncoded();
            storedKey = MessageDigest.getInstance("SHA-1").digest(hmac(salted, "Client Key"));
            serverKey = hmac(salted, "Server Key");
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            switch (command.toLowerCase(java.util.Locale.ROOT)) {
                case "saslstart" -> {
                    return first(channel, payload(query));
                }
                case "saslcontinue" -> {
                    return next(channel, payload(query));
                }
                default -> {
                    if (!loggedIn.contains(channel) && !OPEN_COMMANDS.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                        throw new MongoServerError(13, "Unauthorized", "command " + command + " requires authentication");
                    }
                    return super.handleCommand(channel, database, command, query);
                }
            }
        }

        @Override
        public void handleClose(Channel channel) {
            conversations.remove(channel);
            loggedIn.remove(channel);
            super.handleClose(channel);
        }

        /** client-first "n,,n=USER,r=NONCE" to server-first "r=NONCE+OURS,s=SALT,i=N". */
        private Document first(Channel channel, String clientFirst) {
            String bare = clientFirst.substring(clientFirst.indexOf("n=", 1));
            String name = attribute(bare, "n");
            if (!name.equals(user)) {
                throw authenticationFailed();
            }
            String serverFirst = "r=" + attribute(bare, "r") + UUID.randomUUID() + ",s="
                    + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
            conversations.put(channel, bare + "," + serverFirst);
            return reply(serverFirst, false);
        }

        /** client-final "c=biws,r=NONCE,p=PROOF" to server-final "v=SIGNATURE"; then the empty last step. */
        private Document next(Channel channel, String clientFinal) {
            String started = conversations.remove(channel);
            if (started == null) {
                if (loggedIn.contains(channel)) {
                    return reply("", true);
                }
                throw authenticationFailed();
            }
            String withoutProof = clientFinal.substring(0, clientFinal.lastIndexOf(",p="));
            String authMessage = started + "," + withoutProof;
            byte[] signature = hmac(storedKey, authMessage);
            byte[] proof = Base64.getDecoder().decode(attribute(clientFinal, "p"));
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                clientKey[i] = (byte) (proof[i] ^ signature[i % signature.length]);
            }
            try {
                if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-1").digest(clientKey), storedKey)) {
                    throw authenticationFailed();
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            loggedIn.add(channel);
            return reply("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)), false);
        }

        private static Document reply(String payload, boolean done) {
            Document reply = new Document();
            reply.put("conversationId", 1);
            reply.put("done", done);
            reply.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
            reply.put("ok", 1.0);
            return reply;
        }

        private static String payload(Document query) {
            Object payload = query.get("payload");
            byte[] bytes = payload instanceof BinData binary ? binary.getData() : (byte[]) payload;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private static String attribute(String message, String name) {
            for (String part : message.split(",")) {
                if (part.startsWith(name + "=")) {
                    return part.substring(name.length() + 1);
                }
            }
            throw authenticationFailed();
        }

        private static MongoServerError authenticationFailed() {
            return new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
        }

        private static byte[] hmac(byte[] key, String data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(key, "HmacSHA1"));
                return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
