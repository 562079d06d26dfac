#include "folio_regex.h"

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>
#include <stdlib.h>

/// A pattern compiled once (its code shared by every clone, read-only, as PCRE2 allows) and the
/// state of one search: the text, the limits, where the next try starts.
struct FolioRegex {
    pcre2_code *code;
    /// Whether closing this one frees the code: the prototype's, not a clone's.
    int ownsCode;
    pcre2_match_data *data;
    pcre2_match_context *context;
    pcre2_jit_stack *stack;
    /// The whole text the matcher was pointed at.
    const uint16_t *whole;
    size_t wholeLength;
    /// What the engine sees: the whole text with transparent bounds; the units within the
    /// limits alone with opaque ones, which start `base` units into the whole.
    const uint16_t *text;
    size_t length, base;
    /// Within `text`: no match ends after `end`, and the next try starts at `next`.
    size_t end, next;
    int done;
};

/// The units the pattern is wrapped in: `(?:` before, and after, `)` and the callout that
/// refuses a match ending past the search's limit.
static const uint16_t opening[] = {'(', '?', ':'};
static const uint16_t closing[] = {')', '(', '?', 'C', '1', ')'};
#define OPENING_LENGTH (sizeof opening / sizeof opening[0])
#define CLOSING_LENGTH (sizeof closing / sizeof closing[0])

/// Called where the whole pattern has matched: a match that runs past the search's end is
/// refused, and the engine backtracks to a shorter one or tries on, as the end of a region
/// with transparent bounds limits ICU's matches while its look-aheads see the text beyond.
static int refuse_past_end(pcre2_callout_block *block, void *data) {
    const FolioRegex *regex = data;
    return block->current_position > regex->end ? 1 : 0;
}

static FolioRegex *make(pcre2_code *code, int ownsCode) {
    FolioRegex *regex = calloc(1, sizeof(FolioRegex));
    if (!regex) {
        if (ownsCode) pcre2_code_free(code);
        return NULL;
    }
    regex->code = code;
    regex->ownsCode = ownsCode;
    regex->data = pcre2_match_data_create_from_pattern(code, NULL);
    regex->context = pcre2_match_context_create(NULL);
    // The machine stack's 32 KB, then up to a megabyte, before a try falls back to the
    // interpreter (`search`): deep backtracking over a long sentence needs more than the first.
    regex->stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!regex->data || !regex->context || !regex->stack) {
        folio_regex_close(regex);
        return NULL;
    }
    pcre2_jit_stack_assign(regex->context, NULL, regex->stack);
    return regex;
}

FolioRegex *folio_regex_open(const uint16_t *pattern, int32_t length, int caseInsensitive,
                             const char **error, int32_t *errorOffset) {
    static _Thread_local char message[256];
    uint16_t *wrapped = malloc((OPENING_LENGTH + (size_t)length + CLOSING_LENGTH) * sizeof(uint16_t));
    if (!wrapped) {
        *error = "no memory left to compile the pattern";
        *errorOffset = -1;
        return NULL;
    }
    size_t size = 0;
    for (size_t index = 0; index < OPENING_LENGTH; index++) wrapped[size++] = opening[index];
    for (int32_t index = 0; index < length; index++) wrapped[size++] = pattern[index];
    for (size_t index = 0; index < CLOSING_LENGTH; index++) wrapped[size++] = closing[index];

    pcre2_compile_context *context = pcre2_compile_context_create(NULL);
    // A line ends at `\n` alone, for `.` and `$`: the text is cleaned to that line end. With
    // every Unicode line end, PCRE2 never starts a search between a CR and an LF, and a try
    // from there finds what the search did not.
    if (context) pcre2_set_newline(context, PCRE2_NEWLINE_LF);
    // UCP: `\d`, `\w`, `\b` and `\s` by Unicode properties. MATCH_INVALID_UTF: a lone surrogate
    // (a window that cuts a pair) matches nothing, safely, and texts are not checked first.
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_USE_OFFSET_LIMIT | PCRE2_NO_AUTO_POSSESS
        | (caseInsensitive ? PCRE2_CASELESS : 0);
    int code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code *compiled = context ? pcre2_compile(wrapped, size, options, &code, &offset, context) : NULL;
    free(wrapped);
    if (!context) {
        *error = "no memory left to compile the pattern";
        *errorOffset = -1;
        return NULL;
    }
    pcre2_compile_context_free(context);
    if (!compiled) {
        PCRE2_UCHAR16 text[sizeof message];
        int count = pcre2_get_error_message(code, text, sizeof message);
        int used = 0;
        for (; used < count && used < (int)sizeof message - 1; used++) message[used] = text[used] < 0x80 ? (char)text[used] : '?';
        message[used] = 0;
        *error = message;
        *errorOffset = offset >= OPENING_LENGTH ? (int32_t)(offset - OPENING_LENGTH) : -1;
        return NULL;
    }
    // Where JIT is not supported, the interpreter matches instead.
    pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE);
    return make(compiled, 1);
}

