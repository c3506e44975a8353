// A floor for loading a large transition file in-process: the least a loader must do, in plain C,
// on every core, with nothing a real loader needs beyond it.
//
//   loadfloor FILE [--repeat N]
//
// FILE is a `from,to,effort` edge list as `generate` writes it: a header, then rows of two ids
// (at most 16 bytes each) and a short decimal. Each load maps the file, splits its rows at line
// boundaries into one chunk per core, and on each core scans its rows and interns both ids in a
// table of its own (open addressing, the id's bytes in the slot: one probe reads one slot), writing
// each row's two indices and its effort. The second chunk's ids are then interned into the first
// chunk's table and its rows renumbered. That is all: no checks of any kind (a row that is not of
// that form is undefined behaviour here), no merging of repeated rows, no strings for the ids, no
// graph. Its buffers come from the C library's heap, told to keep what a load frees: from the
// second load on, a load reuses the memory of the one before (its tables cleared with the
// allocator's calloc) instead of having the kernel map and clear fresh pages. What RoleGraph's
// load does in the same time is a superset of this.
//
// Prints one JSON line like `bench --op load`: each load's wall time, the peak RSS, and the
// number of distinct ids (which must equal the network's roles).

#define _GNU_SOURCE
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void fail(const char *what) {
    fprintf(stderr, "loadfloor: %s\n", what);
    exit(1);
}

// Zeroed memory from the C library's allocator. `main` asks it to keep what a load frees, so
// that each later load reuses the last one's memory (clearing its tables, but not waiting on the
// kernel to map and clear fresh pages), as a C program that loads file after file would.
static void *zeroed(size_t bytes) {
    void *p = calloc(1, bytes);
    if (!p) fail("out of memory");
    return p;
}

// Memory from the same heap, for what a load writes before it reads: not cleared.
static void *buffer(size_t bytes) {
    void *p = malloc(bytes);
    if (!p) fail("out of memory");
    return p;
}

// One slot: the id's first 16 bytes (zero-padded), a 32-bit tag of its hash (never 0 in a used
// slot) and its index.
typedef struct { uint64_t w0, w1; uint32_t tag, index; } Slot;

typedef struct {
    Slot *slots;
    size_t mask;
    uint32_t count;
    uint64_t *keys;  // each key's two words and length, by index, for the merge
} Table;

static uint64_t hash(uint64_t w0, uint64_t w1, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    h = (h ^ w0) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
    h = (h ^ w1) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 29);
}

static uint32_t intern(Table *t, uint64_t w0, uint64_t w1, size_t length, uint64_t h) {
    uint32_t tag = (uint32_t)(h >> 32) | 1;
    if ((size_t)t->count * 4 >= (t->mask + 1) * 3) fail("the id table is three quarters full (the floor's table never grows)");
    for (size_t s = h & t->mask;; s = (s + 1) & t->mask) {
        Slot *slot = &t->slots[s];
        if (slot->tag == 0) {
            *slot = (Slot){w0, w1, tag, t->count};
            t->keys[3 * t->count] = w0;
            t->keys[3 * t->count + 1] = w1;
            t->keys[3 * t->count + 2] = length;
            return t->count++;
        }
        if (slot->tag == tag && slot->w0 == w0 && slot->w1 == w1) return slot->index;
    }
}

// The first `n` (≤ 16) bytes at `s` as two zero-padded words; `end` is where the file ends.
static void words(const char *s, size_t n, const char *end, uint64_t *w0, uint64_t *w1) {
    uint64_t lo, hi;
    if (s + 16 <= end) {
        memcpy(&lo, s, 8);
        memcpy(&hi, s + 8, 8);
    } else {
        uint64_t both[2] = {0, 0};
        memcpy(both, s, n);
        lo = both[0];
        hi = both[1];
    }
    if (n >= 8) {
        *w0 = lo;
        *w1 = n == 8 ? 0 : n >= 16 ? hi : hi & (~0ULL >> (8 * (16 - n)));
    } else {
        *w0 = lo & (~0ULL >> (8 * (8 - n)));
        *w1 = 0;
    }
}

enum { BATCH = 32 };

typedef struct {
    const char *p;
    size_t fileSize, start, end;
    Table table;
    uint32_t *from, *to;
    double *effort;
    size_t rows;
} Chunk;

