package org.advocategraph.service.engagement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The webhook signature: {@code sha256=} and the lower-case hex HMAC-SHA256 of the raw body, keyed by the secret. */
public final class Signatures {
    /** The header that carries it. */
    public static final String HEADER = "X-Advocates-Signature";

    private Signatures() {
    }

    /**
     * @param body   the exact bytes sent
     * @param secret the shared secret (its UTF-8 bytes are the key)
     * @return {@code sha256=<hex>}
     */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
