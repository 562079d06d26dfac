#include "malloc_tuning.h"

// Any libc header defines __GLIBC__ under glibc; musl's malloc.h has no mallopt settings.
#if defined(__linux__)
#include <malloc.h>
#endif

#if defined(__GLIBC__)

int folio_keep_freed_memory(void) {
    // Blocks up to 32 MB (glibc's ceiling for this setting) come from the heap, not from a
    // mapping of their own that is unmapped when freed.
    int mapped = mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // Nor do larger ones: a 10 MB paper's text and its copies are 40 MB each, its JSON 64 MB,
    // and the kernel cleared each new mapping page by page for every such paper (8% of its
    // time; a 1 MB paper's blocks are reused). A worker thread's arena keeps blocks of up to
    // 64 MB in heaps of its own and still maps larger ones; the main thread's heap (one worker,
    // the bench) grows as far as it must.
    int unmapped = mallopt(M_MMAP_MAX, 0);
    // No fast bins: a freed small block is merged with its free neighbours at once, not left
    // in a bin that glibc sweeps (malloc_consolidate) before any request of a kilobyte or
    // more. Those sweeps revisited blocks freed long before, which a large paper no longer has
    // in the caches (9% of a 10 MB paper's time, 4% of a 1 MB paper's). The per-thread cache
    // still takes the blocks a paper frees and soon asks for again.
    int unbinned = mallopt(M_MXFAST, 0);
    // Freed memory at the heap's top stays with the process: its peak is already bounded by
    // the largest paper (the bench reports it), and the next paper needs it again.
    int trimmed = mallopt(M_TRIM_THRESHOLD, 1 << 30);
    // The heap grows in steps of 64 MB, not one page past each request.
    int padded = mallopt(M_TOP_PAD, 64 << 20);
    return mapped && unmapped && unbinned && trimmed && padded;
}

long folio_bytes_in_own_mappings(void) {
    return (long)mallinfo2().hblkhd;
}

long folio_bytes_in_fast_bins(void) {
    return (long)mallinfo2().fsmblks;
}
#else
int folio_keep_freed_memory(void) { return 0; }
long folio_bytes_in_own_mappings(void) { return -1; }
long folio_bytes_in_fast_bins(void) { return -1; }
#endif
