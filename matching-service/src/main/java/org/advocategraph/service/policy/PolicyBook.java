package org.advocategraph.service.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.advocategraph.model.Employee;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Purpose;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.matching.RoutingPolicy;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.StoreException;

/**
 * The routing policies of every program and account, kept as documents in the graph (so every service instance
 * shares them) and held in memory for matching. Edited through the API; {@link #reload()} picks up edits made by
 * another instance.
 *
 * <p>As a {@link RoutingPolicy} it excludes, in this order: {@code accountOwner} (the customer's account has owners,
 * the advocate is not one, and the account does not allow others), {@code program} (a policy governs the
 * request's purpose and the advocate is in no governing program, or not in the program the request names),
 * {@code channel} and {@code certification} (a governing program of theirs does not allow the channel, or they
 * lack a certification it requires for the purpose).
 */
public final class PolicyBook implements RoutingPolicy {
    static final String PROGRAM_KIND = "program-policy";
    static final String ACCOUNT_KIND = "account-policy";

    private final GraphStore store;
    private final ObjectMapper mapper;
    private volatile Map<String, ProgramPolicy> programs = Map.of();
    private volatile Map<String, AccountPolicy> accounts = Map.of();

    /**
     * @param store  where policies are kept and programs and accounts live
     * @param mapper JSON
     */
    public PolicyBook(GraphStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
        reload();
    }

    /** Reads every policy from the store again. */
    public synchronized void reload() {
        Map<String, ProgramPolicy> p = new HashMap<>();
        store.documents(PROGRAM_KIND).forEach((id, json) -> p.put(id, parseProgram(json)));
        Map<String, AccountPolicy> a = new HashMap<>();
        store.documents(ACCOUNT_KIND).forEach((id, json) -> a.put(id, read(json, AccountPolicy.class)));
        programs = Map.copyOf(p);
        accounts = Map.copyOf(a);
    }

    /** @return the policy of each program that has one */
    public Map<String, ProgramPolicy> programs() {
        return programs;
    }

    /** @return the policy of each account that has one */
    public Map<String, AccountPolicy> accounts() {
        return accounts;
    }

    /** @return the policy of a program, if it has one */
    public Optional<ProgramPolicy> program(String programId) {
        return Optional.ofNullable(programs.get(programId));
    }

    /** @return the policy of an account, if it has one */
    public Optional<AccountPolicy> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /**
     * Sets a program's policy.
     *
     * @throws NotFoundException naming the program when it does not exist
     */
    public synchronized ProgramPolicy putProgram(String programId, ProgramPolicy policy) {
        require(NodeKind.PROGRAM, "programId", "program", programId);
        store.putDocument(PROGRAM_KIND, programId, write(policy.toJson()));
        programs = with(programs, programId, policy);
        return policy;
    }

    /**
     * Sets an account's policy.
     *
     * @throws NotFoundException naming the account when it does not exist
     */
    public synchronized AccountPolicy putAccount(String accountId, AccountPolicy policy) {
        require(NodeKind.ACCOUNT, "accountId", "account", accountId);
        store.putDocument(ACCOUNT_KIND, accountId, write(policy));
        accounts = with(accounts, accountId, policy);
        return policy;
    }

    /** @return true when the program had a policy, now removed */
    public synchronized boolean deleteProgram(String programId) {
        boolean found = store.deleteDocument(PROGRAM_KIND, programId);
        programs = with(programs, programId, null);
        return found;
    }

    /** @return true when the account had a policy, now removed */
    public synchronized boolean deleteAccount(String accountId) {
        boolean found = store.deleteDocument(ACCOUNT_KIND, accountId);
        accounts = with(accounts, accountId, null);
        return found;
    }

    /**
     * Parses a policy as the API receives it: {@code {"purposes": [...], "channels": [...], "certifications":
     * {"care": [...]}}}, every field optional.
     *
     * @throws InvalidFieldException naming the field when it is wrong
     */
    public ProgramPolicy parseProgram(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFieldException("body", "expected a JSON object");
        }
        Set<Purpose> purposes = new HashSet<>();
        for (String p : strings(root, "purposes")) {
            purposes.add(Purpose.parse("purposes", p));
        }
        Map<Purpose, Set<String>> certs = new EnumMap<>(Purpose.class);
        JsonNode c = root.get("certifications");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw new InvalidFieldException("certifications", "expected an object of purpose: [certifications]");
            }
            var fields = c.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                certs.put(Purpose.parse("certifications", f.getKey()), Set.copyOf(strings(c, f.getKey())));
            }
        }
        return new ProgramPolicy(purposes, Set.copyOf(strings(root, "channels")), certs);
    }

    private static List<String> strings(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new InvalidFieldException(field, "expected a list of strings");
        }
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw new InvalidFieldException(field, "expected a list of strings, found " + v.getNodeType().name().toLowerCase());
            }
            out.add(v.asText());
        }
        return out;
    }

    /** @return a copy of the map with the id set to the value, or removed when the value is null */
    private static <V> Map<String, V> with(Map<String, V> map, String id, V value) {
        Map<String, V> copy = new HashMap<>(map);
        if (value == null) {
            copy.remove(id);
        } else {
            copy.put(id, value);
        }
        return Map.copyOf(copy);
    }

    private void require(NodeKind kind, String field, String what, String id) {
        if (store.existingIds(kind, List.of(id)).isEmpty()) {
            throw new NotFoundException(field, what, List.of(id));
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored " + type.getSimpleName() + " is not valid: " + e.getOriginalMessage(), false, e);
        }
    }

    // ------------------------------------------------------------------ as a routing policy

    @Override
    public Check check(Context context) {
        Map<String, ProgramPolicy> all = programs;
        Set<String> owners = context.accountOwners();
        boolean ownersOnly = !owners.isEmpty() && context.customer() != null
                && !accounts.getOrDefault(context.customer().accountId(), new AccountPolicy(false)).allowOthers();
        Map<String, ProgramPolicy> governing = new HashMap<>();
        if (context.programId() != null) {
            governing.put(context.programId(), all.get(context.programId()));
        } else {
            all.forEach((id, p) -> {
                if (p.governs(context.purpose())) {
                    governing.put(id, p);
                }
            });
        }
        Map<String, Set<String>> members = new HashMap<>();
        governing.keySet().forEach(id -> members.put(id, new HashSet<>(store.membersOf(id))));
        return advocate -> {
            if (ownersOnly && !owners.contains(advocate.id())) {
                return "accountOwner";
            }
            if (governing.isEmpty()) {
                return null;
            }
            String failure = "program";
            for (var g : governing.entrySet()) {
                if (!members.get(g.getKey()).contains(advocate.id())) {
                    continue;
                }
                String verdict = verdict(g.getValue(), advocate, context);
                if (verdict == null) {
                    return null;
                }
                failure = verdict;
            }
            return failure;
        };
    }

    /** @return why the policy does not let the member be routed for this request, or null when it does */
    private static String verdict(ProgramPolicy policy, Employee advocate, Context context) {
        if (policy == null) {
            return null;
        }
        if (context.channel() != null && !policy.channels().isEmpty() && !policy.channels().contains(context.channel())) {
            return "channel";
        }
        if (!advocate.certifications().containsAll(policy.required(context.purpose()))) {
            return "certification";
        }
        return null;
    }
}
