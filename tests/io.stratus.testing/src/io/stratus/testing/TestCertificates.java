package io.stratus.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority of the test run and one server certificate it signed for 127.0.0.1 and
 * localhost, made once per test JVM with Debian's openssl: the test database servers speak TLS
 * with it, and the connectors trust {@link #authority()} as an operator's own authority.
 */
public final class TestCertificates {

    private static TestCertificates shared;

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    public static synchronized TestCertificates shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path directory = Files.createTempDirectory("stratus-tls-");
            Path log = directory.resolve("openssl.log");
            openssl(log, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                    "-subj", "/CN=Stratus test authority", "-keyout", directory.resolve("ca.key").toString(),
                    "-out", directory.resolve("ca.pem").toString());
            openssl(log, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-keyout", directory.resolve("server.key").toString(), "-out", directory.resolve("server.csr").toString());
            Path extensions = directory.resolve("server.ext");
            Files.writeString(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
            openssl(log, "x509", "-req", "-in", directory.resolve("server.csr").toString(), "-days", "2",
                    "-CA", directory.resolve("ca.pem").toString(), "-CAkey", directory.resolve("ca.key").toString(),
                    "-CAcreateserial", "-extfile", extensions.toString(), "-out", directory.resolve("server.pem").toString());
            shared = new TestCertificates(directory);
        }
        return shared;
    }

    /** The PEM certificate of the authority that signed the servers' certificates. */
    public Path authority() {
        return directory.resolve("ca.pem");
    }

    /** The server's certificate, for 127.0.0.1 and localhost. */
    public Path serverCertificate() {
        return directory.resolve("server.pem");
    }

    /** The server's private key (PKCS#8 PEM), for servers that take it in the test's own process. */
    public Path serverKey() {
        return directory.resolve("server.key");
    }

    /**
     * Copies the server's certificate and key into a server's directory, readable by its owner
     * only (PostgreSQL refuses a key others can read); returns {certificate, key}.
     */
    List<Path> installServerIdentity(Path into, UserPrincipal owner) throws IOException {
        Path certificate = Files.copy(directory.resolve("server.pem"), into.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        Path key = Files.copy(directory.resolve("server.key"), into.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        if (owner != null) {
            Files.setOwner(certificate, owner);
            Files.setOwner(key, owner);
        }
        return List.of(certificate, key);
    }

    private static void openssl(Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        LocalServers.run("make a test certificate", command, log);
    }
}
