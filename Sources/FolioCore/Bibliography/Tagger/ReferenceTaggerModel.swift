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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst(), header.hasPrefix("folio-reference-tagger 1"),
              header.hasSuffix(ReferenceLabel.allCases.map(\.name).joined(separator: ",")) else {
            throw FolioError("the reference tagger's model is not in the form this Folio reads")
        }
        guard let transitionLine = lines.popFirst(), transitionLine.hasPrefix("transitions ") else {
            throw FolioError("the reference tagger's model has no transition weights")
        }
        let values = transitionLine.dropFirst("transitions ".count).split(separator: " ").compactMap { Float($0) }
        guard values.count == transitions.count else { throw FolioError("the reference tagger's model has the wrong number of transitions") }
        transitions = values
        for line in lines {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            // Edge features (`~…`) weigh pairs of labels, others single labels.
            let isEdge = line.first == "~"
            var row = [Float](repeating: 0, count: isEdge ? Self.labelCount * Self.labelCount : Self.labelCount)
            for entry in line[line.index(after: tab)...].split(separator: " ") {
                let parts = entry.split(separator: ":")
                if parts.count == 2, let label = Int(parts[0]), let weight = Float(parts[1]), label < row.count { row[label] = weight }
            }
            if isEdge { edgeWeights[String(line[..<tab])] = row } else { weights[String(line[..<tab])] = row }
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
