package org.herald.campaigns.internal.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.TestBed;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class HmacTokensTest {

    private static final TestBed BED = new TestBed();
    private static final String SECRET = "0123456789abcdef0123456789abcdef-one";

    private static HmacTokens tokens(String secret, String... previous) {
        return new HmacTokens(BED.stores.settings(), Configs.of(TokensConfig.class,
                Map.of("secret", secret, "previousSecrets", previous)));
    }

    @AfterAll
    static void close() {
        BED.close();
    }

    @Test
    void aTokenSaysWhatItWasIssuedForAndNeverTheAddress() {
        HmacTokens t = tokens(SECRET);
        Token token = Token.of(TokenPurpose.UNSUBSCRIBE, "01HZCONTACT", 42);
        String s = t.issue(token);
        assertThat(s).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").doesNotContain("@");
        assertThat(t.verify(s)).contains(token);
        assertThat(t.verify(s, TokenPurpose.PREFERENCES)).isEmpty();
    }

    @Test
    void tamperedUnknownAndMalformedTokensAreAllEmpty() {
        HmacTokens t = tokens(SECRET);
        String s = t.issue(Token.of(TokenPurpose.OPEN, "01HZCONTACT", 7));
        String other = t.issue(Token.of(TokenPurpose.OPEN, "01HZOTHER", 7));
        String swapped = other.substring(0, other.indexOf('.')) + s.substring(s.indexOf('.'));
        assertThat(t.verify(swapped)).isEmpty();
        assertThat(t.verify(s.substring(0, s.length() - 2) + "AA")).isEmpty();
        assertThat(t.verify("nonsense")).isEmpty();
        assertThat(t.verify("a.b.c")).isEmpty();
        assertThat(t.verify("x".repeat(10_000))).isEmpty();
        assertThat(t.verify(null)).isEmpty();
        assertThat(tokens("another-secret-another-secret-0123456").verify(s)).isEmpty();
    }

    @Test
    void aRotatedSecretStillVerifiesUntilRemoved() {
        String s = tokens(SECRET).issue(Token.of(TokenPurpose.CLICK, "01HZCONTACT", 1));
        String next = "fedcba9876543210fedcba9876543210-two";
        assertThat(tokens(next, SECRET).verify(s)).isPresent();
        assertThat(tokens(next).verify(s)).isEmpty();
    }

    @Test
    void signedTextIsBoundToItsToken() {
        HmacTokens t = tokens(SECRET);
        String token = t.issue(Token.of(TokenPurpose.CLICK, "01HZCONTACT", 1));
        String sig = t.sign(token, "https://shop.test/a");
        assertThat(t.verifySigned(token, "https://shop.test/a", sig)).isTrue();
        assertThat(t.verifySigned(token, "https://evil.test/a", sig)).isFalse();
        assertThat(t.verifySigned(t.issue(Token.of(TokenPurpose.CLICK, "01HZCONTACT", 2)), "https://shop.test/a", sig))
                .isFalse();
    }

    @Test
    void withoutAConfiguredSecretOneIsGeneratedOnceAndKept() {
        String s = tokens("").issue(Token.of(TokenPurpose.PREFERENCES, "01HZCONTACT"));
        assertThat(tokens("").verify(s)).isPresent();
    }

    @Test
    void anExpiringTokenCarriesItsExpiryAndIsRefusedForItsPurposeOnceExpired() {
        HmacTokens t = tokens(SECRET);
        Instant later = Instant.now().plus(2, ChronoUnit.DAYS);
        Token live = Token.of(TokenPurpose.CONFIRM, "01HZCONTACT").expiringAt(later);
        String s = t.issue(live);
        assertThat(t.verify(s)).contains(live);
        assertThat(t.verify(s, TokenPurpose.CONFIRM)).contains(live);

        Token old = Token.of(TokenPurpose.CONFIRM, "01HZCONTACT").expiringAt(Instant.now().minusSeconds(5));
        String expired = t.issue(old);
        assertThat(t.verify(expired)).hasValueSatisfying(v -> assertThat(v.isExpired(Instant.now())).isTrue());
        assertThat(t.verify(expired, TokenPurpose.CONFIRM)).isEmpty();

        // the expiry is signed: moving it forward breaks the token
        String payload = new String(java.util.Base64.getUrlDecoder().decode(expired.substring(0, expired.indexOf('.'))));
        String moved = payload.replaceFirst("-[0-9a-z]+:", "-" + Long.toString(later.getEpochSecond(), 36) + ":");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(moved.getBytes())
                + expired.substring(expired.indexOf('.'));
        assertThat(t.verify(forged)).isEmpty();
    }

    @Test
    void aTokenHasOneSpellingTheUnusedBitsOfItsLastCharacterCannotBeChanged() {
        HmacTokens t = tokens(SECRET);
        String s = t.issue(Token.of(TokenPurpose.UNSUBSCRIBE, "01HZCONTACT", 9));
        char last = s.charAt(s.length() - 1);
        // 16 signature bytes: the last base64 character carries 2 bits, the other 4 are padding
        int value = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last);
        char sibling = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(value ^ 1);
        String variant = s.substring(0, s.length() - 1) + sibling;
        assertThat(java.util.Base64.getUrlDecoder().decode(variant.substring(variant.indexOf('.') + 1)))
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(s.substring(s.indexOf('.') + 1)));
        assertThat(t.verify(s)).isPresent();
        assertThat(t.verify(variant)).isEmpty();
        String sig = t.sign(s, "text");
        int v = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(sig.charAt(sig.length() - 1));
        String sigVariant = sig.substring(0, sig.length() - 1)
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(v ^ 1);
        assertThat(t.verifySigned(s, "text", sig)).isTrue();
        assertThat(t.verifySigned(s, "text", sigVariant)).isFalse();
    }
}
