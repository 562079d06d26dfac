import CMallocTuning
import Testing

/// The allocator settings the `folio` executable makes before a run.
@Suite struct MallocTuningTests {
    #if os(Linux) && canImport(Glibc)
    /// glibc accepts every setting. A guard that never saw glibc's macros would silently make
    /// it a no-op (as `__GLIBC__` tested before any header is included does).
    @Test func glibcTakesTheSettings() {
        #expect(folio_keep_freed_memory() == 1)
    }
    #endif
}
