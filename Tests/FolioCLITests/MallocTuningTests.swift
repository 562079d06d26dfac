import CMallocTuning
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The allocator settings the `folio` executable makes before a run.
@Suite struct MallocTuningTests {
    #if os(Linux) && canImport(Glibc)
    /// glibc accepts every setting. A guard that never saw glibc's macros would silently make
    /// it a no-op (as `__GLIBC__` tested before any header is included does).
    @Test func glibcTakesTheSettings() {
        #expect(folio_keep_freed_memory() == 1)
    }

    /// A block beyond the mmap threshold (a 10 MB paper's text is 40 MB) comes from a heap, so
    /// that it is not unmapped when freed and cleared again by the kernel for the next paper.
    @Test func largeBlocksComeFromTheHeap() {
        #expect(folio_keep_freed_memory() == 1)
        let before = folio_bytes_in_own_mappings()
        let block = malloc(48 << 20)
        #expect(block != nil)
        #expect(folio_bytes_in_own_mappings() == before)
        free(block)
    }

    /// Small blocks freed in numbers (more than the per-thread cache takes) are merged with
    /// their neighbours at once, not left in fast bins for a sweep that finds them cold.
    @Test func smallBlocksAreNotLeftInFastBins() {
        #expect(folio_keep_freed_memory() == 1)
        // What other tests freed before the setting stays binned until a sweep: not counted.
        let before = folio_bytes_in_fast_bins()
        let blocks = (0..<200).map { _ in malloc(48) }
        blocks.forEach { free($0) }
        #expect(folio_bytes_in_fast_bins() <= before)
    }
    #endif
}