static const double powers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// Scans a chunk's rows in batches: the first pass finds the fields, hashes both ids and fetches
// their slots; the second interns them (the slots have arrived by then).
static void *parse(void *argument) {
    Chunk *c = argument;
    const char *p = c->p;
    size_t i = c->start, end = c->end, r = 0;
    struct { uint64_t fw0, fw1, fh, tw0, tw1, th; size_t fn, tn; double effort; } batch[BATCH];
    while (i < end) {
        int found = 0;
        for (; found < BATCH && i < end; found++) {
            const char *comma1 = memchr(p + i, ',', end - i);
            size_t fromLength = comma1 - (p + i);
            const char *to = comma1 + 1;
            const char *comma2 = memchr(to, ',', p + end - to);
            size_t toLength = comma2 - to;
            const char *k = comma2 + 1;
            uint64_t mantissa = 0;
            int fraction = 0, point = 0;
            for (; *k != '\n'; k++) {
                if (*k == '.') point = 1;
                else { mantissa = mantissa * 10 + (uint64_t)(*k - '0'); fraction += point; }
            }
            if (fromLength > 16 || toLength > 16) fail("an id of more than 16 bytes (the floor reads none)");
            words(p + i, fromLength, p + c->fileSize, &batch[found].fw0, &batch[found].fw1);
            words(to, toLength, p + c->fileSize, &batch[found].tw0, &batch[found].tw1);
            batch[found].fh = hash(batch[found].fw0, batch[found].fw1, fromLength);
            batch[found].th = hash(batch[found].tw0, batch[found].tw1, toLength);
            __builtin_prefetch(&c->table.slots[batch[found].fh & c->table.mask]);
            __builtin_prefetch(&c->table.slots[batch[found].th & c->table.mask]);
            batch[found].fn = fromLength;
            batch[found].tn = toLength;
            batch[found].effort = (double)mantissa / powers[fraction];
            i = (size_t)(k - p) + 1;
        }
        for (int b = 0; b < found; b++, r++) {
            c->from[r] = intern(&c->table, batch[b].fw0, batch[b].fw1, batch[b].fn, batch[b].fh);
            c->to[r] = intern(&c->table, batch[b].tw0, batch[b].tw1, batch[b].tn, batch[b].th);
            c->effort[r] = batch[b].effort;
        }
    }
    c->rows = r;
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) fail("usage: loadfloor FILE [--repeat N]");
#ifdef __GLIBC__
    // Every buffer from the heap, and freed memory kept there for the next load.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
    int repeats = 7;
    if (argc >= 4 && strcmp(argv[2], "--repeat") == 0) repeats = atoi(argv[3]);
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) fail("cannot open the file");
    struct stat st;
    fstat(fd, &st);
    size_t n = (size_t)st.st_size;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int chunks = cores >= 2 ? 2 : 1;
    double times[64];
    uint32_t roles = 0;
    if (repeats < 1 || repeats > 64) fail("--repeat takes 1 to 64");
    for (int rep = 0; rep < repeats; rep++) {
        double t0 = now();
        const char *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED) fail("cannot map the file");
        const char *header = memchr(p, '\n', n);
        if (!header) fail("no rows");
        size_t rowsStart = (size_t)(header - p) + 1;
        // A slot per four rows of 20 bytes, rounded up to a power of two: on a file with one new
        // id per ten rows, as generated networks have, the table is at most half full and never
        // grows (RoleGraph's own table keeps the same load).
        size_t expectedRows = (n - rowsStart) / 20 / (size_t)chunks + 16;
        size_t slotCount = 1024;
        while (slotCount < expectedRows / 4) slotCount <<= 1;
        Chunk c[2];
        size_t bounds[3] = {rowsStart, rowsStart + (n - rowsStart) / 2, n};
        if (chunks == 1) bounds[1] = n;
        while (bounds[1] < n && p[bounds[1] - 1] != '\n') bounds[1]++;
        for (int k = 0; k < chunks; k++) {
            c[k] = (Chunk){.p = p, .fileSize = n, .start = bounds[k], .end = bounds[k + 1]};
            c[k].table.slots = zeroed(slotCount * sizeof(Slot));
            c[k].table.mask = slotCount - 1;
            c[k].table.keys = buffer(slotCount * 3 * sizeof(uint64_t));
            size_t rows = (bounds[k + 1] - bounds[k]) / 8 + 1;  // a row is at least 8 bytes
            c[k].from = buffer(rows * 4);
            c[k].to = buffer(rows * 4);
            c[k].effort = buffer(rows * 8);
        }
        pthread_t thread;
        if (chunks == 2 && pthread_create(&thread, NULL, parse, &c[1]) != 0) fail("cannot start a thread");
        parse(&c[0]);
        if (chunks == 2) pthread_join(thread, NULL);
        if (chunks == 2) {
            // The second chunk's ids into the first one's table, in its order; its rows renumbered.
            uint32_t *map = buffer((size_t)c[1].table.count * 4 + 4);
            for (uint32_t k = 0; k < c[1].table.count; k++) {
                uint64_t *key = &c[1].table.keys[3 * k];
                map[k] = intern(&c[0].table, key[0], key[1], (size_t)key[2], hash(key[0], key[1], (size_t)key[2]));
            }
            for (size_t r = 0; r < c[1].rows; r++) {
                c[1].from[r] = map[c[1].from[r]];
                c[1].to[r] = map[c[1].to[r]];
            }
            free(map);
        }
        times[rep] = now() - t0;
        roles = c[0].table.count;
        for (int k = 0; k < chunks; k++) {
            free(c[k].table.slots);
            free(c[k].table.keys);
            free(c[k].from);
            free(c[k].to);
            free(c[k].effort);
        }
        munmap((void *)p, n);
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("{\"tool\": \"c-floor\", \"op\": \"load\", \"status\": \"ok\", \"times\": [");
    for (int rep = 0; rep < repeats; rep++) printf("%s%.9f", rep ? ", " : "", times[rep]);
    printf("], \"peak_rss\": %ld, \"roles\": %u}\n", usage.ru_maxrss * 1024L, roles);
    return 0;
}
