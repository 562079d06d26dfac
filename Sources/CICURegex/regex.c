#include "folio_regex.h"

#include <unicode/uregex.h>

FolioRegex *folio_regex_open(const uint16_t *pattern, int32_t length, int caseInsensitive,
                             const char **error, int32_t *errorOffset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    URegularExpression *regex =
        uregex_open((const UChar *)pattern, length, caseInsensitive ? UREGEX_CASE_INSENSITIVE : 0, &parse, &status);
    if (U_FAILURE(status)) {
        *error = u_errorName(status);
        *errorOffset = parse.offset;
        if (regex) uregex_close(regex);
        return NULL;
    }
    return (FolioRegex *)regex;
}

FolioRegex *folio_regex_clone(const FolioRegex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *clone = uregex_clone((const URegularExpression *)regex, &status);
    if (U_FAILURE(status)) {
        if (clone) uregex_close(clone);
        return NULL;
    }
    return (FolioRegex *)clone;
}

void folio_regex_close(FolioRegex *regex) { uregex_close((URegularExpression *)regex); }

int32_t folio_regex_group_count(const FolioRegex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    return uregex_groupCount((URegularExpression *)regex, &status);
}

int32_t folio_regex_group_number(const FolioRegex *regex, const uint16_t *name, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t number = uregex_groupNumberFromName((URegularExpression *)regex, (const UChar *)name, length, &status);
    return U_FAILURE(status) ? -1 : number;
}

int folio_regex_reset(FolioRegex *regex, const uint16_t *text, int32_t length, int32_t start, int32_t end,
                      int transparentBounds) {
    // ICU refuses a null text even when it is empty.
    static const UChar empty[1] = {0};
    URegularExpression *matcher = (URegularExpression *)regex;
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(matcher, text ? (const UChar *)text : empty, length, &status);
    uregex_setRegion(matcher, start, end, &status);
    uregex_useTransparentBounds(matcher, transparentBounds != 0, &status);
    return U_FAILURE(status) ? -1 : 0;
}

/// Writes the bounds of the match the matcher holds, as `folio_regex_find_next` promises.
static void write_bounds(URegularExpression *matcher, int32_t *bounds, int32_t groups) {
    for (int32_t group = 0; group <= groups; group++) {
        UErrorCode groupStatus = U_ZERO_ERROR;
        int32_t start = uregex_start(matcher, group, &groupStatus);
        int32_t end = uregex_end(matcher, group, &groupStatus);
        int took = U_SUCCESS(groupStatus) && start >= 0 && end >= start;
        bounds[2 * group] = took ? start : -1;
        bounds[2 * group + 1] = took ? end : -1;
    }
}

int folio_regex_find_next(FolioRegex *regex, int32_t *bounds, int32_t groups) {
    URegularExpression *matcher = (URegularExpression *)regex;
    UErrorCode status = U_ZERO_ERROR;
    if (!uregex_findNext(matcher, &status) || U_FAILURE(status)) return 0;
    write_bounds(matcher, bounds, groups);
    return 1;
}

int folio_regex_match_at(FolioRegex *regex, int32_t start, int32_t *bounds, int32_t groups) {
    URegularExpression *matcher = (URegularExpression *)regex;
    UErrorCode status = U_ZERO_ERROR;
    // From a start of its own, ICU resets the matcher (the region becomes the whole text) and
    // tries the pattern there alone, as a search of the whole text tries it at each place.
    if (!uregex_lookingAt(matcher, start, &status) || U_FAILURE(status)) return 0;
    write_bounds(matcher, bounds, groups);
    return 1;
}
