package org.advocategraph.service.analytics;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Enums;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.network.NetworkAttribute;
import org.advocategraph.network.NetworkFormat;
import org.advocategraph.network.NetworkWriter;
import org.advocategraph.store.GraphStore;

/**
 * The people network with analytics results on every person, as a GraphML or GEXF file that opens in Gephi
 * coloured and sized: each person's community and any of the centrality scores, ties with their direction and
 * strength.
 *
 * <p>Nodes are the projection's people (id, name as label, kind, advocate, department, then one column per
 * result asked for); edges are its tied pairs, one per pair: {@code mutual} (colleague, knows, interacted) from the
 * smaller id to the larger, or {@code follows} from the follower to the one followed, weighted by the pair's
 * strength. Colour is by community (a qualitative palette, largest communities first, so the largest twelve get
 * twelve distinct colours) or by a score (a sequential palette from pale yellow to dark red on the score's rank,
 * so a skewed score still spreads over the palette); size is by PageRank rank when PageRank is exported, else by
 * degree rank.
 *
 * <p>Everything is computed before the first byte is written, so a bad request is refused whole. Cost: the
 * results asked for (cached per projection), two scans of the people, and O(V + E) to write.
 */
public final class NetworkExport {
    /** The column name of the community result. */
    public static final String COMMUNITY = "community";
    /** Twelve well-separated colours (ColorBrewer Paired, reordered so neighbours differ). */
    private static final int[][] PALETTE = {
            {31, 120, 180}, {227, 26, 28}, {51, 160, 44}, {255, 127, 0}, {106, 61, 154}, {177, 89, 40},
            {166, 206, 227}, {251, 154, 153}, {178, 223, 138}, {253, 191, 111}, {202, 178, 214}, {255, 255, 153}};
    /** Communities past the palette are grey. */
    private static final int[] GREY = {189, 189, 189};
    private static final double MIN_SIZE = 2;
    private static final double MAX_SIZE = 20;
    private static final int BATCH = ProjectionLoader.BATCH;

    private static final NetworkAttribute KIND = NetworkAttribute.node("kind", NetworkAttribute.Type.STRING);
    private static final NetworkAttribute ADVOCATE = NetworkAttribute.node("advocate", NetworkAttribute.Type.BOOLEAN);
    private static final NetworkAttribute DEPARTMENT = NetworkAttribute.node("department", NetworkAttribute.Type.STRING);
    private static final NetworkAttribute COMMUNITY_COLUMN = NetworkAttribute.node(COMMUNITY, NetworkAttribute.Type.INT);

    /**
     * What to export, checked: every result is computed before anything is written.
     *
     * @param format     the file format
     * @param columns    the results, in the order asked for: {@link #COMMUNITY} and measure keys
     * @param color      which result colours the nodes
     * @param resolution the communities' resolution
     */
    public record Request(NetworkFormat format, List<String> columns, String color, double resolution) {
        public Request {
            columns = List.copyOf(columns);
        }

        /** @return the file name to offer */
        public String fileName() {
            return "advocate-network" + format.extension();
        }
    }

    private final GraphStore store;
    private final InfluenceAnalytics analytics;

    /**
     * @param store     the graph, for names and departments
     * @param analytics the projection, its communities and scores
     */
    public NetworkExport(GraphStore store, InfluenceAnalytics analytics) {
        this.store = store;
        this.analytics = analytics;
    }

