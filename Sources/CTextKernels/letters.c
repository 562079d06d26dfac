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

#if defined(__SSE2__)
/// Which of eight UTF-16 units from `units` are ASCII letters, as the low eight bits.
static inline unsigned ascii_letter_lanes16(const uint16_t *units) {
    // As 16-bit lanes: with 0x20 set, a letter is 0x61 to 0x7A, whose distance from 0x61 is
    // at most 25 (unsigned, as a saturating difference).
    const __m128i caseBit = _mm_set1_epi16(0x20), a = _mm_set1_epi16(0x61), lastOffset = _mm_set1_epi16(25), none = _mm_setzero_si128();
    __m128i offset = _mm_sub_epi16(_mm_or_si128(_mm_loadu_si128((const __m128i *)units), caseBit), a);
    __m128i letter = _mm_cmpeq_epi16(_mm_subs_epu16(offset, lastOffset), none);
    return (unsigned)_mm_movemask_epi8(_mm_packs_epi16(letter, letter)) & 0xFF;
}
#endif

size_t folio_ascii_letters16(const uint16_t *units, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    while (index + 8 <= count) {
        unsigned letters = ascii_letter_lanes16(units + index);
        if (letters != 0xFF) return index + (size_t)__builtin_ctz(~letters);
        index += 8;
    }
#endif
    for (; index < count && is_ascii_letter(units[index]); index++) {}
    return index;
}

/// Hands the run of letters `units[start..<end]` to the caller when it may be a word it looks
/// for (its key is marked) or touches a unit beyond ASCII, which the caller reads whole.
static inline size_t keep_run(const uint16_t *units, size_t count, size_t start, size_t end, const uint8_t *keys, uint32_t *runs,
                              size_t found) {
    size_t length = end - start;
    int touches = (start > 0 && units[start - 1] >= 0x80) || (end < count && units[end] >= 0x80);
    size_t key = folio_letter_run_key((size_t)((units[start] | 0x20) - 0x61),
                                      length > 1 ? (size_t)((units[start + 1] | 0x20) - 0x61) + 1 : 0,
                                      length > 2 ? (size_t)((units[start + 2] | 0x20) - 0x61) + 1 : 0, length > 3);
    if (touches || (keys[key / 8] >> (key % 8) & 1)) {
        runs[2 * found] = (uint32_t)start | (touches ? 0x80000000u : 0);
        runs[2 * found + 1] = (uint32_t)end;
        found++;
    }
    return found;
}

/// Which of the (at most 64) units from `units` are ASCII letters, as the bits of a word.
static inline uint64_t letter_bits(const uint16_t *units, size_t count) {
    uint64_t bits = 0;
    size_t index = 0;
#if defined(__SSE2__)
    for (; index + 8 <= count; index += 8) bits |= (uint64_t)ascii_letter_lanes16(units + index) << index;
#endif
    for (; index < count; index++) bits |= (uint64_t)is_ascii_letter(units[index]) << index;
    return bits;
}

size_t folio_letter_runs16(const uint16_t *units, size_t count, const uint8_t *keys, uint32_t *runs) {
    // The letters of 64 units at a time as bits, each run's start and end found by counting
    // zeros: a branch at every unit, taken or not by whether it is a letter, cost more than
    // the rest of the work.
    size_t found = 0;
    // The start of a run that reaches the end of the last block; `count` when none does.
    size_t open = count;
    for (size_t base = 0; base < count; base += 64) {
        size_t size = count - base < 64 ? count - base : 64;
        uint64_t letters = letter_bits(units + base, size);
        if (open != count) {
            // Past the text's end the bits are zero: a run that reaches it ends there.
            uint64_t others = ~letters;
            if (others == 0) continue;
            unsigned end = (unsigned)__builtin_ctzll(others);
            found = keep_run(units, count, open, base + end, keys, runs, found);
            open = count;
            letters &= ~(uint64_t)0 << end;
        }
        while (letters != 0) {
            unsigned start = (unsigned)__builtin_ctzll(letters);
            uint64_t after = ~letters & (~(uint64_t)0 << start);
            if (after == 0) {
                open = base + start;
                break;
            }
            unsigned end = (unsigned)__builtin_ctzll(after);
            found = keep_run(units, count, base + start, base + end, keys, runs, found);
            letters &= ~(uint64_t)0 << end;
        }
    }
    if (open != count) found = keep_run(units, count, open, count, keys, runs, found);
    return found;
}