FolioRegex *folio_regex_clone(const FolioRegex *regex) { return make(regex->code, 0); }

void folio_regex_close(FolioRegex *regex) {
    if (!regex) return;
    if (regex->stack) pcre2_jit_stack_free(regex->stack);
    if (regex->context) pcre2_match_context_free(regex->context);
    if (regex->data) pcre2_match_data_free(regex->data);
    if (regex->ownsCode) pcre2_code_free(regex->code);
    free(regex);
}

int32_t folio_regex_group_count(const FolioRegex *regex) {
    uint32_t count = 0;
    pcre2_pattern_info(regex->code, PCRE2_INFO_CAPTURECOUNT, &count);
    return (int32_t)count;
}

int32_t folio_regex_group_number(const FolioRegex *regex, const uint16_t *name, int32_t length) {
    PCRE2_UCHAR16 terminated[128];
    if (length < 0 || length >= 128) return -1;
    for (int32_t index = 0; index < length; index++) terminated[index] = name[index];
    terminated[length] = 0;
    int number = pcre2_substring_number_from_name(regex->code, terminated);
    return number < 0 ? -1 : number;
}

int folio_regex_reset(FolioRegex *regex, const uint16_t *text, int32_t length, int32_t start, int32_t end,
                      int transparentBounds) {
    static const uint16_t empty[1] = {0};
    if (length < 0 || start < 0 || end < start || end > length) return -1;
    regex->whole = text ? text : empty;
    regex->wholeLength = (size_t)length;
    regex->base = transparentBounds ? 0 : (size_t)start;
    regex->text = regex->whole + regex->base;
    regex->length = transparentBounds ? (size_t)length : (size_t)(end - start);
    regex->next = (size_t)start - regex->base;
    regex->end = (size_t)end - regex->base;
    regex->done = 0;
    return 0;
}

/// Tries from `start` of what the engine sees, and from no place after `lastStart`: the number
/// of groups set (as pcre2_match gives it), or 0 for none. Where the search ends before the
/// text does (transparent bounds), the callout keeps a match from running past the end.
static int search(FolioRegex *regex, size_t start, size_t lastStart) {
    // The offset limit, not PCRE2_ANCHORED, holds a try to one place: the JIT's code is for
    // searches, and an anchored match went to the interpreter.
    pcre2_set_offset_limit(regex->context, lastStart);
    pcre2_set_callout(regex->context, regex->end < regex->length ? refuse_past_end : NULL, regex);
    int found = pcre2_match(regex->code, regex->text, regex->length, start, 0, regex->data, regex->context);
    // A try that outgrew the JIT's stack is tried again by the interpreter, on the heap.
    if (found == PCRE2_ERROR_JIT_STACKLIMIT) {
        found = pcre2_match(regex->code, regex->text, regex->length, start, PCRE2_NO_JIT, regex->data, regex->context);
    }
    // No match, or a limit of the engine's reached (a pathological text): no match either.
    return found > 0 ? found : 0;
}

/// Writes the bounds of the last match, as `folio_regex_find_next` promises.
static void write_bounds(FolioRegex *regex, int found, int32_t *bounds, int32_t groups) {
    PCRE2_SIZE *vector = pcre2_get_ovector_pointer(regex->data);
    for (int32_t group = 0; group <= groups; group++) {
        int took = group < found && vector[2 * group] != PCRE2_UNSET;
        bounds[2 * group] = took ? (int32_t)(vector[2 * group] + regex->base) : -1;
        bounds[2 * group + 1] = took ? (int32_t)(vector[2 * group + 1] + regex->base) : -1;
    }
}

int folio_regex_find_next(FolioRegex *regex, int32_t *bounds, int32_t groups) {
    if (regex->done || regex->next > regex->end) return 0;
    int found = search(regex, regex->next, regex->end);
    if (!found) {
        regex->done = 1;
        return 0;
    }
    write_bounds(regex, found, bounds, groups);
    PCRE2_SIZE *vector = pcre2_get_ovector_pointer(regex->data);
    // The next try starts where this match ended, or past it by one code point if it was
    // empty (never between the two units of a pair), as ICU's and Foundation's searches go on.
    size_t next = vector[1];
    if (vector[0] == vector[1]) {
        next += 1;
        if (next < regex->length && (regex->text[next - 1] & 0xFC00) == 0xD800 && (regex->text[next] & 0xFC00) == 0xDC00) next += 1;
    }
    regex->next = next;
    return 1;
}

int folio_regex_match_at(FolioRegex *regex, int32_t start, int32_t *bounds, int32_t groups) {
    if (start < 0 || (size_t)start > regex->wholeLength) return 0;
    // The whole text, its limits dropped, as the header promises.
    regex->text = regex->whole;
    regex->length = regex->end = regex->wholeLength;
    regex->base = 0;
    int found = search(regex, (size_t)start, (size_t)start);
    if (!found) return 0;
    write_bounds(regex, found, bounds, groups);
    return 1;
}
