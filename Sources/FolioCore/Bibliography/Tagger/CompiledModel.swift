import Foundation

/// The reference tagger's tables as they stand in memory, written out: what a run reads before
/// its first paper. Reading the model's text means parsing and hashing 75,000 lines, which was
/// most of a run's start-up; these bytes are copied into the tables as they are.
///
/// A line of text names the form and the labels; then, little-endian: the transition weights,
/// and for the emission table and then the edge table its width and how many slots, rows and
/// weights it has, each row (in the order of the slots) as its slot, its feature's hash and how
/// many non-zero weights it has, and then the rows' weights one after another. The
/// text (`reference-tagger.txt`) stays the model's source; `train-references` writes both, and
/// a test checks that the shipped bytes are what the shipped text compiles to. The form's number
/// changes with the hash of features (`FeatureHash`): tables of another form would find rows by
/// other hashes, and are refused.
extension ReferenceTagger {
    static let compiledHeader = "folio-reference-tagger-tables 2 labels=" + ReferenceLabel.allCases.map(\.name).joined(separator: ",") + "\n"

    /// The tables, written; nil for a model that has none (two of its features share a hash).
    public func compiled() -> [UInt8]? {
        guard let tables else { return nil }
        var bytes = Array(Self.compiledHeader.utf8)
        func append<Integer: FixedWidthInteger>(_ value: Integer) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(UInt32(transitions.count))
        for weight in transitions { append(weight.bitPattern) }
        for table in [tables.emissions, tables.edges] {
            append(UInt32(table.width))
            append(UInt32(table.slotCount))
            append(UInt32(table.rowCount))
            append(UInt32(table.entries.count))
            table.forEachRow { slot, key, entries in
                append(UInt32(slot))
                append(key)
                append(UInt16(entries.count))
            }
            table.forEachRow { _, _, entries in
                for entry in entries {
                    append(entry.index)
                    append(entry.weight.bitPattern)
                }
            }
        }
        return bytes
    }

    /// The tables every run of the model with this text gets, written; nil where two of its
    /// features share a hash (runs then read the text).
    public static func compiled(modelText: [UInt8]) throws -> [UInt8]? {
        try ReferenceTagger(taggingWith: modelText).compiled()
    }

    /// Where the compiled model of the model's text at `path` goes: beside it, ending in `.tables`.
    public static func compiledModelPath(besideText path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("tables").path
    }

    /// Whether `bytes` are a compiled model rather than a model's text.
    static func isCompiled(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: "folio-reference-tagger-tables ".utf8)
    }

    /// Reads a model written by `compiled()`: it tags as the model whose text it was compiled
    /// from, and, like `init(taggingWith:)`'s, cannot be written or trained.
    public init(compiled bytes: [UInt8]) throws {
        self.init()
        let header = Array(Self.compiledHeader.utf8)
        guard bytes.starts(with: header) else {
            throw FolioError("the reference tagger's compiled model is not in the form this Folio reads")
        }
        tables = try bytes.withUnsafeBytes { bytes in
            var reader = LittleEndianReader(bytes, from: header.count)
            return try Self.readCompiled(&reader, into: &transitions)
        }
        hasFeatureStrings = false
    }

    /// The transitions (into the model's, which has their number) and the tables, read from
    /// where the header ends.
    private static func readCompiled(_ reader: inout LittleEndianReader, into transitions: inout [Float]) throws -> (emissions: FeatureTable, edges: FeatureTable) {
        let count = labelCount
        guard try reader.read(UInt32.self) == transitions.count else {
            throw FolioError("the reference tagger's compiled model has the wrong number of transitions")
        }
        for index in transitions.indices { transitions[index] = Float(bitPattern: try reader.read(UInt32.self)) }
        var tables: [FeatureTable] = []
        for width in [count, count * count] {
            let (tableWidth, slots, rowCount, entryCount) = (try reader.read(UInt32.self), try reader.read(UInt32.self), try reader.read(UInt32.self),
                                                             try reader.read(UInt32.self))
            // No table Folio trains has millions of slots: such a number is a damaged file.
            guard tableWidth == width, slots <= 1 << 24, rowCount < slots else {
                throw FolioError("the reference tagger's compiled model has tables of another shape")
            }
            var rows: [(slot: Int, key: UInt64, count: Int)] = []
            rows.reserveCapacity(Int(rowCount))
            for _ in 0..<rowCount {
                rows.append((Int(try reader.read(UInt32.self)), try reader.read(UInt64.self), Int(try reader.read(UInt16.self))))
            }
            guard let table = FeatureTable(slotCount: Int(slots), width: width, rows: rows, entries: try reader.entries(Int(entryCount))) else {
                throw FolioError("the reference tagger's compiled model has a row that does not fit its table")
            }
            tables.append(table)
        }
        guard reader.isAtEnd else { throw FolioError("the reference tagger's compiled model goes on past its tables") }
        return (tables[0], tables[1])
    }
}

/// Reads little-endian integers from bytes one after another, throwing where they run out.
private struct LittleEndianReader {
    private let bytes: UnsafeRawBufferPointer
    private var position: Int

    init(_ bytes: UnsafeRawBufferPointer, from position: Int) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func read<Integer: FixedWidthInteger>(_: Integer.Type) throws -> Integer {
        let size = MemoryLayout<Integer>.size
        guard bytes.count - position >= size else { throw FolioError("the reference tagger's compiled model is cut short") }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: Integer.self)
        position += size
        return Integer(littleEndian: value)
    }

    /// `count` weights, each a label's index (two bytes) and the weight's bits (four): most of
    /// the file, read in one go.
    mutating func entries(_ count: Int) throws -> [FeatureTable.Entry] {
        let size = 6
        guard count >= 0, (bytes.count - position) / size >= count else { throw FolioError("the reference tagger's compiled model is cut short") }
        let start = position
        position += count * size
        return (0..<count).map { entry in
            let at = start + entry * size
            return FeatureTable.Entry(index: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)),
                                      weight: Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 2, as: UInt32.self))))
        }
    }
}
