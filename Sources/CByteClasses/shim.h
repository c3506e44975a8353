// Byte classification 64 bytes at a time, for the edge-list parser's delimiter scan (see
// DelimiterCursor in RoleGraphKit), and a byte count, for where the parser cuts a file (see
// EdgeListChunking). Swift's SIMD types compile their lane comparisons to a loop over the lanes,
// so the vector compares are spelled here, in C, where the compiler maps them to the processor's
// instructions; a word-at-a-time or bytewise version serves every other target.
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

/// How many of the `n` bytes at `p` are `byte`.
static inline size_t rolegraph_count_byte(const void *p, size_t n, uint8_t byte) {
    const uint8_t *bytes = (const uint8_t *)p;
    size_t count = 0, i = 0;
#if defined(__SSE2__)
    const __m128i target = _mm_set1_epi8((char)byte);
    // Each lane counts its hits (a compare is -1 where it hits) for at most 255 blocks, then
    // the lanes are summed eight at a time.
    while (i + 16 * 255 <= n) {
        __m128i lanes = _mm_setzero_si128();
        for (int k = 0; k < 255; k++, i += 16) {
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + i)), target));
        }
        __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        count += (size_t)_mm_extract_epi16(sums, 0) + (size_t)_mm_extract_epi16(sums, 4);
    }
    for (; i + 16 <= n; i += 16) {
        count += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + i)), target)));
    }
#endif
    for (; i < n; i++) count += bytes[i] == byte;
    return count;
}

#endif
