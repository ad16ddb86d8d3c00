package io.stratus.connect.internal;

import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.connector.DatabaseTrust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Trusts the AWS database certificate bundle shipped in this bundle, plus the PEM file named by
 * {@code trustedCertificates} of {@code io.stratus.connect} (an operator's own authority, for a
 * proxy or a self-managed database). Both are joined into one file in the bundle's data area,
 * written anew on every activation; it holds public certificates only.
 */
@Component(configurationPid = ConnectConfiguration.PID)
public final class AwsDatabaseTrust implements DatabaseTrust {

    static final String AWS_AUTHORITIES = "tls/aws-database-authorities.pem";

    @interface Config {
        /** A PEM file of additional certificate authorities; empty for AWS's only. */
        String trustedCertificates() default "";
    }

    private final Path authorities;
    private final SSLContext sslContext;

    @Activate
    public AwsDatabaseTrust(BundleContext context, Config config) throws IOException {
        byte[] aws;
        try (InputStream shipped = context.getBundle().getEntry(AWS_AUTHORITIES).openStream()) {
            aws = shipped.readAllBytes();
        }
        String operators = operatorsAuthorities(config.trustedCertificates().strip());
        Path joined = context.getDataFile("trusted-authorities.pem").toPath();
        Path written = Files.createTempFile(joined.getParent(), "trusted-authorities", ".pem");
        try {
            Files.write(written, aws);
            Files.writeString(written, operators, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
            Files.move(written, joined, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        this.authorities = joined;
        this.sslContext = sslContextOf(joined);
    }

    /** Every authority of the bundle as a trust anchor, and nothing else. */
    private static SSLContext sslContextOf(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (Certificate authority : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.setCertificateEntry("authority-" + n++, authority);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot build TLS over the trusted authorities of " + pem + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SSLContext sslContext() {
        return sslContext;
    }

    @Override
    public Path certificateAuthorities() {
        return authorities;
    }

    private static String operatorsAuthorities(String file) {
        if (file.isEmpty()) {
            return "";
        }
        String setting = "Setting trustedCertificates of io.stratus.connect: ";
        byte[] pem;
        try {
            pem = Files.readAllBytes(Path.of(file));
        } catch (IOException | UncheckedIOException e) {
            throw new StratusException(Problem.INVALID_INPUT, setting + "cannot read " + file + " (" + e.getMessage()
                    + "). Name a readable PEM file of certificate authorities, or leave it empty.");
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).isEmpty()) {
                throw new CertificateException("it holds no certificate");
            }
        } catch (CertificateException e) {
            throw new StratusException(Problem.INVALID_INPUT, setting + file + " is not a PEM file of certificates ("
                    + e.getMessage() + "). Give authorities as -----BEGIN CERTIFICATE----- blocks.");
        }
        return "\n# " + file + "\n" + new String(pem, StandardCharsets.US_ASCII);
    }
}
