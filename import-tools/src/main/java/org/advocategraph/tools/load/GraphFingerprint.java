package org.advocategraph.tools.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.advocategraph.store.GraphStore;
import org.advocategraph.tools.format.ImportFile;

/**
 * A fingerprint of a whole graph: for each record type, a SHA-256 over its elements in key order, formatted as
 * import rows. Two stores with equal digests hold the same graph, properties included.
 */
public final class GraphFingerprint {
    private GraphFingerprint() {
    }

    /**
     * @param store the graph
     * @return per import file name: the element count and a digest of the elements in key order
     */
    public static Map<String, String> of(GraphStore store) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (ImportFile type : ImportFile.values()) {
            MessageDigest sha = sha256();
            long[] count = {0};
            store.scan(type.type(), 10_000, batch -> batch.forEach(e -> {
                sha.update(String.join("\u001F", type.format(e)).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                count[0]++;
            }));
            digests.put(type.baseName(), count[0] + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        }
        return digests;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
