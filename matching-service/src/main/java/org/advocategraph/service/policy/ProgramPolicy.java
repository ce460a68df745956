package org.advocategraph.service.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Purpose;

/**
 * The rules of one program. A policy governs requests for the purposes it lists (all purposes when it lists
 * none): once any policy governs a purpose, only members of a governing program may be routed for it, over the
 * channels that program allows (all when it lists none), holding the certifications it requires for the purpose.
 *
 * @param purposes       the purposes it governs; empty for all
 * @param channels       the channels its members may be routed over; empty for all
 * @param certifications per purpose, the certifications a member needs to be routed for it
 */
public record ProgramPolicy(Set<Purpose> purposes, Set<String> channels, Map<Purpose, Set<String>> certifications) {
    /** Most channels or certifications one policy may list. */
    public static final int MAX_ENTRIES = 100;

    public ProgramPolicy {
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        channels = normalize("channels", channels);
        Map<Purpose, Set<String>> certs = new EnumMap<>(Purpose.class);
        if (certifications != null) {
            certifications.forEach((p, c) -> {
                if (p == null) {
                    throw new InvalidFieldException("certifications", "keys must be purposes");
                }
                certs.put(p, normalize("certifications." + p.key(), c));
            });
        }
        certifications = Map.copyOf(certs);
    }

    /** @return true when the policy governs requests for this purpose */
    public boolean governs(Purpose purpose) {
        return purposes.isEmpty() || (purpose != null && purposes.contains(purpose));
    }

    /** @return the certifications required for a purpose (none when the purpose is null or not listed) */
    public Set<String> required(Purpose purpose) {
        return purpose == null ? Set.of() : certifications.getOrDefault(purpose, Set.of());
    }

    private static Set<String> normalize(String field, java.util.Collection<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_ENTRIES) {
            throw new InvalidFieldException(field, "at most " + MAX_ENTRIES + " entries, got " + values.size());
        }
        Set<String> out = new TreeSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new InvalidFieldException(field, "must not contain empty values");
            }
            out.add(field.equals("channels") ? v.trim().toLowerCase(Locale.ROOT) : v.trim());
        }
        return Set.copyOf(out);
    }

    /** @return the policy as JSON-ready values, purposes and lists sorted */
    public Map<String, Object> toJson() {
        Map<String, Object> certs = new java.util.TreeMap<>();
        certifications.forEach((p, c) -> certs.put(p.key(), List.copyOf(new TreeSet<>(c))));
        return Map.of("purposes", purposes.stream().map(Purpose::key).sorted().toList(),
                "channels", List.copyOf(new TreeSet<>(channels)), "certifications", certs);
    }
}
