"""Reference values for CentralityTest, from networkx on Zachary's karate club (unweighted structure).

Rerun from the repository root with networkx installed (the values in CentralityTest came from networkx 3.6.1):

    python3 matching-service/src/test/resources/analytics/karate_reference.py

and paste the printed Java literals into CentralityTest. Node ids are "0".."33"; arrays are indexed by node id.
"""
import random

import networkx as nx

G = nx.Graph(nx.karate_club_graph().edges())  # the structure only, without the "weight" attribute
n = G.number_of_nodes()
assert sorted(G.nodes()) == list(range(n))


def java(declaration, items):
    """A Java array constant: the declaration, then the items indented and wrapped at 120 columns."""
    lines, line = [], " " * 12
    for item in items:
        if len(line) + len(item) + 1 > 120:
            lines.append(line.rstrip())
            line = " " * 12
        line += item + ", "
    lines.append(line[:-2] + "};")
    return "    private static final " + declaration + " = {\n" + "\n".join(lines)


print("    // networkx " + nx.__version__ + ", karate_reference.py")
print(java("int[][] KARATE_EDGES", ("{%d, %d}" % e for e in sorted(tuple(sorted(e)) for e in G.edges()))))

exact = nx.betweenness_centrality(G)
print(java("double[] KARATE_BETWEENNESS", (repr(exact[v]) for v in range(n))))

core = nx.core_number(G)
print(java("int[] KARATE_CORE", (str(core[v]) for v in range(n))))

# Sampled: networkx draws k sources with random.Random(seed).sample(list(G.nodes()), k); print them with the result,
# so that the same sources can be given to Betweenness.
k, seed = 10, 42
sources = random.Random(seed).sample(list(G.nodes()), k)
sampled = nx.betweenness_centrality(G, k=k, seed=seed)
print(java("int[] KARATE_SOURCES", (str(s) for s in sources)))
print(java("double[] KARATE_SAMPLED", (repr(sampled[v]) for v in range(n))))

# Sanity check of the hand-computed values in CentralityTest.
assert nx.betweenness_centrality(nx.path_graph(5)) == {0: 0.0, 1: 0.5, 2: 4 / 6, 3: 0.5, 4: 0.0}
assert nx.betweenness_centrality(nx.star_graph(4))[0] == 1.0
assert all(abs(b - 0.2) < 1e-15 for b in nx.betweenness_centrality(nx.cycle_graph(6)).values())
pendant = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("a", "d")])
assert nx.core_number(pendant) == {"a": 2, "b": 2, "c": 2, "d": 1}
assert set(nx.core_number(nx.complete_graph(4)).values()) == {3}
