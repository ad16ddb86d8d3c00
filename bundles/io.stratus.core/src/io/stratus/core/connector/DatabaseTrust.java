package io.stratus.core.connector;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

/**
 * The certificate authorities database connections trust for TLS: the AWS certificate bundle of
 * RDS, Aurora, DocumentDB and Redshift shipped with Stratus, plus any the operator adds.
 * Hostnames are always verified against them.
 */
public interface DatabaseTrust {

    /** A PEM file holding every trusted authority, for drivers that read trust from a file. */
    Path certificateAuthorities();

    /** TLS that trusts exactly these authorities, for drivers that take an SSLContext. */
    SSLContext sslContext();
}
