#!/usr/bin/env python3
"""Writes networkx.graphml and networkx-undirected.graphml with NetworkX's own GraphML writer.

GraphMLImportTests load both files and check every role, relation and attribute against the
graph built here. Regenerate with `python3 make_networkx.py` (NetworkX 3.x) in this folder.
"""
import networkx as nx

# A directed multigraph, as RoleGraph models one: a node's attributes use RoleGraph's names where
# they exist (name, area, titles as "; "-joined text), and one attribute RoleGraph does not know
# (tenure) that must be ignored.
g = nx.MultiDiGraph(name="Team moves (NetworkX)")
g.add_node("analyst", name="Data Analyst", area="insights", titles="Analyst; BI Analyst",
           entry_level=True, tenure=3)
g.add_node("scientist", name="Data Scientist", area="insights", prevalence="common")
g.add_node("mle", name="ML Engineer", area="models", stays=12.0)
g.add_node("researcher")  # no attributes at all: named by its id, in the area 'unassigned'
g.add_edge("analyst", "scientist", kind="transition", effort=3.0, count=40.0, note="More statistics")
g.add_edge("scientist", "mle", kind="transition", effort=2.5)
g.add_edge("scientist", "analyst", kind="stakeholder")
g.add_edge("mle", "scientist", kind="collaboration")
g.add_edge("mle", "researcher")  # no kind: a transition of effort 1
nx.write_graphml(g, "networkx.graphml")

# An undirected graph with no RoleGraph attributes: each edge is a move both ways.
u = nx.Graph()
u.add_edge("a", "b", weight=0.5)
u.add_edge("b", "c")
nx.write_graphml(u, "networkx-undirected.graphml")
