package org.advocategraph.tools.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import org.advocategraph.service.app.ServiceConfig;

/** Options shared by every command that opens the graph store. Passwords come only from the file or environment. */
final class StoreOptions {
    @Option(scope = ScopeType.INHERIT, names = "--config", paramLabel = "FILE", description = "Properties file with settings (see README).")
    Path config;

    @Option(scope = ScopeType.INHERIT, names = "--data", paramLabel = "DIR", description = "Folder of the embedded database (default: ./data).")
    Path data;

    @Option(scope = ScopeType.INHERIT, names = {"--store-uri", "--store"}, paramLabel = "URI",
            description = "bolt:// or neo4j:// URI of an external Neo4j, gremlin://HOST[:PORT][/SOURCE] of a Gremlin or "
                    + "JanusGraph Server (?schema=janusgraph), janusgraph:FILE.properties or janusgraph:inmemory, "
                    + "or tinkergraph:memory; none = embedded Neo4j.")
    String storeUri;

    @Option(scope = ScopeType.INHERIT, names = "--store-user", paramLabel = "USER", description = "Neo4j or Gremlin Server user (password: ADVOCATES_STORE_PASSWORD).")
    String storeUser;

    @Option(scope = ScopeType.INHERIT, names = "--bolt-port", paramLabel = "PORT", description = "Loopback Bolt port of the embedded database (default: any free port).")
    Integer boltPort;

    Map<String, String> overrides() {
        Map<String, String> o = new HashMap<>();
        if (data != null) {
            o.put("store.data", data.toString());
        }
        if (storeUri != null) {
            o.put("store.uri", storeUri);
        }
        if (storeUser != null) {
            o.put("store.user", storeUser);
        }
        if (boltPort != null) {
            o.put("store.boltPort", boltPort.toString());
        }
        return o;
    }

    ServiceConfig load(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(overrides());
        all.putAll(more);
        return ServiceConfig.load(config, System.getenv(), all);
    }
}
