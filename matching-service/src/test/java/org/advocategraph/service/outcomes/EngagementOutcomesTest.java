package org.advocategraph.service.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.outcomes.EngagementOutcomes.Bucket;
import org.advocategraph.service.outcomes.EngagementOutcomes.GroupBy;
import org.advocategraph.service.outcomes.EngagementOutcomes.Query;
import org.advocategraph.service.outcomes.EngagementOutcomes.Report;
import org.advocategraph.service.outcomes.EngagementOutcomes.Sort;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Engagement outcomes on {@link OutcomeFixture}, every figure computed by hand. */
class EngagementOutcomesTest {
    private GraphStore store;
    private EngagementOutcomes outcomes;

    @BeforeEach
    void open() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(OutcomeFixture.elements());
        outcomes = new EngagementOutcomes(store, Clock.fixed(OutcomeFixture.TO, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Report report(GroupBy by, String program, Sort sort, int minAssignments, Bucket bucket) {
        return outcomes.report(new Query(by, OutcomeFixture.FROM, OutcomeFixture.TO, program, sort, 50, minAssignments,
                bucket));
    }

    @Test
    void shouldCountTheFunnelResponseTimesAndSentimentOfEachAdvocate() {
        Report r = report(GroupBy.ADVOCATE, null, Sort.SCORE, 3, null);

        Figures e1 = r.groups().get(0).figures();
        assertEquals("e1", r.groups().get(0).id());
        assertEquals("Eve One", r.groups().get(0).name());
        assertEquals(4, e1.assignments());
        assertEquals(1, e1.open(), "a3 is responded, not resolved");
        assertEquals(3, e1.accepted());
        assertEquals(1, e1.declined());
        assertEquals(0.75, e1.acceptanceRate(), "3 accepted of 4 decided");
        assertEquals(3, e1.responded());
        assertEquals(1.0, e1.responseRate());
        assertEquals(60.0, e1.medianResponseMinutes(), "30, 60, 90");
        assertEquals(90.0, e1.p90ResponseMinutes(), "nearest rank: the 3rd of 3");
        assertEquals(2, e1.resolved());
        assertEquals(0.666667, e1.resolutionRate());
        assertEquals(-0.25, e1.sentimentBefore(), 1e-9, "(-0.6 - 0.2 + 0.4 - 0.6) / 4");
        assertEquals(1, e1.rated());
        assertEquals(0.4, e1.sentimentAfter(), 1e-9);
        assertEquals(1.0, e1.lift(), 1e-9, "0.4 - (-0.6)");

        Figures e2 = r.groups().get(1).figures();
        assertEquals(3, e2.assignments(), "b4 is after the window");
        assertEquals(2, e2.accepted(), "b1 and the cancelled b2, which had been accepted");
        assertEquals(1.0, e2.acceptanceRate());
        assertEquals(0.5, e2.responseRate(), "1 responded of 2 accepted");
        assertEquals(10.0, e2.medianResponseMinutes());
        assertEquals(1, e2.cancelled());
        assertEquals(-0.2, e2.lift(), 1e-9);
        assertEquals(2, e2.scored(), "a cancelled assignment is not scored");
    }

    @Test
    void shouldAddUpTheTotalsOfTheWindow() {
        Figures t = report(GroupBy.ADVOCATE, null, Sort.SCORE, 3, null).totals();
        assertEquals(7, t.assignments());
        assertEquals(0.833333, t.acceptanceRate(), "5 of 6");
        assertEquals(0.8, t.responseRate(), "4 of 5");
        assertEquals(45.0, t.medianResponseMinutes(), "10, 30, 60, 90: the mean of the middle two");
        assertEquals(90.0, t.p90ResponseMinutes(), "the 4th of 4");
        assertEquals(0.75, t.resolutionRate(), "3 of 4");
        assertEquals(2, t.rated());
        assertEquals(0.0, t.sentimentAfter(), 1e-9, "(0.4 - 0.4) / 2");
        assertEquals(0.4, t.lift(), 1e-9, "(1.0 - 0.2) / 2");
        assertEquals(1.9, t.points(), 1e-9, "a1 1.0 + a2 0.5 + b1 0.4");
    }

    @Test
    void shouldShrinkScoresTowardsTheMeanAndRankOnlyGroupsWithEnoughAssignments() {
        // mean = 1.9 / 6; e1: (1.5 + 5 mean) / 9; e2: (0.4 + 5 mean) / 7
        double mean = 1.9 / 6;
        Report r = report(GroupBy.ADVOCATE, null, Sort.SCORE, 3, null);
        assertEquals(0.316667, r.meanPoints());
        assertEquals((1.5 + 5 * mean) / 9, r.groups().get(0).score(), 1e-6);
        assertEquals((0.4 + 5 * mean) / 7, r.groups().get(1).score(), 1e-6);
        assertEquals(1, r.groups().get(0).rank());
        assertNull(r.groups().get(1).rank(), "e2 has 2 scored assignments, fewer than 3");
        assertEquals(1, r.ranked());

        Report all = report(GroupBy.ADVOCATE, null, Sort.SCORE, 2, null);
        assertEquals(2, all.groups().get(1).rank());
    }

    @Test
    void shouldSortByTheFigureAskedFor() {
        assertEquals(List.of("e2", "e1"), ids(report(GroupBy.ADVOCATE, null, Sort.SPEED, 3, null)));
        assertEquals(List.of("e1", "e2"), ids(report(GroupBy.ADVOCATE, null, Sort.LIFT, 3, null)));
        assertEquals(List.of("e2", "e1"), ids(report(GroupBy.ADVOCATE, null, Sort.ACCEPTANCE, 3, null)));
        assertEquals(List.of("e1", "e2"), ids(report(GroupBy.ADVOCATE, null, Sort.RESOLVED, 3, null)));
    }

    private static List<String> ids(Report r) {
        return r.groups().stream().map(EngagementOutcomes.Group::id).toList();
    }

    @Test
    void shouldGroupByProgramAndSayWhatIsInNoProgram() {
        Report r = report(GroupBy.PROGRAM, null, Sort.SCORE, 3, null);
        assertEquals(List.of("p1"), ids(r));
        assertEquals("Care Voices", r.groups().get(0).name());
        assertEquals(4, r.groups().get(0).figures().assignments());
        assertEquals(7, r.totals().assignments());
        assertTrue(r.notes().get(0).startsWith("3 assignments are of advocates in no program"), r.notes().toString());

        Report members = report(GroupBy.ADVOCATE, "p1", Sort.SCORE, 3, null);
        assertEquals(List.of("e1"), ids(members));
        assertEquals(4, members.totals().assignments(), "only the program's members count");
    }

    @Test
    void shouldBucketTheTotalsByIsoWeek() {
        // The window starts on Saturday 10 January: weeks from Monday 5, 12 and 19 January
        Report r = report(GroupBy.ADVOCATE, null, Sort.SCORE, 3, Bucket.WEEK);
        assertEquals(List.of(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-12T00:00:00Z"),
                Instant.parse("2026-01-19T00:00:00Z")), r.series().stream().map(EngagementOutcomes.Point::start).toList());
        assertEquals(List.of(2, 5, 0), r.series().stream().map(p -> p.figures().assignments()).toList());
        assertEquals(10, report(GroupBy.ADVOCATE, null, Sort.SCORE, 3, Bucket.DAY).series().size());
    }

    @Test
    void shouldDefaultToTheLast30Days() {
        Report r = outcomes.report(new Query(null, null, null, null, null, 10, 3, null));
        assertEquals(OutcomeFixture.TO.minus(EngagementOutcomes.DEFAULT_WINDOW), r.from());
        assertEquals(7, r.totals().assignments());
        assertEquals("advocate", r.by());
        assertEquals("score", r.sort());
    }

    @Test
    void shouldAnswerAnEmptyWindowWithZerosAndNoGroups() {
        Report r = outcomes.report(new Query(GroupBy.ADVOCATE, Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-02-01T00:00:00Z"), null, Sort.SCORE, 10, 3, null));
        assertEquals(0, r.groupCount());
        assertEquals(0, r.totals().assignments());
        assertNull(r.totals().acceptanceRate());
        assertNull(r.totals().medianResponseMinutes());
    }

    @Test
    void shouldRefuseABadWindowProgramOrBound() {
        assertEquals("from", assertThrows(InvalidFieldException.class, () -> outcomes.report(new Query(null,
                OutcomeFixture.TO, OutcomeFixture.FROM, null, null, 10, 3, null))).field());
        assertEquals("program", assertThrows(NotFoundException.class, () -> report(GroupBy.ADVOCATE, "nope", Sort.SCORE,
                3, null)).field());
        assertEquals("limit", assertThrows(InvalidFieldException.class, () -> new Query(null, null, null, null, null, 0,
                3, null)).field());
        assertEquals("minAssignments", assertThrows(InvalidFieldException.class, () -> new Query(null, null, null, null,
                null, 10, 0, null)).field());
        assertEquals("bucket", assertThrows(InvalidFieldException.class, () -> outcomes.report(new Query(null,
                Instant.parse("2023-01-01T00:00:00Z"), OutcomeFixture.TO, null, null, 10, 3, Bucket.DAY))).field());
        assertEquals("sort", assertThrows(InvalidFieldException.class, () -> Query.sort("fastest")).field());
    }

    @Test
    void shouldGiveResolvedAssignmentsPointsByTheirLift() {
        var resolved = new org.advocategraph.model.Assignment("x", "e1", "v1", OutcomeFixture.FROM,
                org.advocategraph.model.AssignmentStatus.RESOLVED, null, "", 0.9);
        assertEquals(1.0, EngagementOutcomes.points(resolved, -0.6), 1e-12, "a lift of 1.5 is clamped to 1");
        assertEquals(0.75, EngagementOutcomes.points(resolved, 0.4), 1e-12, "0.5 + 0.5 * (0.9 - 0.4)");
        assertEquals(0.5, EngagementOutcomes.points(new org.advocategraph.model.Assignment("y", "e1", "v1", OutcomeFixture.FROM,
                org.advocategraph.model.AssignmentStatus.RESOLVED, null, "", null), 0.4), 1e-12, "resolved, unrated");
    }
}
