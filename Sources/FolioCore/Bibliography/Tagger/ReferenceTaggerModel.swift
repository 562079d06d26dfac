import Foundation

extension ReferenceTagger {
    /// The model as text: a header, the transition weights, then one line a feature with its
    /// non-zero weights (`feature<TAB>label:weight …`), features sorted so the file is stable.
    public func serialized() -> String {
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
        // Read as bytes: the shipped model has 75,000 lines, and splitting them into substrings
        // was most of a run's start-up time.
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        try text.withUTF8 { bytes in try read(bytes) }
        indexWeights()
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t"), space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
        var position = 0
        func nextLine() -> Range<Int>? {
            while position < bytes.count && bytes[position] == newline { position += 1 }
            guard position < bytes.count else { return nil }
            let start = position
            while bytes[position] != newline { position += 1 }
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
        let base = bytes.baseAddress!
        while let line = nextLine() {
            guard let tabAt = line.first(where: { bytes[$0] == tab }) else { continue }
            // Edge features (`~…`) weigh pairs of labels, others single labels.
            let isEdge = bytes[line.lowerBound] == UInt8(ascii: "~")
            var row = [Float](repeating: 0, count: isEdge ? Self.labelCount * Self.labelCount : Self.labelCount)
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
                var end: UnsafeMutablePointer<CChar>?
                let start = UnsafeRawPointer(base + index + 1).assumingMemoryBound(to: CChar.self)
                let weight = strtof(start, &end)
                index = end.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? line.upperBound
                if label < row.count { row[label] = weight }
                while index < line.upperBound && bytes[index] != space { index += 1 }
                index += 1
            }
            if isEdge { edgeWeights[string(line.lowerBound..<tabAt)] = row } else { weights[string(line.lowerBound..<tabAt)] = row }
        }
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
        for (number, line) in jsonLines.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let value = try JSONParser.parse(String(line), file: "line \(number + 1)")
            guard let raw = value["raw"]?.stringValue, let gold = value["gold"] else { continue }
            result.append((raw, gold))
        }
        return result
    }
}
