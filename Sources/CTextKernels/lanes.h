#ifndef FOLIO_LANES_H
#define FOLIO_LANES_H

// What the kernels share: eight code points loaded as two halves of four, and sixteen packed
// into bytes.

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>

/// Eight code points from `text`, in two halves of four.
typedef struct { __m128i low, high; } eight;

static inline eight load_eight(const uint32_t *text) {
    return (eight){ _mm_loadu_si128((const __m128i *)text), _mm_loadu_si128((const __m128i *)(text + 4)) };
}

/// Sixteen code points from `text` as bytes: each below 0x100 as it is, any above as 0xFF (the
/// packs saturate: a code point, below 0x110000, is positive to the signed one). ASCII stays ASCII and nothing else becomes ASCII, so tests for ASCII
/// code points, and for any beyond (the top bit), are made sixteen at a time on the bytes.
static inline __m128i sixteen_bytes(const uint32_t *text) {
    eight first = load_eight(text), second = load_eight(text + 8);
    return _mm_packus_epi16(_mm_packs_epi32(first.low, first.high), _mm_packs_epi32(second.low, second.high));
}
#endif

#endif
