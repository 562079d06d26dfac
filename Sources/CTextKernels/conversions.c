#include "text_kernels.h"
#include "lanes.h"

// Code points to UTF-16 units, ASCII bytes to code points.

size_t folio_narrow_to_utf16(const uint32_t *scalars, size_t count, uint16_t *units) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i highest = _mm_set1_epi32(0xFFFF), middle = _mm_set1_epi32(0x8000), middle16 = _mm_set1_epi16((short)0x8000);
    while (index + 8 <= count) {
        eight value = load_eight(scalars + index);
        if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpgt_epi32(value.low, highest), _mm_cmpgt_epi32(value.high, highest))) != 0) break;
        // SSE2 packs with signed saturation: moved to -0x8000...0x7FFF, packed, moved back.
        __m128i packed = _mm_packs_epi32(_mm_sub_epi32(value.low, middle), _mm_sub_epi32(value.high, middle));
        _mm_storeu_si128((__m128i *)(units + index), _mm_xor_si128(packed, middle16));
        index += 8;
    }
#endif
    for (; index < count && scalars[index] < 0x10000; index++) units[index] = (uint16_t)scalars[index];
    return index;
}

size_t folio_widen_ascii(const uint8_t *bytes, size_t count, uint32_t *scalars) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i none = _mm_setzero_si128();
    while (index + 16 <= count) {
        __m128i value = _mm_loadu_si128((const __m128i *)(bytes + index));
        // A byte of 0x80 and up has its top bit set; a NUL equals zero.
        if ((_mm_movemask_epi8(value) | _mm_movemask_epi8(_mm_cmpeq_epi8(value, none))) != 0) break;
        __m128i low = _mm_unpacklo_epi8(value, none), high = _mm_unpackhi_epi8(value, none);
        _mm_storeu_si128((__m128i *)(scalars + index), _mm_unpacklo_epi16(low, none));
        _mm_storeu_si128((__m128i *)(scalars + index + 4), _mm_unpackhi_epi16(low, none));
        _mm_storeu_si128((__m128i *)(scalars + index + 8), _mm_unpacklo_epi16(high, none));
        _mm_storeu_si128((__m128i *)(scalars + index + 12), _mm_unpackhi_epi16(high, none));
        index += 16;
    }
#endif
    for (; index < count && bytes[index] != 0 && bytes[index] < 0x80; index++) scalars[index] = bytes[index];
    return index;
}
