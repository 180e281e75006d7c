package org.herald.routes.smtp.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DKIM signing (RFC 6376) with relaxed/relaxed canonicalization, by RSA-SHA256 or Ed25519-SHA256
 * (RFC 8463), one signature per configured key. Works on the message as it will be sent (the bytes
 * Jakarta Mail writes, CRLF line ends), so what is signed is exactly what goes out; the signature
 * header is put on top. Signed: the fields of {@link #SIGNED} that the message has (each name once,
 * its last instance, which is the one a verifier picks first).
 */
final class Dkim {

    /** The header fields signed when present. */
    static final List<String> SIGNED = List.of("From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID",
            "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type", "Content-Transfer-Encoding");

    /** One signing key: its selector and algorithm. */
    record Key(String selector, PrivateKey key) {
        String algorithm() {
            return "RSA".equals(key.getAlgorithm()) ? "rsa-sha256" : "ed25519-sha256";
        }
    }

    private final String domain;
    private final List<Key> keys;

    Dkim(String domain, List<Key> keys) {
        if (domain == null || domain.isBlank() || keys.isEmpty()) {
            throw new IllegalArgumentException("DKIM needs a domain and at least one key");
        }
        this.domain = domain.strip();
        this.keys = List.copyOf(keys);
    }

    /** The signer of the configuration, or null when DKIM is not configured ({@code dkimDomain} empty). */
    static Dkim of(SmtpConfig config) {
        if (config.dkimDomain().isBlank()) {
            return null;
        }
        List<Key> keys = new ArrayList<>();
        if (!config.dkimKey().isBlank()) {
            keys.add(new Key(required(config.dkimSelector(), "dkimSelector"), privateKey(config.dkimKey())));
        }
        if (!config.dkimKey2().isBlank()) {
            keys.add(new Key(required(config.dkimSelector2(), "dkimSelector2"), privateKey(config.dkimKey2())));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("dkimDomain is set but no dkimKey: give the private key (a PEM file or the PEM text)");
        }
        return new Dkim(config.dkimDomain(), keys);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required with its key");
        }
        return value.strip();
    }

    /**
     * A private key from PEM text or the path of a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or
     * Ed25519, as {@code openssl genpkey} writes) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). Line breaks
     * may be spaces, so the PEM fits on one line of a {@code .cfg} file.
     */
    static PrivateKey privateKey(String pemOrPath) {
        String pem = pemOrPath.strip();
        if (!pem.startsWith("-----BEGIN")) {
            try {
                pem = Files.readString(Path.of(pem), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the DKIM key file " + pemOrPath, e);
            }
        }
        boolean pkcs1 = pem.startsWith("-----BEGIN RSA PRIVATE KEY-----");
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        if (pkcs1) {
            der = pkcs8OfRsa(der);
        }
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the DKIM key is neither an RSA nor an Ed25519 private key in PEM");
    }

    /** Wraps a PKCS#1 RSA key into PKCS#8: SEQUENCE { 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING key }. */
    private static byte[] pkcs8OfRsa(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01,
            0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }

    /** The message with one {@code DKIM-Signature} field per key on top. */
    byte[] sign(byte[] message, Instant now) {
        int split = headerEnd(message);
        String headers = new String(message, 0, split, StandardCharsets.ISO_8859_1);
        int bodyStart = Math.min(message.length, split + 2);
        byte[] body = new byte[message.length - bodyStart];
        System.arraycopy(message, bodyStart, body, 0, body.length);
        String bodyHash = Base64.getEncoder().encodeToString(sha256(relaxedBody(body)));
        Map<String, String> fields = lastFields(headers);
        List<String> signed = SIGNED.stream().filter(n -> fields.containsKey(n.toLowerCase(Locale.ROOT))).toList();
        StringBuilder canonical = new StringBuilder();
        for (String name : signed) {
            canonical.append(relaxedHeader(fields.get(name.toLowerCase(Locale.ROOT)))).append("\r\n");
        }
        StringBuilder top = new StringBuilder();
        for (Key key : keys) {
            String tags = "v=1; a=" + key.algorithm() + "; c=relaxed/relaxed; d=" + domain + "; s=" + key.selector()
                    + "; t=" + now.getEpochSecond() + "; h=" + String.join(":", signed) + "; bh=" + bodyHash + "; b=";
            String unsigned = "DKIM-Signature: " + tags.replace("; h=", ";\r\n\th=").replace("; bh=", ";\r\n\tbh=")
                    .replace("; b=", ";\r\n\tb=");
            String data = canonical + relaxedHeader(unsigned);
            String b = Base64.getEncoder().encodeToString(signature(key, data.getBytes(StandardCharsets.ISO_8859_1)));
            top.append(unsigned).append(fold(b)).append("\r\n");
        }
        byte[] prefix = top.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(message, 0, out, prefix.length, message.length);
        return out;
    }

    private static byte[] signature(Key key, byte[] data) {
        try {
            if ("RSA".equals(key.key().getAlgorithm())) {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key.key());
                s.update(data);
                return s.sign();
            }
            // RFC 8463: Ed25519 (pure) over the SHA-256 hash of the data
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.key());
            s.update(sha256(data));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        }
    }

    /** The base64 signature folded into lines of 72 characters (whitespace inside b= is ignored). */
    private static String fold(String b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length(); i += 72) {
            if (i > 0) {
                sb.append("\r\n\t");
            }
            sb.append(b, i, Math.min(b.length(), i + 72));
        }
        return sb.toString();
    }

    /**
     * Index just after the CRLF of the last header field (the empty line that ends the header block
     * follows), or the message's length when it has no body.
     */
    private static int headerEnd(byte[] m) {
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i + 2;
            }
        }
        return m.length;
    }

    /**
     * The header fields by lower-case name, each the whole field as written (folding kept), the last
     * instance of a name winning. {@code headers} ends with the CRLF of its last field.
     */
    static Map<String, String> lastFields(String headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (String line : headers.split("\r\n")) {
            if (!all.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                all.set(all.size() - 1, all.get(all.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                all.add(line);
            }
        }
        for (String f : all) {
            int colon = f.indexOf(':');
            if (colon > 0) {
                fields.put(f.substring(0, colon).strip().toLowerCase(Locale.ROOT), f);
            }
        }
        return fields;
    }

    /** RFC 6376 3.4.2: lower-case name, unfolded, whitespace runs as one space, none around the colon or at the end. */
    static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return name + ":" + value;
    }

    /**
     * RFC 6376 3.4.4: whitespace at line ends removed, other whitespace runs as one space, empty lines
     * at the end removed; a non-empty body ends with CRLF.
     */
    static byte[] relaxedBody(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        int last = lines.length;
        // a body ending in CRLF splits into a last empty element, which is not a line
        if (last > 0 && lines[last - 1].isEmpty()) {
            last--;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            out.add(lines[i].replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : out) {
            sb.append(l).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
