#include "text_kernels.h"
#include "lanes.h"

// Runs of printable ASCII and single spaces: what reading text copies and cleaning passes over.

static inline int is_printable(uint32_t value) { return value > 0x20 && value < 0x80; }

/// Whether the code point at `text` is copied unchanged (see the header).
static inline int is_plain(const uint32_t *text) {
    return is_printable(text[0]) || (text[0] == 0x20 && is_printable(text[-1]) && is_printable(text[1]));
}

size_t folio_copy_plain_ascii(const uint32_t *text, size_t available, uint8_t *bytes) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi32(0x20), beyond = _mm_set1_epi32(0x80);
    while (index + 9 <= available) {
        const uint32_t *at = text + index;
        eight value = load_eight(at), before = load_eight(at - 1), after = load_eight(at + 1);
        // Printable, or a space between two printable code points.
        __m128i plainLow = _mm_or_si128(between(value.low, space, beyond),
            _mm_and_si128(_mm_cmpeq_epi32(value.low, space), _mm_and_si128(between(before.low, space, beyond), between(after.low, space, beyond))));
        __m128i plainHigh = _mm_or_si128(between(value.high, space, beyond),
            _mm_and_si128(_mm_cmpeq_epi32(value.high, space), _mm_and_si128(between(before.high, space, beyond), between(after.high, space, beyond))));
        // Eight 32-bit values to eight bytes; a lane that is not plain may saturate, and is
        // written over later.
        __m128i halves = _mm_packs_epi32(value.low, value.high);
        _mm_storel_epi64((__m128i *)(bytes + index), _mm_packus_epi16(halves, halves));
        unsigned plain = lane_bits(plainLow, plainHigh);
        if (plain != 0xFF) return index + (size_t)__builtin_ctz(~plain);
        index += 8;
    }
#endif
    while (index + 1 < available && is_plain(text + index)) {
        bytes[index] = (uint8_t)text[index];
        index += 1;
    }
    return index;
}

size_t folio_skip_plain_ascii(const uint32_t *text, size_t count, int passingSingleSpaces) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi32(0x20), delete = _mm_set1_epi32(0x7F);
    const __m128i spaces = passingSingleSpaces ? _mm_set1_epi32(-1) : _mm_setzero_si128();
    while (index + 9 <= count) {
        eight value = load_eight(text + index), after = load_eight(text + index + 1);
        // Printable, or (when asked) a space before a printable code point.
        __m128i plainLow = _mm_or_si128(between(value.low, space, delete),
            _mm_and_si128(spaces, _mm_and_si128(_mm_cmpeq_epi32(value.low, space), between(after.low, space, delete))));
        __m128i plainHigh = _mm_or_si128(between(value.high, space, delete),
            _mm_and_si128(spaces, _mm_and_si128(_mm_cmpeq_epi32(value.high, space), between(after.high, space, delete))));
        unsigned lanes = lane_bits(plainLow, plainHigh);
        if (lanes != 0xFF) return index + (size_t)__builtin_ctz(~lanes);
        index += 8;
    }
#endif
    for (; index < count; index++) {
        uint32_t value = text[index];
        if (value > 0x20 && value < 0x7F) continue;
        if (!(passingSingleSpaces && value == 0x20 && index + 1 < count && text[index + 1] > 0x20 && text[index + 1] < 0x7F)) break;
    }
    return index;
}
