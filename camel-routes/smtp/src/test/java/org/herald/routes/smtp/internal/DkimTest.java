package org.herald.routes.smtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.contacts.internal.Configs;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM signatures of delivered messages (the .eml the outbox gets, which is what a relay would get),
 * checked by a verifier written here from RFC 6376 and RFC 8463 against the public key, without DNS:
 * the signature holds, and it breaks when a signed header or the body changes.
 */
class DkimTest {

    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + MIME.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair keys(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("RSA")) {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static OutboundMessage message() {
        return OutboundMessage.builder().messageId(5).campaignId(7).contactId("C5").rfcMessageId("<c7.m5@h.test>")
                .from("News <news@h.test>").replyTo("help@h.test").to("ann@a.test").envelopeFrom("bounce+tok5@h.test")
                .subject("Grüße aus Tartu, a subject long enough to be folded by the mail library when it is written out")
                .html("<p>Hello  ünïcode</p>\n\n").text("Hello \t ünïcode  \n\n\n")
                .header("List-Unsubscribe", "<https://h.test/herald/unsubscribe/tok5>")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click").build();
    }

    /** Delivers the message to the outbox with this DKIM configuration; returns the .eml bytes without Return-Path. */
    private static byte[] deliver(Path dir, Map<String, Object> dkim) throws Exception {
        Map<String, Object> c = new java.util.HashMap<>(dkim);
        c.put("outbox", dir.toString());
        try (Delivery d = new Delivery(Configs.of(SmtpConfig.class, c), dir)) {
            assertThat(d.deliver(message()).outcome()).isEqualTo(DeliveryOutcome.ACCEPTED);
        }
        byte[] eml = Files.readAllBytes(dir.resolve("c7.m5@h.test.eml"));
        String text = new String(eml, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("Return-Path: ");
        return text.substring(text.indexOf("\r\n") + 2).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anRsaSignedMessageVerifiesAndAChangedHeaderOrBodyBreaksIt(@TempDir Path dir) throws Exception {
        KeyPair rsa = keys("RSA");
        byte[] signed = deliver(dir, Map.of("dkimDomain", "h.test", "dkimSelector", "s2048", "dkimKey", pem(rsa)));
        List<Map<String, String>> signatures = verify(signed, Map.of("s2048", rsa.getPublic()));
        assertThat(signatures).singleElement().satisfies(tags -> {
            assertThat(tags).containsEntry("a", "rsa-sha256").containsEntry("c", "relaxed/relaxed")
                    .containsEntry("d", "h.test").containsEntry("s", "s2048");
            assertThat(List.of(tags.get("h").toLowerCase(Locale.ROOT).split(":"))).contains("from", "to", "subject", "date",
                    "message-id", "list-unsubscribe", "list-unsubscribe-post", "mime-version", "content-type");
        });

        String text = new String(signed, StandardCharsets.ISO_8859_1);
        byte[] otherSubject = text.replaceFirst("Subject: =\\?UTF-8\\?", "Subject: =?utf-8?").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(failure(otherSubject, Map.of("s2048", rsa.getPublic()))).contains("signature");
        byte[] otherUnsubscribe = text.replace("tok5>", "tok6>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(failure(otherUnsubscribe, Map.of("s2048", rsa.getPublic()))).contains("signature");
        int body = text.indexOf("\r\n\r\n") + 4;
        byte[] otherBody = (text.substring(0, body) + "X" + text.substring(body)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(failure(otherBody, Map.of("s2048", rsa.getPublic()))).contains("body hash");
        // relaxed canonicalization: refolding a header and adding spaces at line ends changes nothing
        byte[] refolded = text.replace("\r\nList-Unsubscribe-Post: ", "\r\nList-Unsubscribe-Post:\r\n  ")
                .replace("\r\n\r\n", "  \r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(verify(refolded, Map.of("s2048", rsa.getPublic()))).hasSize(1);
        // another key does not verify it
        assertThat(failure(signed, Map.of("s2048", keys("RSA").getPublic()))).contains("signature");
    }

    @Test
    void rsaAndEd25519SignTheSameMessageWithTwoSignatures(@TempDir Path dir) throws Exception {
        KeyPair rsa = keys("RSA");
        KeyPair ed = keys("Ed25519");
        byte[] signed = deliver(dir, Map.of("dkimDomain", "h.test", "dkimSelector", "rsa", "dkimKey", pem(rsa),
                "dkimSelector2", "ed", "dkimKey2", pem(ed).replace('\n', ' ')));
        List<Map<String, String>> signatures = verify(signed, Map.of("rsa", rsa.getPublic(), "ed", ed.getPublic()));
        assertThat(signatures).extracting(t -> t.get("a")).containsExactly("rsa-sha256", "ed25519-sha256");
        String dump = System.getProperty("herald.dkim.dump");
        if (dump != null) {
            // for checking with another verifier by hand: the message and the DNS TXT records of the keys
            Files.write(Path.of(dump, "signed.eml"), signed);
            Files.writeString(Path.of(dump, "rsa.txt"), "v=DKIM1; k=rsa; p="
                    + Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded()));
            byte[] edKey = ed.getPublic().getEncoded();
            Files.writeString(Path.of(dump, "ed.txt"), "v=DKIM1; k=ed25519; p="
                    + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(edKey, edKey.length - 32, edKey.length)));
        }
        String tampered = new String(signed, StandardCharsets.ISO_8859_1).replace("From: News", "From: Nevs");
        assertThat(failure(tampered.getBytes(StandardCharsets.ISO_8859_1), Map.of("rsa", rsa.getPublic(), "ed", ed.getPublic())))
                .contains("signature");
    }

    @Test
    void aPkcs1RsaKeyFileIsReadToo(@TempDir Path dir) throws Exception {
        KeyPair rsa = keys("RSA");
        // PKCS#8 of RSA is a fixed 26-byte prefix before the PKCS#1 key for 2048-bit keys
        byte[] pkcs8 = rsa.getPrivate().getEncoded();
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "-----BEGIN RSA PRIVATE KEY-----\n" + MIME.encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n");
        assertThat(Dkim.privateKey(file.toString()).getEncoded()).isEqualTo(pkcs8);
    }

    private static String failure(byte[] message, Map<String, PublicKey> keys) {
        try {
            verify(message, keys);
            return "verified";
        } catch (AssertionError e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- a verifier after RFC 6376 (6.1.3, 3.4.2, 3.4.4, 3.5) and RFC 8463, written apart from Dkim

    /** Verifies every DKIM-Signature of the message with the key of its selector; returns their tags. */
    static List<Map<String, String>> verify(byte[] message, Map<String, PublicKey> keys) throws Exception {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = text.substring(0, end + 2);
        String body = text.substring(end + 4);
        // header fields in order, each with its continuation lines
        List<String> fields = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^[^ \t\r\n][^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*").matcher(head);
        while (m.find()) {
            fields.add(m.group());
        }
        List<Map<String, String>> result = new ArrayList<>();
        for (String field : fields) {
            if (!field.toLowerCase(Locale.ROOT).startsWith("dkim-signature:")) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (String tag : field.substring(field.indexOf(':') + 1).split(";")) {
                int eq = tag.indexOf('=');
                if (eq > 0) {
                    tags.put(tag.substring(0, eq).trim(), tag.substring(eq + 1).replaceAll("[ \t\r\n]", ""));
                }
            }
            String canonBody = body.replaceAll("[ \t]+\r\n", "\r\n").replaceAll("[ \t]+", " ").replaceAll("(\r\n)+$", "");
            if (!canonBody.isEmpty()) {
                canonBody += "\r\n";
            }
            String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonBody.getBytes(StandardCharsets.ISO_8859_1)));
            if (!bh.equals(tags.get("bh"))) {
                throw new AssertionError("body hash differs");
            }
            StringBuilder data = new StringBuilder();
            List<String> used = new ArrayList<>();
            for (String name : tags.get("h").split(":")) {
                // the last unused instance of the name, from the bottom up
                for (int i = fields.size() - 1; i >= 0; i--) {
                    String f = fields.get(i);
                    if (!used.contains(f) && f.substring(0, f.indexOf(':')).trim().equalsIgnoreCase(name)) {
                        used.add(f);
                        data.append(canonHeader(f)).append("\r\n");
                        break;
                    }
                }
            }
            String withoutB = field.replaceFirst("(b=)[^;]*$", "$1").replaceFirst("(;[ \t\r\n]*b=)[^;]*(;|$)", "$1$2");
            data.append(canonHeader(withoutB.replaceAll("\r\n$", "")));
            byte[] signature = Base64.getDecoder().decode(tags.get("b"));
            PublicKey key = keys.get(tags.get("s"));
            boolean ok;
            if (tags.get("a").equals("rsa-sha256")) {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initVerify(key);
                s.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
                ok = s.verify(signature);
            } else {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(MessageDigest.getInstance("SHA-256").digest(data.toString().getBytes(StandardCharsets.ISO_8859_1)));
                ok = s.verify(signature);
            }
            if (!ok) {
                throw new AssertionError("signature does not verify (" + tags.get("a") + ")");
            }
            result.add(tags);
        }
        if (result.isEmpty()) {
            throw new AssertionError("no DKIM-Signature");
        }
        return result;
    }

    private static String canonHeader(String field) {
        int colon = field.indexOf(':');
        String value = field.substring(colon + 1).replaceAll("\r\n([ \t])", "$1").replaceAll("\r\n$", "")
                .replaceAll("[ \t]+", " ").trim();
        return field.substring(0, colon).trim().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
