// Includes the system's Graphviz headers (Debian: libgraphviz-dev). Nothing is vendored.
#ifndef ROLEGRAPH_CGRAPHVIZ_SHIM_H
#define ROLEGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// `Agdirected` and friends are `extern` globals; Swift 6's strict concurrency checking rejects
// reading mutable C globals, so they are reached through these accessors.
static inline Agdesc_t rg_agdirected(void) { return Agdirected; }
static inline Agdesc_t rg_agstrictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t rg_agundirected(void) { return Agundirected; }

#endif
