import Foundation

extension ReferenceTagger {
    /// The model as text: a header, the transition weights, then one line a feature with its
    /// non-zero weights (`feature<TAB>label:weight …`), features sorted so the file is stable.
    public func serialized() -> String {
        precondition(hasFeatureStrings, "a model read only to tag has no feature strings to write")
        var lines = ["folio-reference-tagger 1 labels=" + ReferenceLabel.allCases.map(\.name).joined(separator: ",")]
        lines.append("transitions " + transitions.map { String(format: "%.4f", $0) }.joined(separator: " "))
        let rows = (Array(weights) + Array(edgeWeights)).sorted { $0.key < $1.key }
        for (feature, row) in rows {
            let entries = row.enumerated().filter { abs($0.element) >= 0.005 }.map { "\($0.offset):" + String(format: "%.3f", $0.element) }
            if !entries.isEmpty { lines.append(feature + "\t" + entries.joined(separator: " ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a model written by `serialized()`.
    public init(serialized text: String) throws {
        self.init()
        var emissions: [String: [Float]] = [:], edges: [String: [Float]] = [:]
        // A line end after the last weight: `strtof` stops there, not past the text.
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        _ = try text.withUTF8 { try Self.read($0, into: &transitions) { isEdge, feature, entries in
            var row = [Float](repeating: 0, count: isEdge ? Self.labelCount * Self.labelCount : Self.labelCount)
            for (label, weight) in entries where label < row.count { row[label] = weight }
            let name = String(decoding: feature, as: UTF8.self)
            if isEdge { edges[name] = row } else { emissions[name] = row }
            return true
        } }
        weights = emissions
        edgeWeights = edges
        indexWeights()
    }

    /// Reads a model written by `serialized()` into the tables tagging looks weights up in,
    /// without the features' strings: a run reads the shipped model before its first paper,
    /// and keeping 75,000 strings in dictionaries was most of that. Such a model tags as the
    /// one `init(serialized:)` reads, and cannot be written or trained.
    public init(taggingWith model: [UInt8]) throws {
        self.init()
        var model = model
        if model.last != UInt8(ascii: "\n") { model.append(UInt8(ascii: "\n")) }
        try model.withUnsafeBufferPointer { try readTables($0) }
    }

    private mutating func readTables(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let count = Self.labelCount
        // Rows to make room for: lines, and of them edge features' (`~…`).
        let lines = {
            var lines = (edges: 0, all: 1), previous = UInt8(ascii: "\n")
            for byte in bytes {
                if byte == UInt8(ascii: "\n") { lines.all += 1 } else if byte == UInt8(ascii: "~") && previous == UInt8(ascii: "\n") { lines.edges += 1 }
                previous = byte
            }
            return lines
        }()
        var emissions = FeatureTable(capacity: lines.all, width: count), edges = FeatureTable(capacity: lines.edges, width: count * count)
        let distinct = try Self.read(bytes, into: &transitions) { isEdge, feature, entries in
            var hash = FeatureHash()
            hash.add(feature)
            let width = isEdge ? count * count : count
            let weights = entries.lazy.filter { $0.label < width }.map { ($0.label, $0.weight) }
            return isEdge ? edges.addRow(hash.value, weights) : emissions.addRow(hash.value, weights)
        }
        // Two features share a hash, or a row gives a label twice: only their strings tell.
        guard distinct else {
            self = try ReferenceTagger(serialized: String(decoding: bytes, as: UTF8.self))
            return
        }
        tables = (emissions, edges)
        hasFeatureStrings = false
    }

    /// Reads the header and the transition weights, then hands `row` each feature line: whether
    /// it is an edge feature (`~…`, weighing pairs of labels), the feature's bytes, and its
    /// `label:weight` entries. False when `row` refused a line (and reading stopped there).
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, into transitions: inout [Float],
                             row: (_ isEdge: Bool, _ feature: UnsafeBufferPointer<UInt8>, _ entries: [(label: Int, weight: Float)]) -> Bool) throws -> Bool {
        // Read as bytes: the shipped model has 75,000 lines, and splitting them into substrings
        // was most of a run's start-up time.
        do {
            let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t"), space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
            var position = 0
            func nextLine() -> Range<Int>? {
                while position < bytes.count && bytes[position] == newline { position += 1 }
                guard position < bytes.count else { return nil }
                let start = position
                while position < bytes.count && bytes[position] != newline { position += 1 }
                return start..<position
            }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            guard let headerLine = nextLine(), case let header = string(headerLine), header.hasPrefix("folio-reference-tagger 1"),
                  header.hasSuffix(ReferenceLabel.allCases.map(\.name).joined(separator: ",")) else {
                throw FolioError("the reference tagger's model is not in the form this Folio reads")
            }
            guard let transitionRange = nextLine(), case let transitionLine = string(transitionRange), transitionLine.hasPrefix("transitions ") else {
                throw FolioError("the reference tagger's model has no transition weights")
            }
            let values = transitionLine.dropFirst("transitions ".count).split(separator: " ").compactMap { Float($0) }
            guard values.count == transitions.count else { throw FolioError("the reference tagger's model has the wrong number of transitions") }
            transitions = values
            var entries: [(label: Int, weight: Float)] = []
            while let line = nextLine() {
                guard let tabAt = line.first(where: { bytes[$0] == tab }) else { continue }
                entries.removeAll(keepingCapacity: true)
                var index = tabAt + 1
                while index < line.upperBound {
                    // `label:weight`: the label's digits, then the weight as `strtof` reads it (as
                    // `Float(String)` does), which stops at the space or line end after it.
                    var label = 0
                    while index < line.upperBound && bytes[index] != colon && bytes[index] != space {
                        label = label * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                        index += 1
                    }
                    guard index < line.upperBound, bytes[index] == colon else { index += 1; continue }
                    let (weight, end) = Self.weight(in: bytes, at: index + 1)
                    entries.append((label, weight))
                    index = end
                    while index < line.upperBound && bytes[index] != space { index += 1 }
                    index += 1
                }
                let isEdge = bytes[line.lowerBound] == UInt8(ascii: "~")
                guard row(isEdge, UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<tabAt]), entries) else { return false }
            }
            return true
        }
    }

    /// The number starting at `start`, as `strtof` reads it, and where it stops. A weight as
    /// `serialized()` writes it (`-12.345`) is its digits over a power of ten: both are exact
    /// floats and division rounds once, to the float nearest the decimal, which is `strtof`'s.
    static func weight(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Float, Int) {
        var index = start
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var digits = 0, integerDigits = 0, fractionDigits = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] &- UInt8(ascii: "0") < 10 }
        while isDigit(index) && integerDigits < 7 { digits = digits * 10 + Int(bytes[index] &- UInt8(ascii: "0")); integerDigits += 1; index += 1 }
        if integerDigits > 0 && integerDigits < 7 && index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while isDigit(index) && fractionDigits < 4 { digits = digits * 10 + Int(bytes[index] &- UInt8(ascii: "0")); fractionDigits += 1; index += 1 }
            let ends = index == bytes.count || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n")
            if (1...3).contains(fractionDigits) && ends && digits < 1 << 24 {
                let scale: Float = fractionDigits == 1 ? 10 : fractionDigits == 2 ? 100 : 1000
                let value = Float(digits) / scale
                return (negative ? -value : value, index)
            }
        }
        var end: UnsafeMutablePointer<CChar>?
        let base = UnsafeRawPointer(bytes.baseAddress!)
        let weight = strtof(base.advanced(by: start).assumingMemoryBound(to: CChar.self), &end)
        return (weight, end.map { UnsafeRawPointer($0) - base } ?? bytes.count)
    }

    /// Trains on CSL-JSON-tagged references, one `{"raw", "gold"}` object a line, and, with
    /// `houseStyles`, on the same references printed again in the sciences' compact styles.
    public static func train(jsonLines: String, epochs: Int = 20, houseStyles: Bool = true) throws -> ReferenceTagger {
        let tagged = try taggedReferences(jsonLines)
        var examples = tagged.map { GoldAlignment.labels(raw: $0.raw, gold: $0.gold) }
        if houseStyles {
            examples += HouseStyles.examples(from: tagged.map(\.gold)).map { ($0.tokens, $0.labels) }
        }
        return train(examples, epochs: epochs)
    }

    /// The house-style renderings `train` adds, to read.
    public static func houseStyleExamples(jsonLines: String) throws -> [HouseStyles.Example] {
        HouseStyles.examples(from: try taggedReferences(jsonLines).map(\.gold))
    }

    private static func taggedReferences(_ jsonLines: String) throws -> [(raw: String, gold: JSONValue)] {
        var result: [(raw: String, gold: JSONValue)] = []
        for (number, line) in jsonLines.split(separator: "\n").enumerated() where !line.trimmedOfWhitespace.isEmpty {
            let value = try JSONParser.parse(String(line), file: "line \(number + 1)")
            guard let raw = value["raw"]?.stringValue, let gold = value["gold"] else { continue }
            result.append((raw, gold))
        }
        return result
    }
}
