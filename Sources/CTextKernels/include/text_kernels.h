#ifndef FOLIO_TEXT_KERNELS_H
#define FOLIO_TEXT_KERNELS_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The loops that pass over every code point (or byte) of a paper, many at a time with SSE2 and
// one at a time elsewhere, with the same result. Code points are passed as their 32-bit values
// (Swift's `Unicode.Scalar` has that layout).

// Runs of printable ASCII and single spaces (plain_ascii.c)

/// Copies, as bytes, the code points from `text` on that the reading text writes unchanged:
/// printable ASCII (0x21 to 0x7F), and a single space between two of them. Stops at the first
/// other one (a line break, a second space, a letter beyond ASCII) and returns how many it
/// copied. Reads `text[-1]` (the code point before, which the caller has written) and never
/// goes past `text[available - 1]`: the last code point it copies has one after it.
///
/// It may write up to fifteen bytes past those it copies, into memory the caller has room in
/// (a byte for each code point after them) and writes over next. Sixteen code points at a time
/// where the processor has SSE2; one at a time elsewhere, with the same result.
size_t folio_copy_plain_ascii(const uint32_t *text, size_t available, uint8_t *bytes);

/// How many of the `count` code points at `text` are printable ASCII (0x21 to 0x7E) or, with
/// `passingSingleSpaces`, a space before such a one: the text cleaning leaves as it is.
size_t folio_skip_plain_ascii(const uint32_t *text, size_t count, int passingSingleSpaces);

// Runs of ASCII letters (letters.c)

/// The runs of code points that may be letters (ASCII letters, and every code point from 0x80
/// on, which the caller reads again) among the `count` at `text`, from `from` on: at most
/// `capacity`, each as its start and end offsets in `runs` (room for `2 * capacity`), the end's
/// top bit set when the run holds a code point beyond ASCII. Returns how many it stored, and
/// sets `next` to where a call for the rest starts (`count` when there is none). A paper's
/// words, found from bits, not by a branch at every code point; offsets below 2^31.
size_t folio_word_runs(const uint32_t *text, size_t count, size_t from, uint32_t *runs, size_t capacity, size_t *next);

/// What `folio_classified_word_runs` says of a run, as bits.
enum {
    /// It holds a code point beyond ASCII: the caller reads it again (the rest is said of ASCII runs).
    FOLIO_RUN_BEYOND_ASCII = 1,
    /// `long_length` letters or more.
    FOLIO_RUN_LONG = 2,
    /// `long_length` letters or more, none of them lower case.
    FOLIO_RUN_CAPITALS = 4,
    /// A hyphen follows it.
    FOLIO_RUN_HYPHEN_AFTER = 8,
    /// A hyphen and a line break (LF or FF) follow it.
    FOLIO_RUN_BROKEN_AFTER = 16,
    /// A hyphen and a line break come before it, with nothing but spaces between them and it.
    FOLIO_RUN_BROKEN_BEFORE = 32,
};

/// An ASCII run's shape when it has none (more than 63 letters), and a run beyond ASCII's.
#define FOLIO_RUN_NO_SHAPE 0xFFFFFFFFu

/// `folio_word_runs` with each run told of: four words a run in `records` (room for
/// `4 * capacity`): its start, its end, its shape (of an ASCII run of up to 63 letters:
/// `(length * 26 + first) * 26 + last`, the letters' places in the alphabet, either case;
/// `FOLIO_RUN_NO_SHAPE` otherwise) and its `FOLIO_RUN_` flags, a run of `long_length` letters
/// or more being long. What hyphenation asks of every word of a paper, so that only the few
/// words it must read again come back to it.
size_t folio_classified_word_runs(const uint32_t *text, size_t count, size_t from, size_t long_length, uint32_t *records, size_t capacity, size_t *next);

/// How many of the `count` UTF-16 units at `units` are ASCII letters before the first that is not.
size_t folio_ascii_letters16(const uint16_t *units, size_t count);

/// How many keys of runs of letters there are (`folio_letter_run_key`).
enum { FOLIO_LETTER_RUN_KEYS = 26 * 27 * 27 * 2 };

/// A run of letters' key: its first three letters and whether it is longer. `first` is the first
/// letter's place in the alphabet (either case), `second` and `third` one more than theirs (0
/// for a run too short to have one), and `longer` 1 for a run of more than three letters.
static inline size_t folio_letter_run_key(size_t first, size_t second, size_t third, int longer) {
    return ((first * 27 + second) * 27 + third) * 2 + (longer ? 1 : 0);
}

