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

extension StaticString {
    /// The literal's UTF-8 where it stands while the program runs (the same place and length
    /// is the same text); nil for a literal of one code point, which the compiler may keep as
    /// the code point itself, not as bytes (`withUTF8Buffer` then makes them).
    @inlinable
    public var pointedUTF8: UnsafeBufferPointer<UInt8>? {
        hasPointerRepresentation ? UnsafeBufferPointer(start: utf8Start, count: utf8CodeUnitCount) : nil
    }
}
