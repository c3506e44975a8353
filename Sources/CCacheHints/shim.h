// Cache hints Swift has no spelling for. A prefetch is only a hint: it never faults, and an
// address it names may be stale or outside any mapping without harm.
#ifndef ROLEGRAPH_CACHE_HINTS_H
#define ROLEGRAPH_CACHE_HINTS_H

/// Asks the processor to start loading the cache line at `address` for a read soon.
static inline void rolegraph_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