/// The runs of ASCII letters among the `count` UTF-16 units at `units` that a caller looking
/// words up must see: each run next to a unit beyond ASCII (before or after it: the word may
/// hold letters beyond ASCII, or start with one), and each other run whose key
/// (`folio_letter_run_key`) the bits of `keys` mark; `keys` has `FOLIO_LETTER_RUN_KEYS` bits,
/// bit `key % 8` of byte `key / 8`. Writes each run's start and end (past its last letter) to
/// `runs`, which has room for `count + 1` numbers, the top bit of the start set for a run next
/// to a unit beyond ASCII, and returns how many runs it wrote. `count` is below 2^31.
size_t folio_letter_runs16(const uint16_t *units, size_t count, const uint8_t *keys, uint32_t *runs);

// Scans for the first of a kind (scans.c)

/// The offset of the first of `count` code points at `text` that is one of the `markCount`
/// ASCII values at `marks` (1 to 8) or, if `beyondASCII`, any code point from 0x80 on; `count`
/// when none is. For scans through a whole paper for a bracket, a quote mark, a full stop.
size_t folio_first_mark(const uint32_t *text, size_t count, const uint32_t *marks, size_t markCount, int beyondASCII);

/// The offset of the first of `count` code points at `text` that is at most `highest` (below
/// 0xFF); `count` when none is. For the line breaks of a text.
size_t folio_first_at_most(const uint32_t *text, size_t count, uint32_t highest);

/// The offset of the first of `count` UTF-16 units at `units` that is an ASCII digit or beyond
/// ASCII (0x80 and up); `count` when none is.
size_t folio_first_digit_or_beyond_ascii(const uint16_t *units, size_t count);

/// The offset of the first of `count` bytes of UTF-8 at `bytes` that a JSON string must escape
/// (below 0x20, a quotation mark, a backslash, or 0x7F, which Folio escapes too); `count` when
/// none is.
size_t folio_first_json_escape(const uint8_t *bytes, size_t count);

/// The offset of the first of `count` bytes of UTF-8 at `bytes` that XML escapes as libxml2
/// does: a carriage return, `&`, `<`, `>`, and, if `inAttribute`, a quotation mark, a line feed
/// and a tab; `count` when none is.
size_t folio_first_xml_escape(const uint8_t *bytes, size_t count, int inAttribute);

// Conversions (conversions.c)

/// Writes the first of `count` code points at `scalars` as UTF-16 units at `units`, as long
/// as each is one unit (below 0x10000); returns how many it wrote. The caller writes a code
/// point that needs two and goes on.
size_t folio_narrow_to_utf16(const uint32_t *scalars, size_t count, uint16_t *units);

/// Writes the first of `count` bytes at `bytes` as code points at `scalars`, as long as each is
/// ASCII and not NUL; returns how many it wrote. For decoding UTF-8, most of which is ASCII.
size_t folio_widen_ascii(const uint8_t *bytes, size_t count, uint32_t *scalars);

// Memory

/// Asks the processor to bring the cache line holding `address` into its caches, and goes on
/// without waiting: for lookups in tables too large to stay there, issued a few lookups ahead.
static inline void folio_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}

/// Adds the `count` floats at `row` to those at `sums`, each with one addition, eight and then
/// four at a time; the last one to three as the last four, with zero added to those already
/// added (a sum plus zero is the sum: the tagger's sums are never -0). Inlined into Swift: a
/// tagged token adds a row of seventeen weights for most of its thirty features, and the loop
/// the compiler made of the last one cost as much as the rest of the row.
static inline void folio_add_floats(const float *row, long count, float *sums) {
#if defined(__SSE2__)
    long index = 0;
    for (; index + 8 <= count; index += 8) {
        _mm_storeu_ps(sums + index, _mm_add_ps(_mm_loadu_ps(sums + index), _mm_loadu_ps(row + index)));
        _mm_storeu_ps(sums + index + 4, _mm_add_ps(_mm_loadu_ps(sums + index + 4), _mm_loadu_ps(row + index + 4)));
    }
    if (index + 4 <= count) {
        _mm_storeu_ps(sums + index, _mm_add_ps(_mm_loadu_ps(sums + index), _mm_loadu_ps(row + index)));
        index += 4;
    }
    long left = count - index;
    if (left > 0 && count >= 4) {
        // Lanes 4 - left to 3 are the floats left; the others were added already.
        static const uint32_t lanes[8] = {0, 0, 0, 0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu};
        __m128 keep = _mm_castsi128_ps(_mm_loadu_si128((const __m128i *)(lanes + left)));
        float *last = sums + count - 4;
        _mm_storeu_ps(last, _mm_add_ps(_mm_loadu_ps(last), _mm_and_ps(_mm_loadu_ps(row + count - 4), keep)));
    } else {
        for (; index < count; index++) sums[index] += row[index];
    }
#else
    for (long index = 0; index < count; index++) sums[index] += row[index];
#endif
}

#endif