    /**
     * Checks a request.
     *
     * @param format     {@code graphml} or {@code gexf}
     * @param results    {@code community} and any of {@code pagerank}, {@code degree}, {@code betweenness},
     *                   {@code kcore}; empty for community and PageRank
     * @param color      one of the results, or null for community when exported, else the first result
     * @param resolution the communities' resolution
     * @return the request
     * @throws InvalidFieldException naming {@code format}, {@code scores}, {@code color} or {@code resolution}
     */
    public Request request(String format, Collection<String> results, String color, double resolution) {
        NetworkFormat f = Enums.parse(NetworkFormat.class, "format", format);
        Set<String> columns = new LinkedHashSet<>();
        for (String r : results.isEmpty() ? List.of(COMMUNITY, InfluenceAnalytics.Algorithm.PAGERANK.key()) : results) {
            String key = r.trim().toLowerCase(Locale.ROOT);
            columns.add(COMMUNITY.equals(key) ? key : InfluenceAnalytics.Algorithm.parse("scores", key).key());
        }
        String c = color == null || color.isBlank() ? (columns.contains(COMMUNITY) ? COMMUNITY : columns.iterator().next())
                : color.trim().toLowerCase(Locale.ROOT);
        if (!columns.contains(c)) {
            throw new InvalidFieldException("color", "must be one of the exported results " + columns + ", was " + color);
        }
        if (columns.contains(COMMUNITY) && !(resolution >= InfluenceAnalytics.MIN_RESOLUTION
                && resolution <= InfluenceAnalytics.MAX_RESOLUTION)) {
            throw new InvalidFieldException("resolution", "must be in " + InfluenceAnalytics.MIN_RESOLUTION + ".."
                    + InfluenceAnalytics.MAX_RESOLUTION + ", was " + resolution);
        }
        return new Request(f, List.copyOf(columns), c, resolution);
    }

    /** The results of a request over one projection, ready to write. */
    public final class Prepared {
        private final Request request;
        private final PeopleGraph graph;
        private final Map<String, double[]> values;
        private final Map<String, Object> projection;

        private Prepared(Request request, PeopleGraph graph, Map<String, double[]> values, Map<String, Object> projection) {
            this.request = request;
            this.graph = graph;
            this.values = values;
            this.projection = projection;
        }

        /** @return how current the projection is, as every analytics answer says */
        public Map<String, Object> projection() {
            return projection;
        }

        /** @return people in the file */
        public int people() {
            return graph.size();
        }

        /**
         * Writes the file.
         *
         * @param out where to; flushed, not closed
         */
        public void writeTo(OutputStream out) {
            write(this, out);
        }
    }

    /**
     * Computes every result of a request over the current projection.
     *
     * @return what {@link Prepared#writeTo} writes
     */
    public Prepared prepare(Request request) {
        Map<String, double[]> values = new LinkedHashMap<>();
        ProjectionCache.Current current = null;
        for (String column : request.columns()) {
            if (COMMUNITY.equals(column)) {
                InfluenceAnalytics.Partition p = analytics.partition(request.resolution());
                current = p.current();
                values.put(column, Arrays.stream(p.communities().community()).asDoubleStream().toArray());
            }
        }
        if (current == null) {
            current = analytics.projection();
        }
        PeopleGraph g = current.graph();
        for (String column : request.columns()) {
            if (!COMMUNITY.equals(column)) {
                values.put(column, analytics.scores(InfluenceAnalytics.Algorithm.parse("scores", column), g,
                        new HashMap<>()));
            }
        }
        return new Prepared(request, g, values, current.description());
    }

