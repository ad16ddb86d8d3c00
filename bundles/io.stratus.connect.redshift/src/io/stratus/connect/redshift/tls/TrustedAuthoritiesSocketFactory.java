package io.stratus.connect.redshift.tls;

import io.stratus.core.connector.DatabaseTrust;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocketFactory;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * TLS that trusts exactly Stratus's database authorities ({@link DatabaseTrust}), all of them. The
 * Redshift driver creates it by name ({@code sslfactory}); the driver itself then checks the host
 * name, as {@code sslmode=verify-full} asks. Its own PEM reading keeps only one certificate of a
 * bundle, which the AWS bundle's many roots need.
 */
public final class TrustedAuthoritiesSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;

    public TrustedAuthoritiesSocketFactory() {
        BundleContext context = FrameworkUtil.getBundle(TrustedAuthoritiesSocketFactory.class).getBundleContext();
        ServiceReference<DatabaseTrust> trust = context == null ? null : context.getServiceReference(DatabaseTrust.class);
        if (trust == null) {
            throw new IllegalStateException("The database authorities are not available: Stratus is stopping or starting.");
        }
        try {
            this.delegate = context.getService(trust).sslContext().getSocketFactory();
        } finally {
            context.ungetService(trust);
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
