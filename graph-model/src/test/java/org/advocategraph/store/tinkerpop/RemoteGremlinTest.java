package org.advocategraph.store.tinkerpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one-line messages the TinkerPop stores put in their errors. */
class RemoteGremlinTest {

    @Test
    void shouldGiveTheInnermostMessageOnOneLine() {
        Exception e = new IllegalStateException("outer", new RuntimeException("the server said:\n  no such source\r\n g2"));
        assertEquals("the server said: no such source g2", RemoteGremlin.oneLine(e));
    }

    @Test
    void shouldCutAMessageThatQuotesAWholeRequest() {
        // Given a server's timeout that quotes the request with every id of a batch
        StringBuilder request = new StringBuilder("A timeout occurred during traversal evaluation of [V(), has(uid, within([");
        for (int i = 0; i < 2_000; i++) {
            request.append("a").append(i).append(", ");
        }
        String message = request.append("]))] - consider increasing the limit given to evaluationTimeout").toString();

        // When it is made one line
        String line = RemoteGremlin.oneLine(new RuntimeException(message));

        // Then its start says what happened, and the rest is counted, not printed
        assertTrue(line.startsWith("A timeout occurred during traversal evaluation of"), line);
        assertTrue(line.endsWith("... (" + (message.length() - RemoteGremlin.MAX_MESSAGE) + " more characters)"), line);
        assertTrue(line.length() < RemoteGremlin.MAX_MESSAGE + 40, line);
    }
}
