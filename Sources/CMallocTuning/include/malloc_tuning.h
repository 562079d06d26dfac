#ifndef FOLIO_MALLOC_TUNING_H
#define FOLIO_MALLOC_TUNING_H

/// Tells glibc's allocator to keep the memory a paper frees for the next paper, in a process
/// that runs papers one after another: by default it hands large blocks back to the kernel as
/// soon as they are freed and asks for them again at once, and the kernel clears every page
/// it hands out anew. Returns 1 when the settings took, 0 elsewhere (other C libraries).
int folio_keep_freed_memory(void);

/// The bytes of the blocks the allocator holds in mappings of their own (glibc's
/// `mallinfo2().hblkhd`), which it unmaps when they are freed; -1 elsewhere.
long folio_bytes_in_own_mappings(void);

/// The bytes of the freed small blocks glibc holds in its fast bins (`mallinfo2().fsmblks`),
/// unmerged with their neighbours; -1 elsewhere.
long folio_bytes_in_fast_bins(void);

#endif
