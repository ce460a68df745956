package org.advocategraph.store.tinkerpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Topic;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.store.select.StoreSettings;

/** Reaching a Gremlin Server: through the store setting, fast and clear failures, transactions, request sizes. */
class RemoteGremlinIT {
    @RegisterExtension
    static final GremlinServerExtension PLAIN = GremlinServerExtension.tinkerGraph();
    @RegisterExtension
    static final GremlinServerExtension TRANSACTIONAL = GremlinServerExtension.transactional();
    @RegisterExtension
    static final GremlinServerExtension LOGIN = GremlinServerExtension.tinkerGraph().requiringLogin("app", "right-pw");

    private static StoreSettings settings(String uri) {
        return new StoreSettings(uri, "app", "s3cret-pw", null, Path.of("unused"), 0);
    }

    @Test
    void shouldOpenTheStoreFromTheStoreSettingAndSayWhetherTheGraphTakesTransactions() {
        // Given servers with and without transactions, When each is opened from its URI
        try (OpenStore plain = OpenStore.open(settings(PLAIN.uri()));
             OpenStore transactional = OpenStore.open(settings(TRANSACTIONAL.uri()))) {
            plain.store().upsert(List.of(new Topic("t1", "Graphs")));

            // Then the store works, and describes itself with the URI and what it found
            assertEquals(StoreSettings.Kind.GREMLIN, plain.kind());
            assertEquals("Graphs", plain.store().topics(List.of("t1")).get(0).name());
            assertEquals("gremlin gremlin://127.0.0.1:" + PLAIN.port() + "/g (no transactions)", plain.store().describe());
            assertTrue(transactional.store().describe().endsWith("(transactions)"), transactional.store().describe());
        }
    }

    @Test
    void shouldFailFastInOneLineNamingHostAndPortWhenNothingListens() {
        // Given a port nothing listens on
        int port = LocalGremlinServer.freePort();

        // When the store is opened
        long start = System.nanoTime();
        StoreException e = assertThrows(StoreException.class,
                () -> OpenStore.open(settings("gremlin://127.0.0.1:" + port + "/g")));
        double seconds = (System.nanoTime() - start) / 1e9;

        // Then it fails within seconds, in one line naming the server, never the password
        assertTrue(seconds < 10, seconds + " s");
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot reach the graph store at"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void shouldLogInWithTheStoreUserAndPasswordAndNeverShowThePassword() {
        // Given a server that knows one user
        String uri = LOGIN.uri();

        // When the store logs in with the right password, with a wrong one, and with none
        try (OpenStore open = OpenStore.open(new StoreSettings(uri, "app", "right-pw", null, Path.of("unused"), 0))) {
            open.store().upsert(List.of(new Topic("t1", "Graphs")));
            assertEquals(1L, open.store().counts().get("Topic"));
        }
        StoreException wrong = assertThrows(StoreException.class,
                () -> OpenStore.open(new StoreSettings(uri, "app", "wrong-pw", null, Path.of("unused"), 0)));
        StoreException none = assertThrows(StoreException.class,
                () -> OpenStore.open(new StoreSettings(uri, null, null, null, Path.of("unused"), 0)));

        // Then the right one works; the others are refused naming the server and the user, never a password
        assertTrue(wrong.getMessage().contains("refused the credentials of user app"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains(uri), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-pw"), wrong.getMessage());
        assertFalse(wrong.retryable());
        assertTrue(none.getMessage().contains("refused the credentials (none given"), none.getMessage());
    }

    @Test
    void shouldSayWhichTraversalSourceTheServerDoesNotHave() {
        // Given a server that binds only g, When a store asks for another source
        StoreException e = assertThrows(StoreException.class,
                () -> OpenStore.open(settings("gremlin://127.0.0.1:" + PLAIN.port() + "/graphs")));

        // Then the server's answer names it
        assertTrue(e.getMessage().contains("[graphs]"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + PLAIN.port()), e.getMessage());
    }

    @Test
    void shouldCutLargeWritesIntoRequestsTheServerAccepts() {
        // Given 3,000 conversations of about 1 KB of text that does not compress (the driver deflates its frames), some
        // 3 MB in all, for a server that takes 64 KB per request
        List<GraphElement> conversations = new ArrayList<>();
        Random random = new Random(42);
        String text = null;
        for (int i = 0; i < 3_000; i++) {
            byte[] noise = new byte[700];
            random.nextBytes(noise);
            String t = Base64.getEncoder().encodeToString(noise) + " \u00e9t\u00e9 \u4e2d\u6587 " + i;
            text = i == 42 ? t : text;
            conversations.add(new Conversation("v" + i, "forum", "https://example.com/" + i, t, "en", 0.1,
                    Instant.ofEpochMilli(1_700_000_000_000L + i), ConversationStatus.OPEN, null, i, null));
        }
        try (TinkerPopGraphStore store = TRANSACTIONAL.emptyStore()) {
            // When they are written in one call and read back
            var result = store.upsert(conversations);
            List<Conversation> scanned = new ArrayList<>();
            store.scan(Conversation.class, 10_000, scanned::addAll);

            // Then every one is there, whole
            assertEquals(3_000, result.nodesCreated());
            assertEquals(3_000, scanned.size());
            assertEquals(text, store.conversation("v42").orElseThrow().text());
        }
    }
}
