#ifndef FOLIO_LANES_H
#define FOLIO_LANES_H

// What the kernels share: eight code points loaded as two halves of four, and comparisons of
// lanes.

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>

// Code points are below 0x110000, so SSE2's signed comparisons of 32-bit lanes see them as the
// numbers they are.

/// Eight code points from `text`, in two halves of four.
typedef struct { __m128i low, high; } eight;

static inline eight load_eight(const uint32_t *text) {
    return (eight){ _mm_loadu_si128((const __m128i *)text), _mm_loadu_si128((const __m128i *)(text + 4)) };
}

/// Lanes above `above` and below `below`: all ones, others zero.
static inline __m128i between(__m128i value, __m128i above, __m128i below) {
    return _mm_and_si128(_mm_cmpgt_epi32(value, above), _mm_cmplt_epi32(value, below));
}

/// Sixteen code points from `text` as bytes: each below 0x100 as it is, any above as 0xFF (the
/// packs saturate). ASCII stays ASCII and nothing else becomes ASCII, so tests for ASCII
/// code points, and for any beyond (the top bit), are made sixteen at a time on the bytes.
static inline __m128i sixteen_bytes(const uint32_t *text) {
    eight first = load_eight(text), second = load_eight(text + 8);
    return _mm_packus_epi16(_mm_packs_epi32(first.low, first.high), _mm_packs_epi32(second.low, second.high));
}

/// The lanes of two halves of four (all ones or zero) as eight bits, the first lane lowest.
static inline unsigned lane_bits(__m128i low, __m128i high) {
    __m128i halves = _mm_packs_epi32(low, high);
    return (unsigned)_mm_movemask_epi8(_mm_packs_epi16(halves, halves)) & 0xFF;
}
#endif

#endif
