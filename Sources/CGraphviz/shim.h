// Includes the system's Graphviz headers (Debian: libgraphviz-dev). Nothing is vendored.
#ifndef ROLEGRAPH_CGRAPHVIZ_SHIM_H
#define ROLEGRAPH_CGRAPHVIZ_SHIM_H

#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// `Agdirected` and friends are `extern` globals; Swift 6's strict concurrency checking rejects
// reading mutable C globals, so they are reached through these accessors.
static inline Agdesc_t rg_agdirected(void) { return Agdirected; }
static inline Agdesc_t rg_agstrictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t rg_agundirected(void) { return Agundirected; }

// cgraph spells these as macros over bit-fields and unions, which Swift does not import.
static inline Agnode_t *rg_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *rg_aghead(Agedge_t *e) { return aghead(e); }
// The creation sequence number of a graph, node or edge: the order the objects appear in the file.
static inline unsigned rg_agseq(void *obj) { return AGSEQ(obj); }

// MARK: Reading DOT text with a caller's ID discipline
//
// `agmemread` always uses cgraph's default ID discipline; this is `agmemread` with the caller's
// (see `CreationOrderIDs` in Graphviz.swift for why).

typedef struct {
    const char *data;
    size_t length;
    size_t position;
} rg_dot_reader;

// Hands the lexer one line at a time, as `agmemread` does.
static inline int rg_dot_reader_read(void *chan, char *buf, int bufsize) {
    rg_dot_reader *reader = (rg_dot_reader *)chan;
    int count = 0;
    while (count < bufsize && reader->position < reader->length) {
        char c = reader->data[reader->position++];
        buf[count++] = c;
        if (c == '\n') break;
    }
    return count;
}

// Reading never writes; renderers that write DOT install their own output discipline.
static inline int rg_dot_reader_putstr(void *chan, const char *str) { (void)chan; (void)str; return 0; }
static inline int rg_dot_reader_flush(void *chan) { (void)chan; return 0; }

// Reads the first graph in `text`. The graph keeps pointers to its disciplines: `ids` must
// outlive it, and the I/O discipline is static.
static inline Agraph_t *rg_read_dot(const char *text, Agiddisc_t *ids) {
    static Agiodisc_t io = { rg_dot_reader_read, rg_dot_reader_putstr, rg_dot_reader_flush };
    Agdisc_t disc = { &AgMemDisc, ids, &io };
    rg_dot_reader reader = { text, strlen(text), 0 };
    return agread(&reader, &disc);
}

// MARK: Resetting the DOT lexer
//
// cgraph's flex scanner keeps its buffer and its state (inside a quoted string, a comment, an
// HTML-like string) in globals from one `agread` to the next: text left unread after the first
// graph, or a string left open, is where the next parse in the process starts. libcgraph exports
// the scanner's destroy function, which frees the buffer and resets the state, but declares it in
// no public header; it is declared weak here, so a libcgraph without it links and only skips the
// reset.
extern int aaglex_destroy(void) __attribute__((weak));

// Forgets whatever the DOT lexer kept from the last parse.
static inline void rg_reset_dot_lexer(void) {
    if (aaglex_destroy) aaglex_destroy();
}

#endif
