#include "text_kernels.h"
#include "lanes.h"

#include <string.h>

// Scans for the first code point (or unit, or byte) of a kind: a mark, a line break, a digit,
// a byte JSON or XML escapes.

/// `folio_first_mark` with `N` marks (padded with the first), so that the loop over them unrolls.
static inline size_t first_mark(const uint32_t *text, size_t count, const uint32_t *marks, const int N, int beyondASCII) {
    size_t index = 0;
#if defined(__SSE2__)
    __m128i wanted[8];
    for (int mark = 0; mark < N; mark++) wanted[mark] = _mm_set1_epi8((char)marks[mark]);
    while (index + 16 <= count) {
        __m128i block = sixteen_bytes(text + index);
        __m128i found = _mm_cmpeq_epi8(block, wanted[0]);
        for (int mark = 1; mark < N; mark++) found = _mm_or_si128(found, _mm_cmpeq_epi8(block, wanted[mark]));
        // Beyond ASCII, a byte has its top bit set.
        unsigned lanes = (unsigned)_mm_movemask_epi8(found) | (beyondASCII ? (unsigned)_mm_movemask_epi8(block) : 0);
        if (lanes != 0) return index + (size_t)__builtin_ctz(lanes);
        index += 16;
    }
#endif
    for (; index < count; index++) {
        if (beyondASCII && text[index] >= 0x80) return index;
        for (int mark = 0; mark < N; mark++) if (text[index] == marks[mark]) return index;
    }
    return count;
}

size_t folio_first_mark(const uint32_t *text, size_t count, const uint32_t *marks, size_t markCount, int beyondASCII) {
    uint32_t padded[8];
    for (size_t mark = 0; mark < 8; mark++) padded[mark] = marks[mark < markCount ? mark : 0];
    if (markCount <= 1) return first_mark(text, count, padded, 1, beyondASCII);
    if (markCount <= 2) return first_mark(text, count, padded, 2, beyondASCII);
    if (markCount <= 4) return first_mark(text, count, padded, 4, beyondASCII);
    return first_mark(text, count, padded, 8, beyondASCII);
}

size_t folio_first_at_most(const uint32_t *text, size_t count, uint32_t highest) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i most = _mm_set1_epi8((char)highest);
    while (index + 16 <= count) {
        __m128i block = sixteen_bytes(text + index);
        // Unsigned, at most `highest`: its minimum with `highest` is itself.
        unsigned lanes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(block, most), block));
        if (lanes != 0) return index + (size_t)__builtin_ctz(lanes);
        index += 16;
    }
#endif
    for (; index < count; index++) {
        if (text[index] <= highest) return index;
    }
    return count;
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

#if defined(__SSE2__)
/// The lanes of sixteen bytes that a JSON string must escape, as bits.
static inline unsigned json_escapes(__m128i value, int unused) {
    (void)unused;
    // A byte at most 0x1F, unsigned: its minimum with 0x1F is itself.
    __m128i found = _mm_cmpeq_epi8(_mm_min_epu8(value, _mm_set1_epi8(0x1F)), value);
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x22)));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x5C)));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x7F)));
    return (unsigned)_mm_movemask_epi8(found);
}

/// The lanes of sixteen bytes that XML text escapes (a carriage return, `&`, `<`, `>`), and in
/// an attribute value also a quotation mark, a line feed and a tab, as bits.
static inline unsigned xml_escapes(__m128i value, int inAttribute) {
    __m128i found = _mm_cmpeq_epi8(value, _mm_set1_epi8(0x0D));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x26)));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x3C)));
    found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x3E)));
    if (inAttribute) {
        found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x22)));
        found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x0A)));
        found = _mm_or_si128(found, _mm_cmpeq_epi8(value, _mm_set1_epi8(0x09)));
    }
    return (unsigned)_mm_movemask_epi8(found);
}

/// The offset of the first of `count` bytes whose lane `lanes` sets; `count` when none is.
/// Sixteen at a time: a short run padded with a letter to sixteen, the end of a long one read
/// again with the lanes already seen left out.
static inline size_t first_byte(const uint8_t *bytes, size_t count, unsigned (*lanes)(__m128i, int), int option) {
    size_t index = 0;
    while (index + 16 <= count) {
        unsigned found = lanes(_mm_loadu_si128((const __m128i *)(bytes + index)), option);
        if (found != 0) return index + (size_t)__builtin_ctz(found);
        index += 16;
    }
    if (index == count) return count;
    unsigned found;
    if (count >= 16) {
        found = lanes(_mm_loadu_si128((const __m128i *)(bytes + count - 16)), option) >> (16 - (count - index));
    } else {
        uint8_t padded[16];
        memset(padded, 0x61, sizeof padded);
        memcpy(padded, bytes, count);
        found = lanes(_mm_loadu_si128((const __m128i *)padded), option);
    }
    return found != 0 ? index + (size_t)__builtin_ctz(found) : count;
}
#endif

size_t folio_first_json_escape(const uint8_t *bytes, size_t count) {
#if defined(__SSE2__)
    return first_byte(bytes, count, json_escapes, 0);
#else
    for (size_t index = 0; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F) return index;
    }
    return count;
#endif
}

size_t folio_first_xml_escape(const uint8_t *bytes, size_t count, int inAttribute) {
#if defined(__SSE2__)
    return first_byte(bytes, count, xml_escapes, inAttribute);
#else
    for (size_t index = 0; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte == 0x0D || byte == 0x26 || byte == 0x3C || byte == 0x3E) return index;
        if (inAttribute && (byte == 0x22 || byte == 0x0A || byte == 0x09)) return index;
    }
    return count;
#endif
}
