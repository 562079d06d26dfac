#ifndef FOLIO_MALLOC_TUNING_H
#define FOLIO_MALLOC_TUNING_H

/// Tells glibc's allocator to keep the memory a paper frees for the next paper, in a process
/// that runs papers one after another: by default it hands large blocks back to the kernel as
/// soon as they are freed and asks for them again at once, and the kernel clears every page
/// it hands out anew. Returns 1 when the settings took, 0 elsewhere (other C libraries).
int folio_keep_freed_memory(void);

#endif
