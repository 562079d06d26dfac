#ifndef FOLIO_REGEX_H
#define FOLIO_REGEX_H

// PCRE2's regular expressions (compiled to machine code by its JIT) over UTF-16 the caller
// holds, with ICU's way of limiting a search to a region of the text, behind a header that
// names no PCRE2 type: only regex.c includes PCRE2's header, with its code unit width set.

#include <stdint.h>

/// A compiled pattern and the state of one search. Not thread-safe: a thread matches with its
/// own clone (clones share the compiled code).
typedef struct FolioRegex FolioRegex;

/// Compiles `pattern` (UTF-16). NULL when it does not compile, with PCRE2's message in
/// `error` and the offending pattern offset in `errorOffset` (−1 when PCRE2 gives none).
FolioRegex *folio_regex_open(const uint16_t *pattern, int32_t length, int caseInsensitive,
                             const char **error, int32_t *errorOffset);

/// The compiled pattern, shared, with the state of a search of its own; NULL when memory runs
/// out. The original must outlive it.
FolioRegex *folio_regex_clone(const FolioRegex *regex);

void folio_regex_close(FolioRegex *regex);

/// The number of capturing groups (group 0, the whole match, not counted).
int32_t folio_regex_group_count(const FolioRegex *regex);

/// The number of the group named `name` (UTF-16); −1 when the pattern names none so.
int32_t folio_regex_group_number(const FolioRegex *regex, const uint16_t *name, int32_t length);

/// Points the matcher at `text` (which must outlive the search) and limits the search to the
/// units `start..<end`: every match lies within them. With transparent bounds, look-arounds,
/// word boundaries, `^` and `$` see the whole text; without, the limits are the text's edges.
/// 0 on success, −1 for limits outside the text.
int folio_regex_reset(FolioRegex *regex, const uint16_t *text, int32_t length, int32_t start, int32_t end,
                      int transparentBounds);

/// Finds the next match. On a match, writes the start and end of group 0 and of each group in
/// turn into `bounds` (2 × (`groups` + 1) slots, −1 and −1 for a group that took no part) and
/// returns 1; 0 when there is no further match.
int folio_regex_find_next(FolioRegex *regex, int32_t *bounds, int32_t groups);

/// Whether the pattern matches starting exactly at `start` of the whole text the matcher was
/// last pointed at (its limits are dropped: look-arounds see the whole text, and a match may
/// run to its end). Writes `bounds` as `folio_regex_find_next` does; 1 on a match, else 0.
int folio_regex_match_at(FolioRegex *regex, int32_t start, int32_t *bounds, int32_t groups);

#endif
