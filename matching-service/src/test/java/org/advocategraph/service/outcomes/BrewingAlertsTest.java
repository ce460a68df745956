package org.advocategraph.service.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.About;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Purpose;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.PurposeWeights;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.service.policy.AccountPolicy;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.service.team.TeamBuilder;
import org.advocategraph.service.triage.Triage;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Alerts over the tiny graph plus {@link OutcomeFixture#week}, every figure computed by hand. */
class BrewingAlertsTest {
    private static final Instant NOW = OutcomeFixture.NOW;
    private GraphStore store;
    private BrewingAlerts alerts;

    @BeforeEach
    void open() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
        store.upsert(OutcomeFixture.week(6, true));
        alerts = alertsOver(store);
    }

    private static BrewingAlerts alertsOver(GraphStore store) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        PolicyBook policies = new PolicyBook(store, new com.fasterxml.jackson.databind.ObjectMapper());
        policies.putAccount("a1", new AccountPolicy(true));
        var matcher = new GraphAdvocateMatcher(store, PurposeWeights.uniform(ScoringWeights.DEFAULT), policies, clock);
        return new BrewingAlerts(store, new Triage(store, matcher, clock), new TeamBuilder(store, matcher), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static BrewingAlerts.Query query(int baselineWindows, double minVolume) {
        return new BrewingAlerts.Query(Duration.ofDays(1), baselineWindows, NOW, minVolume, -0.25, 20, 3);
    }

    @Test
    void shouldAlertOnTheTopicThatSpikesAboveItsOwnBaselineOnly() {
        BrewingAlerts.Report r = alerts.alerts(query(7, 3));

        // kubernetes (6) and billing (3) reach minVolume; cloud (2) does not
        assertEquals(2, r.topicsTested());
        assertEquals(7, r.baselineUsed());
        assertEquals(1, r.alerts().size(), r.alerts().toString());
        BrewingAlerts.Alert a = r.alerts().get(0);
        assertEquals("kubernetes", a.topicId());
        assertEquals("Kubernetes", a.name());
        assertEquals(6.0, a.volume(), "the happy and the mild conversation do not count");
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), a.baseline());
        // m = 7.5 / 8, v = m * 8/7: P(X >= 6) = 0.0014053 by scipy; two topics tested
        assertEquals(0.9375, a.expected());
        assertEquals(0.0014053125005154424, a.pValue(), 1e-12);
        assertEquals(2 * 0.0014053125005154424, a.adjustedPValue(), 1e-12);
        assertEquals("high", a.severity(), "0.001 <= 0.0028 < 0.01");
        assertEquals(6.4, a.ratio());
    }

    @Test
    void shouldListTheDriversHeaviestFirstAndMobilizeForTheOpenOne() {
        BrewingAlerts.Alert a = alerts.alerts(query(7, 3)).alerts().get(0);

        assertEquals(6, a.conversations());
        assertEquals("s5", a.drivers().get(0).id(), "sentiment -0.55: the furthest below the threshold");
        assertEquals("s2", a.teamFor(), "the only open one");
        assertFalse(a.team().members().isEmpty(), a.toString());
        assertNull(a.noTeam());
    }

    @Test
    void shouldSayWhyThereIsNoTeamWhenNothingDrivingTheAlertIsOpen() {
        store.upsert(List.of(new Conversation("s2", "twitter", "", "", "en", -0.5, NOW.minus(Duration.ofHours(2)),
                ConversationStatus.RESOLVED, Purpose.CARE, 100, "c1")));
        BrewingAlerts.Alert a = alerts.alerts(query(7, 3)).alerts().get(0);
        assertNull(a.team());
        assertTrue(a.noTeam().startsWith("no conversation driving it is still open"), a.noTeam());
    }

    @Test
    void shouldGradeSeverityByTheAdjustedPValue() {
        // four on the last day: P(X >= 4) = 0.0232, adjusted 0.0463: medium; nine: far below 0.001
        store.upsert(OutcomeFixture.week(4, true));
        store.upsert(List.of(new Conversation("s4", "twitter", "", "", "en", 0.2, NOW.minus(Duration.ofHours(2)),
                ConversationStatus.RESOLVED, Purpose.CARE, 100, "c1"),
                new Conversation("s5", "twitter", "", "", "en", 0.2, NOW.minus(Duration.ofHours(2)),
                        ConversationStatus.RESOLVED, Purpose.CARE, 100, "c1")));
        BrewingAlerts.Alert medium = alerts.alerts(query(7, 3)).alerts().get(0);
        assertEquals(0.023158952776413978, medium.pValue(), 1e-12);
        assertEquals("medium", medium.severity());

        store.upsert(OutcomeFixture.week(9, true));
        assertEquals("critical", alerts.alerts(query(7, 3)).alerts().get(0).severity());
    }

    @Test
    void shouldLeaveOutBaselineWindowsFromBeforeTheHistoryBegan() {
        // Given a store whose history is only the fixture's eight days (seven of baseline and today): the tiny
        // graph without its conversations of a month ago
        try (GraphStore recent = TinkerPopGraphStore.inMemory()) {
            recent.upsert(TinyGraph.elements().stream()
                    .filter(e -> !(e instanceof Conversation || e instanceof About || e instanceof Assignment))
                    .toList());
            recent.upsert(OutcomeFixture.week(6, true));
            BrewingAlerts over = alertsOver(recent);

            // When asked with a baseline of 7 days and of 28
            BrewingAlerts.Report seven = over.alerts(query(7, 3));
            BrewingAlerts.Report longer = over.alerts(query(28, 3));

            // Then the 21 days before the first conversation are not counted as quiet ones: the same test as 7 days
            assertEquals(7, seven.baselineUsed());
            assertEquals(7, longer.baselineUsed());
            assertFalse(seven.alerts().isEmpty());
            assertEquals(seven.alerts().size(), longer.alerts().size());
            for (int i = 0; i < seven.alerts().size(); i++) {
                assertEquals(seven.alerts().get(i).topicId(), longer.alerts().get(i).topicId());
                assertEquals(seven.alerts().get(i).pValue(), longer.alerts().get(i).pValue(), 1e-15);
            }
            assertTrue(longer.notes().stream().anyMatch(n -> n.startsWith("the history begins")),
                    longer.notes().toString());
        }

        // And where the history began before the baseline (the tiny graph's conversations of a month ago), the
        // quiet days in between count
        assertEquals(28, alerts.alerts(query(28, 3)).baselineUsed());
    }

    @Test
    void shouldAnswerAQuietPeriodWithNoAlerts() {
        BrewingAlerts.Report r = alerts.alerts(new BrewingAlerts.Query(Duration.ofDays(1), 7,
                Instant.parse("2020-01-01T00:00:00Z"), 3, -0.25, 20, 3));
        assertEquals(0, r.conversationsRead());
        assertEquals(0, r.topicsTested());
        assertTrue(r.alerts().isEmpty());
    }

    @Test
    void shouldRefuseParametersOutOfRangeNamingThem() {
        assertEquals("window", field(() -> new BrewingAlerts.Query(Duration.ofMinutes(30), 7, NOW, 3, -0.25, 20, 3)));
        assertEquals("baselineWindows", field(() -> new BrewingAlerts.Query(Duration.ofDays(1), 2, NOW, 3, -0.25, 20, 3)));
        assertEquals("baselineWindows", field(() -> new BrewingAlerts.Query(Duration.ofDays(90), 365, NOW, 3, -0.25, 20, 3)));
        assertEquals("minVolume", field(() -> new BrewingAlerts.Query(Duration.ofDays(1), 7, NOW, -1, -0.25, 20, 3)));
        assertEquals("negativeBelow", field(() -> new BrewingAlerts.Query(Duration.ofDays(1), 7, NOW, 3, -2, 20, 3)));
        assertEquals("limit", field(() -> new BrewingAlerts.Query(Duration.ofDays(1), 7, NOW, 3, -0.25, 0, 3)));
        assertEquals("teamSize", field(() -> new BrewingAlerts.Query(Duration.ofDays(1), 7, NOW, 3, -0.25, 20, 26)));
    }

    private static String field(Runnable r) {
        return assertThrows(InvalidFieldException.class, r::run).field();
    }
}
