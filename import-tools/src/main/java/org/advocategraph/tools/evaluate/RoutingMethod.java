package org.advocategraph.tools.evaluate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.advocategraph.tools.connect.StackExchangeDump;

/**
 * A named routing method: makes a fresh {@link AnswererRanker} for each run, since rankers keep what they learned.
 *
 * @param name    the name in reports, for example {@code tag_count}
 * @param factory makes a ranker that knows nothing yet, for a dump
 */
public record RoutingMethod(String name, Function<StackExchangeDump, AnswererRanker> factory) {
    public RoutingMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** @return our engine ({@link EngineRanker} with the default weights), then the two baselines */
    public static List<RoutingMethod> defaults() {
        return List.of(new RoutingMethod("engine", EngineRanker::withDefaultMatcher),
                new RoutingMethod("tag_count", dump -> new TagCountRanker()),
                new RoutingMethod("popularity", dump -> new PopularityRanker()));
    }
}
