/// Bytes written one piece after another into memory that grows as needed: what Folio's JSON
/// and XML writers write into.
///
/// An `[UInt8]` appended to a byte at a time asks at every byte whether its storage is shared
/// and large enough, through calls the optimizer cannot remove; writing a paper's JSON and TEI
/// did that a few hundred thousand times. Here the storage is the writer's own (it cannot be
/// copied), so a byte costs a comparison and a store.
public struct ByteWriter: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    /// Whether `start` is the writer's own to free; false while it writes into an array's
    /// memory lent to it (`collect`).
    @usableFromInline var ownsMemory = true

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    private init(lending memory: UnsafeMutableBufferPointer<UInt8>) {
        start = memory.baseAddress!
        capacity = memory.count
        ownsMemory = false
    }

    deinit {
        if ownsMemory { start.deallocate() }
    }

    /// The bytes `write` writes into the writer it is given (and returns), written straight
    /// into the memory of the array returned while they fit in `capacity`: a paper's JSON and
    /// TEI, a few hundred kilobytes, were copied from the writer's memory into an array at the
    /// end. Beyond `capacity` the writer grows into memory of its own, copied once at the end.
    /// `write` returns the writer it was given and keeps none: the memory is the array's.
    public static func collect(capacity: Int, _ write: (consuming ByteWriter) throws -> ByteWriter) rethrows -> [UInt8] {
        var grown: [UInt8]?
        let lent = try [UInt8](unsafeUninitializedCapacity: max(capacity, 16)) { memory, initialized in
            let writer = try write(ByteWriter(lending: memory))
            if writer.ownsMemory {
                grown = writer.bytes()
            } else {
                initialized = writer.count
            }
        }
        return grown ?? lent
    }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        start[count] = byte
        count += 1
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        if capacity - count < bytes.count { grow(toHold: bytes.count) }
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// `text`'s UTF-8. A literal of text is held as its bytes: those are copied without the
    /// call `withUTF8Buffer` makes to tell a literal of one code point apart. Always inlined:
    /// left to itself, the optimizer called it, at every key, `null` and quote of the JSON.
    @inlinable @inline(__always)
    public mutating func append(_ text: StaticString) {
        guard let bytes = text.pointedUTF8 else { return text.withUTF8Buffer { append($0) } }
        append(bytes)
    }

    @inlinable
    public mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        if capacity - count < repeats { grow(toHold: repeats) }
        (start + count).update(repeating: byte, count: repeats)
        count += repeats
    }

    /// Makes room for `more` bytes beyond those written, at least doubling.
    @usableFromInline
    mutating func grow(toHold more: Int) {
        let newCapacity = max(capacity * 2, count + more)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: start, count: count)
        if ownsMemory { start.deallocate() }
        start = grown
        capacity = newCapacity
        ownsMemory = true
    }

    /// The bytes written.
    public consuming func bytes() -> [UInt8] {
        [UInt8](UnsafeBufferPointer(start: start, count: count))
    }
}
