package org.advocategraph.tools.connect;

import org.advocategraph.model.TieKind;

/**
 * How {@link EdgeListConverter} reads an edge list.
 *
 * @param directed  each line is a one-way tie from the first to the second column; a GML file that declares
 *                  {@code directed 1} is directed whatever this says
 * @param kind      the kind of the ties, or null for the default: {@link TieKind#FOLLOWS} when directed,
 *                  {@link TieKind#KNOWS} when not
 * @param bipartite the first column holds people, the second events (which become conversations); no ties
 *                  are made, so {@code directed} and {@code kind} must not be given
 * @param customers people become customers instead of employees
 */
public record EdgeListOptions(boolean directed, TieKind kind, boolean bipartite, boolean customers) {
    public EdgeListOptions {
        if (bipartite && (directed || kind != null)) {
            throw new IllegalArgumentException("a bipartite file makes participations, not ties: directed and kind "
                    + "do not apply");
        }
    }
}
