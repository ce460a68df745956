package org.advocategraph.store.tinkerpop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.advocategraph.store.StoreException;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.RequestOptions;
import org.apache.tinkerpop.gremlin.driver.Result;

/**
 * {@link JanusGraphSchema.SchemaAccess} on a JanusGraph Server: JanusGraph's management API exists only in the
 * server's process, and no traversal reaches it, so the schema is read and created by two Groovy scripts sent
 * through the driver. Their text is constant (resources beside this class, {@code janusgraph-schema-read.groovy} and
 * {@code janusgraph-schema-apply.groovy}); the actions travel as request parameters, never as code. The server needs
 * the {@code gremlin-groovy} script engine, which JanusGraph Server has by default. The script's {@code g} is
 * aliased to the configured traversal source.
 */
final class RemoteManagement implements JanusGraphSchema.SchemaAccess {
    static final String READ = resource("janusgraph-schema-read.groovy");
    static final String APPLY = resource("janusgraph-schema-apply.groovy");

    /** Reading the schema is quick; creating it may reindex existing data. */
    private static final long READ_TIMEOUT_MILLIS = 60_000;
    private static final long APPLY_TIMEOUT_MILLIS = 30 * 60_000;

    private final Cluster cluster;
    private final String source;

    RemoteManagement(Cluster cluster, String source) {
        this.cluster = cluster;
        this.source = source;
    }

    @Override
    public Map<String, Object> read() {
        List<Result> results = run(READ, RequestOptions.build().addAlias("g", source).timeout(READ_TIMEOUT_MILLIS)
                .language("gremlin-groovy").create(), READ_TIMEOUT_MILLIS);
        if (results.size() != 1 || !(results.get(0).getObject() instanceof Map)) {
            throw new IllegalStateException("the schema script answered " + results.size() + " results, not one map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) results.get(0).getObject();
        return schema;
    }

    @Override
    public void apply(List<Map<String, Object>> actions) {
        run(APPLY, RequestOptions.build().addAlias("g", source).timeout(APPLY_TIMEOUT_MILLIS).language("gremlin-groovy")
                .addParameter("actions", actions)
                .addParameter("registerTimeoutSeconds", EmbeddedManagement.REGISTER_TIMEOUT_SECONDS).create(),
                APPLY_TIMEOUT_MILLIS);
    }

    private List<Result> run(String script, RequestOptions options, long timeoutMillis) {
        Client client = cluster.connect();
        try {
            return client.submitAsync(script, options).get(timeoutMillis, TimeUnit.MILLISECONDS).all()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while managing the JanusGraph schema", false, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("the JanusGraph Server could not run the schema script (it needs the gremlin-groovy "
                    + "script engine and a JanusGraph behind traversal source '" + source + "'): "
                    + RemoteGremlin.oneLine(e), false, e);
        } finally {
            client.close();
        }
    }

    private static String resource(String name) {
        try (InputStream in = RemoteManagement.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
