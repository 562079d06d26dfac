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
    const __m128i space = _mm_set1_epi8(0x20);
    // Whether the code point before the sixteen is printable: carried from block to block.
    unsigned before = (unsigned)is_printable(text[-1]);
    while (index + 17 <= available) {
        __m128i block = sixteen_bytes(text + index);
        // Signed, a byte from 0x80 on is below zero: above the space is 0x21 to 0x7F.
        unsigned printable = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(block, space));
        unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, space));
        unsigned printableBefore = (printable << 1 | before) & 0xFFFF;
        unsigned printableAfter = printable >> 1 | (unsigned)is_printable(text[index + 16]) << 15;
        unsigned plain = printable | (spaces & printableBefore & printableAfter);
        // A lane that is not plain holds a stand-in byte, written over later.
        _mm_storeu_si128((__m128i *)(bytes + index), block);
        if (plain != 0xFFFF) return index + (size_t)__builtin_ctz(~plain);
        before = printable >> 15;
        index += 16;
    }
#endif
    while (index + 1 < available && is_plain(text + index)) {
        bytes[index] = (uint8_t)text[index];
        index += 1;
    }
    return index;
}

/// Printable for cleaning: 0x21 to 0x7E.
static inline int is_clean_printable(uint32_t value) { return value > 0x20 && value < 0x7F; }

size_t folio_skip_plain_ascii(const uint32_t *text, size_t count, int passingSingleSpaces) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), delete = _mm_set1_epi8(0x7F);
    while (index + 17 <= count) {
        __m128i block = sixteen_bytes(text + index);
        unsigned printable = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(block, space), _mm_cmplt_epi8(block, delete)));
        unsigned spaces = passingSingleSpaces ? (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, space)) : 0;
        unsigned printableAfter = printable >> 1 | (unsigned)is_clean_printable(text[index + 16]) << 15;
        unsigned plain = printable | (spaces & printableAfter);
        if (plain != 0xFFFF) return index + (size_t)__builtin_ctz(~plain);
        index += 16;
    }
#endif
    for (; index < count; index++) {
        if (is_clean_printable(text[index])) continue;
        if (!(passingSingleSpaces && text[index] == 0x20 && index + 1 < count && is_clean_printable(text[index + 1]))) break;
    }
    return index;
}
