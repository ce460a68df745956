package org.advocategraph.service.app;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.ApiServer;
import org.advocategraph.service.engagement.AssignmentEvents;
import org.advocategraph.service.engagement.AssignmentService;
import org.advocategraph.service.engagement.WebhookDispatcher;
import org.advocategraph.service.matching.AdvocateMatcher;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.memory.CachedGraphStore;
import org.advocategraph.store.select.OpenStore;

/**
 * The composition root: opens the configured store, builds the engines on it and the HTTP server in front of
 * them, and the webhook dispatcher when one is configured. Closing it stops the server, then the dispatcher (its
 * background threads), then the store (and an embedded database). Nothing else in the code base creates these
 * parts.
 */
public final class AdvocateService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdvocateService.class);

    private final OpenStore store;
    private final CachedGraphStore graph;
    private final PolicyBook policies;
    private final AdvocateMatcher matcher;
    private final ApiServer server;
    private final AssignmentService assignments;
    private final Optional<WebhookDispatcher> webhook;
    private final ScheduledExecutorService refresher;
    private volatile boolean closed;

    private AdvocateService(OpenStore store, CachedGraphStore graph, PolicyBook policies, AdvocateMatcher matcher,
                            ApiServer server, AssignmentService assignments, Optional<WebhookDispatcher> webhook,
                            int refreshSeconds) {
        this.store = store;
        this.graph = graph;
        this.policies = policies;
        this.matcher = matcher;
        this.server = server;
        this.assignments = assignments;
        this.webhook = webhook;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "graph-refresh");
            t.setDaemon(true);
            return t;
        });
        if (refreshSeconds > 0) {
            refresher.scheduleWithFixedDelay(this::refresh, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
        }
    }

    private void refresh() {
        try {
            graph.refreshIfChanged();
            policies.reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not check the store for outside writes: {}", e.getMessage());
        }
    }

    /**
     * Opens the store and wires the service; the HTTP server is not listening until {@link #start()}.
     *
     * @param config the configuration
     * @param keys   the API keys to accept (the configured ones, plus a demo key when serving a demo)
     * @return the wired service
     * @throws org.advocategraph.store.StoreException when the store cannot be opened; nothing is left running
     */
    public static AdvocateService open(ServiceConfig config, ApiKeys keys) {
        return open(config, keys, OpenStore.open(config.store()));
    }

    /**
     * Wires the service over a store already open, which it then owns: closing the service closes it. For a store
     * that lives only as long as its process ({@code tinkergraph:memory}, {@code janusgraph:inmemory}) filled
     * before serving.
     *
     * @param config the configuration; its store settings are not used
     * @param keys   the API keys to accept
     * @param store  the open store
     * @return the wired service
     */
    public static AdvocateService open(ServiceConfig config, ApiKeys keys, OpenStore store) {
        Optional<WebhookDispatcher> webhook = Optional.empty();
        try {
            // The engines read from memory; writes go through to the store.
            CachedGraphStore graph = new CachedGraphStore(store.store());
            Clock clock = Clock.systemUTC();
            var policies = new PolicyBook(graph, new com.fasterxml.jackson.databind.ObjectMapper());
            var matcher = new GraphAdvocateMatcher(graph, config.weights(), policies, clock);
            webhook = Optional.ofNullable(config.webhook()).map(w -> new WebhookDispatcher(w, clock));
            var assignments = new AssignmentService(graph, webhook.<AssignmentEvents>map(w -> w).orElse(AssignmentEvents.NONE),
                    clock);
            var server = new ApiServer(config.api(), keys,
                    ApiServer.Engines.on(graph, matcher, policies, assignments, webhook));
            webhook.ifPresent(w -> LOG.info("Assignment events go to the webhook {}", w.safeUrl()));
            return new AdvocateService(store, graph, policies, matcher, server, assignments, webhook, config.refreshSeconds());
        } catch (RuntimeException e) {
            webhook.ifPresent(WebhookDispatcher::close);
            store.close();
            throw e;
        }
    }

    /** @return the graph store (reads from memory, writes through), for loading data before serving */
    public GraphStore store() {
        return graph;
    }

    /** @return the matching engine */
    public AdvocateMatcher matcher() {
        return matcher;
    }

    /** @return the assignment lifecycle */
    public AssignmentService assignments() {
        return assignments;
    }

    /** Starts the HTTP server. */
    public AdvocateService start() {
        server.start();
        LOG.info("Serving on port {} over {}", server.port(), graph.describe());
        return this;
    }

    /** @return the HTTP server */
    public ApiServer server() {
        return server;
    }

    /** @return the bound HTTP port */
    public int port() {
        return server.port();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        refresher.shutdownNow();
        try {
            server.close();
        } finally {
            try {
                // After the server, so that no request publishes into a stopped dispatcher; before the store.
                webhook.ifPresent(WebhookDispatcher::close);
            } finally {
                store.close();
            }
        }
    }
}