    private void write(Prepared p, OutputStream out) {
        PeopleGraph g = p.graph;
        List<NetworkAttribute> attributes = new ArrayList<>(List.of(NetworkAttribute.LABEL, KIND, ADVOCATE, DEPARTMENT));
        Map<String, NetworkAttribute> columns = new LinkedHashMap<>();
        for (String column : p.request.columns()) {
            columns.put(column, COMMUNITY.equals(column) ? COMMUNITY_COLUMN
                    : NetworkAttribute.node(column, NetworkAttribute.Type.DOUBLE));
        }
        attributes.addAll(columns.values());
        attributes.add(NetworkAttribute.EDGE_KIND);
        attributes.add(NetworkAttribute.STRENGTH);
        String description = "Advocate network: people and their ties, with " + String.join(", ", columns.keySet())
                + "; coloured by " + p.request.color();
        NetworkWriter writer = p.request.format().writer(out, attributes, description, true);
        double[] colorBy = p.values.get(p.request.color());
        double[] colorRank = COMMUNITY.equals(p.request.color()) ? null : ranks(colorBy);
        double[] sizeRank = ranks(p.values.containsKey("pagerank") ? p.values.get("pagerank") : degrees(g));
        writer.begin();
        boolean[] written = new boolean[g.size()];
        store.scan(Employee.class, BATCH, batch -> {
            for (Employee e : batch) {
                int u = g.indexOf(e.id());
                if (u >= 0) {
                    node(writer, p, columns, u, e.name(), e.department(), colorBy, colorRank, sizeRank);
                    written[u] = true;
                }
            }
        });
        store.scan(Customer.class, BATCH, batch -> {
            for (Customer c : batch) {
                int u = g.indexOf(c.id());
                if (u >= 0 && !written[u]) {
                    node(writer, p, columns, u, c.name(), null, colorBy, colorRank, sizeRank);
                    written[u] = true;
                }
            }
        });
        // Anyone written to the store after the projection was built is left out with their ties; anyone removed
        // since is still written, without a name, so that every edge has both ends.
        for (int u = 0; u < g.size(); u++) {
            if (!written[u]) {
                node(writer, p, columns, u, g.id(u), null, colorBy, colorRank, sizeRank);
            }
        }
        long edges = 0;
        Map<NetworkAttribute, String> values = new HashMap<>();
        for (int u = 0; u < g.size(); u++) {
            for (int e = g.start(u); e < g.end(u); e++) {
                int v = g.target(e);
                boolean attends = g.has(e, PeopleGraph.ATTENTION);
                boolean heard = g.has(e, PeopleGraph.VOICE);
                boolean mutual = attends && heard;
                // one edge per pair: a mutual pair from the smaller id (stable across rebuilds), a one-way pair from
                // the follower
                if (mutual ? g.id(u).compareTo(g.id(v)) < 0 : attends) {
                    values.put(NetworkAttribute.EDGE_KIND, mutual ? "mutual" : "follows");
                    values.put(NetworkAttribute.STRENGTH, Float.toString(g.weight(u, e)));
                    writer.edge(Long.toString(edges++), g.id(u), g.id(v), values);
                }
            }
        }
        writer.end();
    }

    private static void node(NetworkWriter writer, Prepared p, Map<String, NetworkAttribute> columns, int u,
                             String name, String department, double[] colorBy, double[] colorRank, double[] sizeRank) {
        PeopleGraph g = p.graph;
        Map<NetworkAttribute, String> values = new HashMap<>();
        values.put(NetworkAttribute.LABEL, name == null || name.isBlank() ? g.id(u) : name);
        values.put(KIND, g.isEmployee(u) ? "employee" : "customer");
        values.put(ADVOCATE, Boolean.toString(g.isAdvocate(u)));
        if (department != null && !department.isBlank()) {
            values.put(DEPARTMENT, department);
        }
        for (var column : columns.entrySet()) {
            double x = p.values.get(column.getKey())[u];
            values.put(column.getValue(), COMMUNITY.equals(column.getKey()) ? Integer.toString((int) x) : Double.toString(x));
        }
        int[] rgb = colorRank == null ? communityColor((int) colorBy[u]) : sequential(colorRank[u]);
        writer.node(g.id(u), values, new NetworkWriter.Visual(rgb[0], rgb[1], rgb[2],
                MIN_SIZE + (MAX_SIZE - MIN_SIZE) * sizeRank[u]));
    }

    /** @return the colour of community {@code c} (0 the largest) */
    static int[] communityColor(int c) {
        return c < PALETTE.length ? PALETTE[c] : GREY;
    }

    /** @return pale yellow (255, 255, 204) at 0 to dark red (128, 0, 38) at 1 */
    static int[] sequential(double t) {
        return new int[] {(int) Math.round(255 + (128 - 255) * t), (int) Math.round(255 - 255 * t),
                (int) Math.round(204 + (38 - 204) * t)};
    }

    /** @return each value's rank as a fraction 0..1 (0 the smallest; equal values share the lowest rank) */
    static double[] ranks(double[] values) {
        int n = values.length;
        double[] out = new double[n];
        if (n < 2) {
            return out;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int rank = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && values[order[i]] != values[order[i - 1]]) {
                rank = i;
            }
            out[order[i]] = rank / (double) (n - 1);
        }
        return out;
    }

    private static double[] degrees(PeopleGraph g) {
        double[] d = new double[g.size()];
        for (int u = 0; u < g.size(); u++) {
            d[u] = g.degree(u);
        }
        return d;
    }
}
