#include "malloc_tuning.h"

// Any libc header defines __GLIBC__ under glibc; musl's malloc.h has no mallopt settings.
#if defined(__linux__)
#include <malloc.h>
#endif

#if defined(__GLIBC__)

int folio_keep_freed_memory(void) {
    // Blocks up to 32 MB (glibc's ceiling) come from the heap, not from a mapping of their own
    // that is unmapped when freed: a 10 MB paper's arrays are tens of megabytes.
    int mapped = mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // Freed memory at the heap's top stays with the process: its peak is already bounded by
    // the largest paper (the bench reports it), and the next paper needs it again.
    int trimmed = mallopt(M_TRIM_THRESHOLD, 1 << 30);
    // The heap grows in steps of 64 MB, not one page past each request.
    int padded = mallopt(M_TOP_PAD, 64 << 20);
    return mapped && trimmed && padded;
}
#else
int folio_keep_freed_memory(void) { return 0; }
#endif
