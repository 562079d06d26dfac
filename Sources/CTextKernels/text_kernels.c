#include "text_kernels.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline int is_printable(uint32_t value) { return value > 0x20 && value < 0x80; }

/// Whether the code point at `text` is copied unchanged (see the header).
static inline int is_plain(const uint32_t *text) {
    return is_printable(text[0]) || (text[0] == 0x20 && is_printable(text[-1]) && is_printable(text[1]));
}

size_t folio_copy_plain_ascii(const uint32_t *text, size_t available, uint8_t *bytes) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi32(0x20), beyond = _mm_set1_epi32(0x80);
    // Code points are at most 0x10FFFF: the signed comparisons see them as the numbers they are.
#define PRINTABLE(v) _mm_and_si128(_mm_cmpgt_epi32((v), space), _mm_cmplt_epi32((v), beyond))
#define PLAIN(v, before, after) \
    _mm_or_si128(PRINTABLE(v), _mm_and_si128(_mm_cmpeq_epi32((v), space), _mm_and_si128(PRINTABLE(before), PRINTABLE(after))))
    while (index + 9 <= available) {
        const uint32_t *at = text + index;
        __m128i low = _mm_loadu_si128((const __m128i *)at), high = _mm_loadu_si128((const __m128i *)(at + 4));
        __m128i plainLow = PLAIN(low, _mm_loadu_si128((const __m128i *)(at - 1)), _mm_loadu_si128((const __m128i *)(at + 1)));
        __m128i plainHigh = PLAIN(high, _mm_loadu_si128((const __m128i *)(at + 3)), _mm_loadu_si128((const __m128i *)(at + 5)));
        // Eight 32-bit values to eight bytes; a lane that is not plain may saturate, and is
        // written over later.
        __m128i halves = _mm_packs_epi32(low, high);
        _mm_storel_epi64((__m128i *)(bytes + index), _mm_packus_epi16(halves, halves));
        __m128i plainHalves = _mm_packs_epi32(plainLow, plainHigh);
        unsigned plain = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(plainHalves, plainHalves)) & 0xFF;
        if (plain != 0xFF) return index + (size_t)__builtin_ctz(~plain);
        index += 8;
    }
#undef PLAIN
#undef PRINTABLE
#endif
    while (index + 1 < available && is_plain(text + index)) {
        bytes[index] = (uint8_t)text[index];
        index += 1;
    }
    return index;
}

/// `folio_first_mark` with `N` marks (padded with the first), so that the loop over them unrolls.
static inline size_t first_mark(const uint32_t *text, size_t count, const uint32_t *marks, const int N, uint32_t atLeast) {
    size_t index = 0;
#if defined(__SSE2__)
    __m128i wanted[8];
    for (int mark = 0; mark < N; mark++) wanted[mark] = _mm_set1_epi32((int)marks[mark]);
    // Code points are below 0x110000, and `atLeast` at most 0x7FFFFFFF: signed comparisons do.
    const __m128i below = _mm_set1_epi32((int)atLeast - 1);
    while (index + 8 <= count) {
        __m128i low = _mm_loadu_si128((const __m128i *)(text + index)), high = _mm_loadu_si128((const __m128i *)(text + index + 4));
        __m128i foundLow = _mm_cmpgt_epi32(low, below), foundHigh = _mm_cmpgt_epi32(high, below);
        for (int mark = 0; mark < N; mark++) {
            foundLow = _mm_or_si128(foundLow, _mm_cmpeq_epi32(low, wanted[mark]));
            foundHigh = _mm_or_si128(foundHigh, _mm_cmpeq_epi32(high, wanted[mark]));
        }
        __m128i found = _mm_packs_epi32(foundLow, foundHigh);
        unsigned lanes = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(found, found)) & 0xFF;
        if (lanes != 0) return index + (size_t)__builtin_ctz(lanes);
        index += 8;
    }
#endif
    for (; index < count; index++) {
        if (text[index] >= atLeast) return index;
        for (int mark = 0; mark < N; mark++) if (text[index] == marks[mark]) return index;
    }
    return count;
}

size_t folio_first_mark(const uint32_t *text, size_t count, const uint32_t *marks, size_t markCount, uint32_t atLeast) {
    uint32_t padded[8];
    for (size_t mark = 0; mark < 8; mark++) padded[mark] = marks[mark < markCount ? mark : 0];
    if (markCount <= 1) return first_mark(text, count, padded, 1, atLeast);
    if (markCount <= 2) return first_mark(text, count, padded, 2, atLeast);
    if (markCount <= 4) return first_mark(text, count, padded, 4, atLeast);
    return first_mark(text, count, padded, 8, atLeast);
}

size_t folio_skip_plain_ascii(const uint32_t *text, size_t count, int passingSingleSpaces) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi32(0x20), delete = _mm_set1_epi32(0x7F);
    const __m128i spaces = passingSingleSpaces ? _mm_set1_epi32(-1) : _mm_setzero_si128();
#define PRINTABLE(v) _mm_and_si128(_mm_cmpgt_epi32((v), space), _mm_cmplt_epi32((v), delete))
#define PLAIN(v, after) _mm_or_si128(PRINTABLE(v), _mm_and_si128(spaces, _mm_and_si128(_mm_cmpeq_epi32((v), space), PRINTABLE(after))))
    while (index + 9 <= count) {
        const uint32_t *at = text + index;
        __m128i plainLow = PLAIN(_mm_loadu_si128((const __m128i *)at), _mm_loadu_si128((const __m128i *)(at + 1)));
        __m128i plainHigh = PLAIN(_mm_loadu_si128((const __m128i *)(at + 4)), _mm_loadu_si128((const __m128i *)(at + 5)));
        __m128i plain = _mm_packs_epi32(plainLow, plainHigh);
        unsigned lanes = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(plain, plain)) & 0xFF;
        if (lanes != 0xFF) return index + (size_t)__builtin_ctz(~lanes);
        index += 8;
    }
