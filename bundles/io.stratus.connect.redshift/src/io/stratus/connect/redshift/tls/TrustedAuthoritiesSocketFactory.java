package io.stratus.connect.redshift.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts exactly the authorities of a PEM bundle, all of them. The Redshift driver
 * creates it by name ({@code sslfactory}) with the bundle's path ({@code sslfactoryarg}); the
 * driver itself then checks the host name, as {@code sslmode=verify-full} asks. Its own PEM
 * reading keeps only one certificate of a bundle, which the AWS bundle's many roots need.
 */
public final class TrustedAuthoritiesSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;

    public TrustedAuthoritiesSocketFactory(String pemBundle) {
        try (InputStream in = Files.newInputStream(Path.of(pemBundle))) {
            KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
            authorities.load(null, null);
            int n = 0;
            for (Certificate authority : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                authorities.setCertificateEntry("authority-" + n++, authority);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(authorities);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            this.delegate = context.getSocketFactory();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trusted authorities " + pemBundle, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build TLS over the trusted authorities " + pemBundle, e);
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
