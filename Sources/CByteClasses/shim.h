// Byte classification 64 bytes at a time, for the edge-list parser's delimiter scan (see
// DelimiterCursor in RoleGraphKit). Swift's SIMD types compile their lane comparisons to a loop
// over the lanes, so the vector compares are spelled here, in C, where the compiler maps them to
// the processor's instructions; a word-at-a-time version serves every other target.
#ifndef ROLEGRAPH_BYTE_CLASSES_H
#define ROLEGRAPH_BYTE_CLASSES_H

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// A mask of the bytes of `p[0 ..< 64]` that are `separator`, a line feed or a carriage return:
/// bit `k` set when `p[k]` is one. All 64 bytes must be readable.
static inline uint64_t rolegraph_delimiters64(const void *p, uint8_t separator) {
    const uint8_t *bytes = (const uint8_t *)p;
#if defined(__SSE2__)
    const __m128i separators = _mm_set1_epi8((char)separator);
    const __m128i lineFeeds = _mm_set1_epi8('\n');
    const __m128i returns = _mm_set1_epi8('\r');
    uint64_t mask = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + 16 * k));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, separators), _mm_cmpeq_epi8(v, lineFeeds)),
                                    _mm_cmpeq_epi8(v, returns));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hits) << (16 * k);
    }
    return mask;
#else
    // A byte of `x ^ c` is zero where `x` holds `c`; `~(((y & 0x7f…) + 0x7f…) | y) & 0x80…` sets
    // the high bit of exactly the zero bytes of `y`, and the multiply gathers those eight bits.
    const uint64_t ones = 0x0101010101010101ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t mask = 0;
    for (int k = 0; k < 8; k++) {
        uint64_t word;
        memcpy(&word, bytes + 8 * k, 8);
        uint64_t a = word ^ (ones * separator), b = word ^ (ones * 0x0A), c = word ^ (ones * 0x0D);
        uint64_t zeros = ~(((a & low7) + low7) | a) | ~(((b & low7) + low7) | b) | ~(((c & low7) + low7) | c);
        zeros &= ~low7;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        zeros = __builtin_bswap64(zeros);
#endif
        mask |= ((zeros >> 7) * 0x0102040810204080ULL >> 56) << (8 * k);
    }
    return mask;
#endif
}

#endif