#undef PLAIN
#undef PRINTABLE
#endif
    for (; index < count; index++) {
        uint32_t value = text[index];
        if (value > 0x20 && value < 0x7F) continue;
        if (!(passingSingleSpaces && value == 0x20 && index + 1 < count && text[index + 1] > 0x20 && text[index + 1] < 0x7F)) break;
    }
    return index;
}

size_t folio_first_at_most(const uint32_t *text, size_t count, uint32_t highest) {
    size_t index = 0;
#if defined(__SSE2__)
    // Code points are below 0x110000: signed comparisons do.
    const __m128i above = _mm_set1_epi32((int)highest + 1);
    while (index + 8 <= count) {
        __m128i low = _mm_loadu_si128((const __m128i *)(text + index)), high = _mm_loadu_si128((const __m128i *)(text + index + 4));
        __m128i found = _mm_packs_epi32(_mm_cmplt_epi32(low, above), _mm_cmplt_epi32(high, above));
        unsigned lanes = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(found, found)) & 0xFF;
        if (lanes != 0) return index + (size_t)__builtin_ctz(lanes);
        index += 8;
    }
#endif
    for (; index < count; index++) {
        if (text[index] <= highest) return index;
    }
    return count;
}

size_t folio_narrow_to_utf16(const uint32_t *scalars, size_t count, uint16_t *units) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i highest = _mm_set1_epi32(0xFFFF), middle = _mm_set1_epi32(0x8000), middle16 = _mm_set1_epi16((short)0x8000);
    while (index + 8 <= count) {
        __m128i low = _mm_loadu_si128((const __m128i *)(scalars + index)), high = _mm_loadu_si128((const __m128i *)(scalars + index + 4));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpgt_epi32(low, highest), _mm_cmpgt_epi32(high, highest))) != 0) break;
        // SSE2 packs with signed saturation: moved to -0x8000...0x7FFF, packed, moved back.
        __m128i packed = _mm_packs_epi32(_mm_sub_epi32(low, middle), _mm_sub_epi32(high, middle));
        _mm_storeu_si128((__m128i *)(units + index), _mm_xor_si128(packed, middle16));
        index += 8;
    }
#endif
    for (; index < count && scalars[index] < 0x10000; index++) units[index] = (uint16_t)scalars[index];
    return index;
}

size_t folio_first_digit_or_beyond_ascii(const uint16_t *units, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_set1_epi16(0x30), nine = _mm_set1_epi16(0x39), highestASCII = _mm_set1_epi16(0x7F);
    const __m128i none = _mm_setzero_si128(), all = _mm_set1_epi16(-1);
    while (index + 8 <= count) {
        __m128i value = _mm_loadu_si128((const __m128i *)(units + index));
        // Unsigned comparisons of 16-bit units, which SSE2 lacks, as saturating differences:
        // a digit is neither below 0x30 nor above 0x39, an ASCII unit not above 0x7F.
        __m128i digit = _mm_cmpeq_epi16(_mm_or_si128(_mm_subs_epu16(zero, value), _mm_subs_epu16(value, nine)), none);
        __m128i isASCII = _mm_cmpeq_epi16(_mm_subs_epu16(value, highestASCII), none);
        unsigned found = (unsigned)_mm_movemask_epi8(_mm_or_si128(digit, _mm_xor_si128(isASCII, all)));
        if (found != 0) return index + (size_t)__builtin_ctz(found) / 2;
        index += 8;
    }
#endif
    for (; index < count; index++) {
        if (units[index] >= 0x80 || (units[index] >= 0x30 && units[index] <= 0x39)) return index;
    }
    return count;
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

#if defined(__SSE2__)
/// The lanes of sixteen bytes that a JSON string must escape, as bits.
static inline unsigned json_escapes(__m128i value) {
    // A byte at most 0x1F, unsigned: its minimum with 0x1F is itself.
    __m128i found = _mm_cmpeq_epi8(_mm_min_epu8(value, _mm_set1_epi8(0x1F)), value);
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x22)));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x5C)));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x7F)));
    return (unsigned)_mm_movemask_epi8(found);
}
#endif

size_t folio_first_json_escape(const uint8_t *bytes, size_t count) {
#if defined(__SSE2__)
    size_t index = 0;
    while (index + 16 <= count) {
        unsigned lanes = json_escapes(_mm_loadu_si128((const __m128i *)(bytes + index)));
        if (lanes != 0) return index + (size_t)__builtin_ctz(lanes);
        index += 16;
    }
    if (index == count) return count;
    unsigned lanes;
    if (count >= 16) {
        // The last sixteen bytes, some of them looked at already: those lanes are left out.
        lanes = json_escapes(_mm_loadu_si128((const __m128i *)(bytes + count - 16))) >> (16 - (count - index));
    } else {
        // A short string (most keys and ids), padded with a letter to sixteen bytes.
        uint8_t padded[16];
        memset(padded, 0x61, sizeof padded);
        memcpy(padded, bytes, count);
        lanes = json_escapes(_mm_loadu_si128((const __m128i *)padded));
    }
    return lanes != 0 ? index + (size_t)__builtin_ctz(lanes) : count;
#else
    for (size_t index = 0; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F) return index;
    }
    return count;
#endif
}
