#include "text_kernels.h"
#include "lanes.h"

// Runs of ASCII letters: the words of a paper, most of them.

static inline int is_ascii_letter(uint32_t value) { return (value | 0x20) - 0x61 < 26; }

/// Which of the (at most 64) code points from `text` may be letters (ASCII letters and any from
/// 0x80 on), and which are beyond ASCII, as the bits of two words.
static inline void word_bits(const uint32_t *text, size_t count, uint64_t *mayBeLetters, uint64_t *beyondASCII) {
    uint64_t letters = 0, beyond = 0;
    size_t index = 0;
#if defined(__SSE2__)
    // Either case is a lower-case letter with 0x20 set; no byte from 0x80 on (below zero,
    // signed) is then one, and those are the bytes' top bits.
    const __m128i caseBit = _mm_set1_epi8(0x20), beforeA = _mm_set1_epi8(0x60), afterZ = _mm_set1_epi8(0x7B);
    for (; index + 16 <= count; index += 16) {
        __m128i bytes = sixteen_bytes(text + index);
        __m128i folded = _mm_or_si128(bytes, caseBit);
        uint64_t high = (uint64_t)(unsigned)_mm_movemask_epi8(bytes);
        uint64_t ascii = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(folded, beforeA), _mm_cmplt_epi8(folded, afterZ)));
        letters |= (ascii | high) << index;
        beyond |= high << index;
    }
#endif
    for (; index < count; index++) {
        uint64_t isBeyond = text[index] >= 0x80, isLetter = isBeyond | (uint64_t)is_ascii_letter(text[index]);
        letters |= isLetter << index;
        beyond |= isBeyond << index;
    }
    *mayBeLetters = letters;
    *beyondASCII = beyond;
}

/// Stores the run `start..<end` at `runs[found]`, flagged when a code point of it is beyond ASCII.
static inline size_t store_word_run(uint32_t *runs, size_t found, size_t start, size_t end, int beyond) {
    runs[2 * found] = (uint32_t)start;
    runs[2 * found + 1] = (uint32_t)end | (beyond ? 0x80000000u : 0);
    return found + 1;
}

/// The bits from `start` up to `end` (at most 64) of a word.
static inline uint64_t bits_between(unsigned start, unsigned end) {
    uint64_t below = end == 64 ? ~(uint64_t)0 : ((uint64_t)1 << end) - 1;
    return below & (~(uint64_t)0 << start);
}

size_t folio_word_runs(const uint32_t *text, size_t count, size_t from, uint32_t *runs, size_t capacity, size_t *next) {
    // As in `folio_letter_runs16`: 64 code points at a time as bits, each run's ends found by
    // counting zeros, not by a branch at every code point.
    size_t found = 0;
    // The start of a run that reaches the end of the last block (`count` when none does), and
    // whether what it has so far is beyond ASCII anywhere.
    size_t open = count;
    int openBeyond = 0;
    size_t base = from;
    for (; base < count && found < capacity; base += 64) {
        size_t size = count - base < 64 ? count - base : 64;
        uint64_t letters, beyond;
        word_bits(text + base, size, &letters, &beyond);
        if (open != count) {
            // Past the text's end the bits are zero: a run that reaches it ends there.
            uint64_t others = ~letters;
            if (others == 0) {
                openBeyond |= beyond != 0;
                continue;
            }
            unsigned end = (unsigned)__builtin_ctzll(others);
            found = store_word_run(runs, found, open, base + end, openBeyond || (beyond & bits_between(0, end)) != 0);
            open = count;
            letters &= ~(uint64_t)0 << end;
        }
        while (letters != 0 && found < capacity) {
            unsigned start = (unsigned)__builtin_ctzll(letters);
            uint64_t after = ~letters & (~(uint64_t)0 << start);
            if (after == 0) {
                open = base + start;
                openBeyond = (beyond >> start) != 0;
                break;
            }
            unsigned end = (unsigned)__builtin_ctzll(after);
            found = store_word_run(runs, found, base + start, base + end, (beyond & bits_between(start, end)) != 0);
            letters &= ~(uint64_t)0 << end;
        }
    }
    if (found == capacity) {
        // Full: the next call goes on after the last run stored (no run is open then, and
        // what this block holds after it is read again).
        *next = (size_t)(runs[2 * found - 1] & 0x7FFFFFFFu);
        return found;
    }
    if (open != count) found = store_word_run(runs, found, open, count, openBeyond);
    *next = count;
    return found;
}

static inline int is_line_break(uint32_t value) { return value == 0x0A || value == 0x0C; }

/// Fills `record` (four words) for the run `start..<end`, `beyond` when it holds a code point
/// beyond ASCII (`folio_classified_word_runs`).
static inline void classify_word_run(const uint32_t *text, size_t count, size_t start, size_t end, int beyond, size_t long_length, uint32_t *record) {
    uint32_t flags = beyond ? FOLIO_RUN_BEYOND_ASCII : 0, shape = FOLIO_RUN_NO_SHAPE;
    size_t length = end - start;
    if (!beyond) {
        if (length <= 63) shape = (uint32_t)((length * 26 + ((text[start] | 0x20) - 0x61)) * 26 + ((text[end - 1] | 0x20) - 0x61));
        if (length >= long_length) {
            flags |= FOLIO_RUN_LONG;
            size_t index = start;
            while (index < end && !(text[index] >= 0x61 && text[index] <= 0x7A)) index++;
            if (index == end) flags |= FOLIO_RUN_CAPITALS;
        }
    }
    if (end < count && text[end] == 0x2D) {
        flags |= FOLIO_RUN_HYPHEN_AFTER;
        if (end + 1 < count && is_line_break(text[end + 1])) flags |= FOLIO_RUN_BROKEN_AFTER;
    }
    // Back over spaces to a line break that follows a hyphen.
    size_t before = start;
    while (before > 1 && text[before - 1] == 0x20) before--;
    if (before >= 2 && is_line_break(text[before - 1]) && text[before - 2] == 0x2D) flags |= FOLIO_RUN_BROKEN_BEFORE;
    record[0] = (uint32_t)start;
    record[1] = (uint32_t)end;
    record[2] = shape;
    record[3] = flags;
}

size_t folio_classified_word_runs(const uint32_t *text, size_t count, size_t from, size_t long_length, uint32_t *records, size_t capacity, size_t *next) {
    enum { block = 256 };
    uint32_t runs[2 * block];
    size_t found = 0, at = from;
    while (found < capacity && at < count) {
        size_t room = capacity - found < block ? capacity - found : block, after = count;
        size_t given = folio_word_runs(text, count, at, runs, room, &after);
        for (size_t index = 0; index < given; index++) {
            uint32_t end = runs[2 * index + 1];
            classify_word_run(text, count, runs[2 * index], end & 0x7FFFFFFFu, (end & 0x80000000u) != 0, long_length, records + 4 * (found + index));
        }
        found += given;
        at = after;
    }
    *next = at;
    return found;
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
