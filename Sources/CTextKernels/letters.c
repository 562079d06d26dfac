#include "text_kernels.h"
#include "lanes.h"

// Runs of ASCII letters: the words of a paper, most of them.

static inline int is_ascii_letter(uint32_t value) { return (value | 0x20) - 0x61 < 26; }

size_t folio_ascii_letters(const uint32_t *text, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    // Either case is a lower-case letter with 0x20 set; no byte from 0x80 on (below zero,
    // signed) is then one.
    const __m128i caseBit = _mm_set1_epi8(0x20), beforeA = _mm_set1_epi8(0x60), afterZ = _mm_set1_epi8(0x7B);
    while (index + 16 <= count) {
        __m128i folded = _mm_or_si128(sixteen_bytes(text + index), caseBit);
        unsigned letters = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(folded, beforeA), _mm_cmplt_epi8(folded, afterZ)));
        if (letters != 0xFFFF) return index + (size_t)__builtin_ctz(~letters);
        index += 16;
    }
#endif
    for (; index < count && is_ascii_letter(text[index]); index++) {}
    return index;
}

size_t folio_ascii_letters16(const uint16_t *units, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    // As 16-bit lanes: with 0x20 set, a letter is 0x61 to 0x7A, whose distance from 0x61 is
    // at most 25 (unsigned, as a saturating difference).
    const __m128i caseBit = _mm_set1_epi16(0x20), a = _mm_set1_epi16(0x61), lastOffset = _mm_set1_epi16(25), none = _mm_setzero_si128();
    while (index + 8 <= count) {
        __m128i offset = _mm_sub_epi16(_mm_or_si128(_mm_loadu_si128((const __m128i *)(units + index)), caseBit), a);
        __m128i letter = _mm_cmpeq_epi16(_mm_subs_epu16(offset, lastOffset), none);
        unsigned letters = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(letter, letter)) & 0xFF;
        if (letters != 0xFF) return index + (size_t)__builtin_ctz(~letters);
        index += 8;
    }
#endif
    for (; index < count && is_ascii_letter(units[index]); index++) {}
    return index;
}

size_t folio_letter_runs16(const uint16_t *units, size_t count, const uint8_t *keys, uint32_t *runs) {
    size_t found = 0, index = 0;
    while (index < count) {
        if (!is_ascii_letter(units[index])) { index++; continue; }
        size_t start = index;
        index += folio_ascii_letters16(units + index, count - index);
        size_t length = index - start;
        // A letter beyond ASCII may go on the word, or open it: the caller reads such a run.
        int touches = (start > 0 && units[start - 1] >= 0x80) || (index < count && units[index] >= 0x80);
        size_t key = folio_letter_run_key((size_t)((units[start] | 0x20) - 0x61),
                                          length > 1 ? (size_t)((units[start + 1] | 0x20) - 0x61) + 1 : 0,
                                          length > 2 ? (size_t)((units[start + 2] | 0x20) - 0x61) + 1 : 0, length > 3);
        if (touches || (keys[key / 8] >> (key % 8) & 1)) {
            runs[2 * found] = (uint32_t)start | (touches ? 0x80000000u : 0);
            runs[2 * found + 1] = (uint32_t)index;
            found++;
        }
    }
    return found;
}
