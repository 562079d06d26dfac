extension String {
    /// Lends `body` the string's UTF-8 where the string keeps it; only a string of another form
    /// (one bridged from elsewhere) is copied first. `withUTF8` needs a `var` copy of the string,
    /// which retains and releases its storage at every call: thousands of calls a paper, for
    /// each feature of each reference token, each string of the JSON and each name of the TEI.
    /// Inlinable, so that other modules' calls are specialized.
    @inlinable
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
