package org.advocategraph.service.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys this service accepts, held only as SHA-256 hashes with their roles. Keys are 256-bit random
 * tokens, so an unsalted fast hash is enough to make a leaked configuration useless to an attacker, as with
 * other bearer-token systems. Configured as {@code role:hexhash} entries separated by commas.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "adv_";

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param spec comma-separated {@code role:sha256hex} entries; blank for none
     * @return the keys
     * @throws IllegalArgumentException naming the bad entry (by position, never by content)
     */
    public static ApiKeys parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return new ApiKeys(entries);
        }
        String[] parts = spec.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("api.keys entry " + (i + 1) + " must look like role:sha256hex");
            }
            Role role;
            try {
                role = Role.parse(part.substring(0, colon));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("api.keys entry " + (i + 1) + ": " + e.getMessage(), e);
            }
            String hash = part.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("api.keys entry " + (i + 1)
                        + " must hold a SHA-256 hash of 64 hex digits (see 'advocates keygen')");
            }
            entries.add(new Entry(role, HexFormat.of().parseHex(hash)));
        }
        return new ApiKeys(entries);
    }

    /** @return these keys plus one more */
    public ApiKeys with(Role role, String key) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(new Entry(role, sha256(key)));
        return new ApiKeys(more);
    }

    /** @return true when no key is configured (then every /api route answers 401) */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * @param presented the key from a request
     * @return its role, when the key is known
     */
    public Optional<Role> roleOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        Role found = null;
        // Compare against every entry in constant time so that timing reveals nothing about which matched.
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash(), hash) && found == null) {
                found = e.role();
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return a new random key: {@code adv_} and 43 URL-safe base64 characters (256 bits) */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the configuration entry for a key: {@code role:sha256hex} */
    public static String entryFor(Role role, String key) {
        return role.key() + ":" + HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Entry(Role role, byte[] hash) {
    }
}
