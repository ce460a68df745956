package org.advocategraph.service.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;

class ProximitySearchTest {
    private static Tie tie(String a, String b, double s) {
        return new Tie(a, b, TieKind.KNOWS, s, null);
    }

    @Test
    void shouldPreferAStrongTwoHopPathOverAWeakDirectTie() {
        // Given a-b strong, b-c strong, and a weak direct a-c
        var search = new ProximitySearch(List.of(tie("a", "b", 0.9), tie("b", "c", 0.8), tie("a", "c", 0.1)));
        // When we look for best paths from a
        Map<String, ProximitySearch.Path> paths = search.bestPaths("a", 3);
        // Then c is best reached through b: 0.9 * 0.8 * 0.5 = 0.36 > 0.1
        assertEquals(List.of("a", "b", "c"), paths.get("c").nodes());
        assertEquals(0.36, paths.get("c").score(), 1e-12);
        assertEquals(0.9, paths.get("b").score(), 1e-12);
    }

    @Test
    void shouldFollowTiesInEitherDirectionAndStopAtTheHopBound() {
        // Given a chain a <- b <- c <- d <- e recorded against the walking direction
        var search = new ProximitySearch(List.of(tie("b", "a", 1), tie("c", "b", 1), tie("d", "c", 1), tie("e", "d", 1)));
        Map<String, ProximitySearch.Path> paths = search.bestPaths("a", 3);
        // Then d is three hops away (1 * 0.5 * 0.5) and e, four hops away, is not reached
        assertEquals(0.25, paths.get("d").score(), 1e-12);
        assertEquals(3, paths.get("d").hops());
        assertFalse(paths.containsKey("e"));
        assertFalse(paths.containsKey("a"));
    }

    @Test
    void shouldUseTheStrongestOfSeveralTiesBetweenTwoPeople() {
        var search = new ProximitySearch(List.of(new Tie("a", "b", TieKind.FOLLOWS, 0.2, null),
                new Tie("b", "a", TieKind.COLLEAGUE, 0.7, null)));
        assertEquals(0.7, search.bestPaths("a", 1).get("b").score(), 1e-12);
        assertEquals(TieKind.COLLEAGUE, search.bestPaths("a", 1).get("b").kinds().get(0));
    }
}
