"""Reference PageRank values for NetworkAnalyticsTest, computed with networkx.

Each network is read as `advocates import edges` reads it (see EdgeListConverter): undirected files give one tie
per unordered pair with strength = the pair's summed weight / the largest summed weight (or n / (n + 1) for a
pair on n lines when there are no weights); directed files with timestamps give one tie per ordered pair with
strength n / (n + 1); strengths rounded to 1e-6. PageRank: damping 0.85, weight = strength, tolerance 1e-13.

Run from the repository root, with the shared data beside it:
    python3 import-tools/src/test/resources/analytics/pagerank_reference.py ../shared/data/networks \
        > import-tools/src/test/resources/analytics/pagerank_reference.json
"""
import gzip
import json
import re
import sys
from collections import defaultdict

import networkx as nx


def rounded(x):
    r = round(x * 1e6) / 1e6
    return 1e-6 if x > 0 and r <= 0 else min(1.0, r)


def edge_list(path, directed):
    opener = gzip.open if path.endswith(".gz") else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            rows.append(cols)
    return rows


def graph(rows, directed, weighted):
    total = defaultdict(float)
    lines = defaultdict(int)
    for cols in rows:
        a, b = cols[0], cols[1]
        if a == b:
            continue
        key = (a, b) if directed else tuple(sorted((a, b)))
        lines[key] += 1
        if weighted:
            total[key] += float(cols[2])
    g = nx.DiGraph() if directed else nx.Graph()
    top = max(total.values()) if weighted else None
    for key, n in lines.items():
        s = total[key] / top if weighted else n / (n + 1)
        g.add_edge(key[0], key[1], weight=rounded(s))
    return g


def gml(path):
    # networkx's reader refuses the duplicate edges some of these files hold; the importer aggregates them.
    text = open(path, encoding="utf-8").read()
    labels = dict(re.findall(r'node\s*\[\s*id\s+(\d+)\s+label\s+"([^"]*)"', text))
    rows = [[labels[a], labels[b]] for a, b in re.findall(r"edge\s*\[\s*source\s+(\d+)\s+target\s+(\d+)", text)]
    g = graph(rows, False, False)
    g.add_nodes_from(labels.values())
    return g


def main(data):
    networks = {
        "karate_zachary_edges.tsv": graph(edge_list(f"{data}/karate_zachary_edges.tsv", False), False, True),
        "les_miserables_edges.tsv": graph(edge_list(f"{data}/les_miserables_edges.tsv", False), False, True),
        "football.gml": gml(f"{data}/football.gml"),
        "CollegeMsg.txt.gz": graph(edge_list(f"{data}/CollegeMsg.txt.gz", True), True, False),
    }
    out = {}
    for name, g in networks.items():
        pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
        out[name] = {str(k): v for k, v in sorted(pr.items(), key=lambda kv: str(kv[0]))}
    json.dump(out, sys.stdout, indent=0, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
