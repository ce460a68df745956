package org.advocategraph.service.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.About;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;

/**
 * A hand-built graph with known answers, shared by the matching and API tests.
 *
 * <p>Customer c1 (account a1, interested in kubernetes) knows e1 directly. e1 is a moderate kubernetes expert;
 * e2 a strong one without a tie; e3, e4 and e5 are stronger still but inactive, opted out and at capacity;
 * e6 is an expert in the broader topic cloud; e8 owns account a1 but has no expertise; e9 speaks only German.
 */
public final class TinyGraph {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TinyGraph() {
    }

    public static List<GraphElement> elements() {
        List<GraphElement> g = new ArrayList<>();
        g.add(new Topic("cloud", "Cloud"));
        g.add(new Topic("kubernetes", "Kubernetes"));
        g.add(new Topic("billing", "Billing"));
        g.add(new SubtopicOf("kubernetes", "cloud"));
        g.add(new Account("a1", "Acme", "retail"));
        g.add(new Customer("c1", "Ana Ruiz", "a1", "enterprise", "emea", List.of("en", "es"), List.of("@ana"), 1200));
        g.add(new Customer("c2", "Ben Okafor", null, "smb", "emea", List.of("en"), List.of(), 50));
        g.add(new Customer("c3", "Lonely Person", null, "smb", "na", List.of("en"), List.of(), 0));
        g.add(new Interest("c1", "kubernetes", 0.9));
        g.add(employee("e1", "Eve One", true, true, 5, Set.of("social-care"), List.of("en")));
        g.add(employee("e2", "Max Two", true, true, 5, Set.of(), List.of("en")));
        g.add(employee("e3", "Ina Three", false, true, 5, Set.of(), List.of("en")));
        g.add(employee("e4", "Otto Four", true, false, 5, Set.of(), List.of("en")));
        g.add(employee("e5", "Fay Five", true, true, 1, Set.of(), List.of("en")));
        g.add(employee("e6", "Sam Six", true, true, 5, Set.of(), List.of("en")));
        g.add(employee("e8", "Ola Eight", true, true, 5, Set.of(), List.of("en")));
        g.add(employee("e9", "Udo Nine", true, true, 5, Set.of(), List.of("de")));
        g.add(new Expertise("e1", "kubernetes", 0.6, "manager"));
        g.add(new Expertise("e2", "kubernetes", 0.9, "answers"));
        g.add(new Expertise("e3", "kubernetes", 1.0, "answers"));
        g.add(new Expertise("e4", "kubernetes", 0.95, "answers"));
        g.add(new Expertise("e5", "kubernetes", 0.8, "answers"));
        g.add(new Expertise("e6", "cloud", 0.9, "self"));
        g.add(new Expertise("e9", "kubernetes", 0.7, "self"));
        g.add(new Tie("c1", "e1", TieKind.KNOWS, 0.9, T0));
        g.add(new Tie("c1", "c2", TieKind.KNOWS, 0.8, T0));
        g.add(new Tie("c2", "e2", TieKind.FOLLOWS, 0.5, T0));
        g.add(new AccountOwnership("e8", "a1"));
        g.add(new Conversation("v1", "twitter", "", "my cluster is down", "en", -0.8, T0, ConversationStatus.OPEN,
                Purpose.CARE, 1200, "c1"));
        g.add(new About("v1", "kubernetes", 1.0));
        g.add(new Conversation("v0", "twitter", "", "blocker", "en", -0.5, T0, ConversationStatus.OPEN, null, 1, "c1"));
        g.add(new Assignment("s1", "e5", "v0", T0, AssignmentStatus.ACCEPTED, null, "", null));
        return g;
    }

    private static Employee employee(String id, String name, boolean active, boolean optedIn, int capacity,
                                     Set<String> certifications, List<String> languages) {
        return new Employee(id, name, "Engineer", "engineering", "emea", languages, certifications,
                Set.of(Purpose.CARE, Purpose.PRODUCT), capacity, active, optedIn, null);
    }
}
