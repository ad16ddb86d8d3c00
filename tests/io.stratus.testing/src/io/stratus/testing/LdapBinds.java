package io.stratus.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The part of an LDAP server that PostgreSQL's {@code ldap} authentication (simple bind mode, see
 * {@link PostgresServer#authenticateByLdap}) talks to: it answers each simple bind request (LDAPv3,
 * RFC 4511, BER-encoded) with success or "invalid credentials" as {@link Check} decides, and ends
 * the connection at the unbind. Nothing else of LDAP. Listens on a free loopback port until closed.
 */
public final class LdapBinds implements AutoCloseable {

    /** Decides a bind: the distinguished name and the password a client sent. */
    @FunctionalInterface
    public interface Check {
        boolean allows(String name, String password);
    }

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int ENUMERATED = 0x0a;
    private static final int BIND_REQUEST = 0x60;
    private static final int BIND_RESPONSE = 0x61;
    private static final int SIMPLE_PASSWORD = 0x80;
    private static final int SUCCESS = 0;
    private static final int INVALID_CREDENTIALS = 49;

    private final ServerSocket listening;
    private final Check check;

    private LdapBinds(ServerSocket listening, Check check) {
        this.listening = listening;
        this.check = check;
    }

    public static LdapBinds start(Check check) throws IOException {
        LdapBinds server = new LdapBinds(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), check);
        Thread.ofPlatform().name("ldap-binds").daemon().start(server::accept);
        return server;
    }

    public int port() {
        return listening.getLocalPort();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Thread.ofPlatform().name("ldap-binds-client").daemon().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; DataInputStream in = new DataInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream()) {
            while (true) {
                if (in.readUnsignedByte() != SEQUENCE) {
                    return; // not an LDAP message
                }
                ByteBuffer message = ByteBuffer.wrap(in.readNBytes(length(in)));
                byte[] id = element(message, INTEGER);
                if ((message.get(message.position()) & 0xff) != BIND_REQUEST) {
                    return; // an unbind, or what this server does not do
                }
                ByteBuffer bind = ByteBuffer.wrap(element(message, BIND_REQUEST));
                element(bind, INTEGER); // the version
                String name = new String(element(bind, OCTET_STRING), StandardCharsets.UTF_8);
                String password = new String(element(bind, SIMPLE_PASSWORD), StandardCharsets.UTF_8);
                int result = check.allows(name, password) ? SUCCESS : INVALID_CREDENTIALS;
                out.write(tlv(SEQUENCE, tlv(INTEGER, id), tlv(BIND_RESPONSE, tlv(ENUMERATED, new byte[] {(byte) result}),
                        tlv(OCTET_STRING), tlv(OCTET_STRING))));
                out.flush();
            }
        } catch (EOFException | SocketException gone) {
            // the client went away
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A BER length: one byte below 128, else a byte that counts the bytes of the length that follow. */
    private static int length(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | in.readUnsignedByte();
        }
        return length;
    }

    /** The content of the next element, which must have the tag. */
    private static byte[] element(ByteBuffer from, int tag) throws IOException {
        int found = from.get() & 0xff;
        if (found != tag) {
            throw new IOException("Expected BER tag " + tag + ", found " + found);
        }
        int length = from.get() & 0xff;
        if (length >= 0x80) {
            int bytes = length & 0x7f;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (from.get() & 0xff);
            }
        }
        byte[] content = new byte[length];
        from.get(content);
        return content;
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream element = new ByteArrayOutputStream();
        element.write(tag);
        int length = content.size();
        if (length < 0x80) {
            element.write(length);
        } else {
            element.write(0x82);
            element.write(length >> 8);
            element.write(length);
        }
        element.writeBytes(content.toByteArray());
        return element.toByteArray();
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }
}
