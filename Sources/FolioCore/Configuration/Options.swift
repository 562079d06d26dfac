import OrderedCollections

/// The options object of one stage or output format in `pipeline.json`, read strictly.
///
/// A component asks for each option it knows; `finish()` then reports any option it did not
/// ask for, with the closest known name as a suggestion. Wrong types name the JSON path.
public struct Options {
    private let values: OrderedDictionary<String, JSONValue>
    public let path: JSONPath
    public let file: String?
    /// The folder relative paths in options are resolved against.
    public let baseDirectory: String
    private var known: [String] = []

    public init(_ values: OrderedDictionary<String, JSONValue> = [:], path: JSONPath = JSONPath(),
                file: String? = nil, baseDirectory: String = ".") {
        self.values = values
        self.path = path
        self.file = file
        self.baseDirectory = baseDirectory
    }

    public mutating func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        guard let value = take(key) else { return defaultValue }
        guard case .bool(let flag) = value else { throw mismatch(key, expected: "true or false", found: value) }
        return flag
    }

    public mutating func integer(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value = take(key) else { return defaultValue }
        guard case .integer(let number) = value else { throw mismatch(key, expected: "a whole number", found: value) }
        guard range.contains(number) else {
            throw error(key, "\(number) is out of range: expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    public mutating func number(_ key: String, default defaultValue: Double, in range: ClosedRange<Double>) throws -> Double {
        guard let value = take(key) else { return defaultValue }
        guard let number = value.doubleValue else { throw mismatch(key, expected: "a number", found: value) }
        guard range.contains(number) else {
            throw error(key, "\(number) is out of range: expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    public mutating func string(_ key: String, default defaultValue: String?) throws -> String? {
        guard let value = take(key) else { return defaultValue }
        if case .null = value { return nil }
        guard case .string(let string) = value else { throw mismatch(key, expected: "a string", found: value) }
        return string
    }

    /// One of the enumeration's raw values.
    public mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, default defaultValue: Choice) throws -> Choice
    where Choice.RawValue == String {
        guard let value = take(key) else { return defaultValue }
        let names = Choice.allCases.map(\.rawValue)
        guard case .string(let string) = value else {
            throw mismatch(key, expected: "one of \(names.map { "\"\($0)\"" }.joined(separator: ", "))", found: value)
        }
        guard let choice = Choice(rawValue: string) else {
            throw error(key, "\"\(string)\" is not one of \(names.map { "\"\($0)\"" }.joined(separator: ", "))",
                        hint: ClosestName.suggestion(for: string, among: names).map { "did you mean \"\($0)\"?" })
        }
        return choice
    }

    /// A path to a file that must exist, resolved against the configuration's folder. An
    /// empty string or null means none.
    public mutating func existingFile(_ key: String, default defaultValue: String?) throws -> String? {
        guard let path = try string(key, default: defaultValue), !path.isEmpty else { return nil }
        let resolved = FilePaths.resolve(path, against: baseDirectory)
        guard FilePaths.isFile(resolved) else { throw error(key, "the file '\(path)' does not exist") }
        return resolved
    }

    /// Fails on any option no one asked for, suggesting the closest known one.
    public func finish(component: String) throws {
        for key in values.keys where !known.contains(key) {
            let hint = ClosestName.suggestion(for: key, among: known).map { "did you mean '\($0)'?" }
                ?? (known.isEmpty ? "'\(component)' takes no options" : "its options are: \(known.joined(separator: ", "))")
            throw FolioError(file: file, place: .jsonPath(path.appending(key).description),
                             "unknown option '\(key)' for '\(component)'", hint: hint)
        }
    }

    private mutating func take(_ key: String) -> JSONValue? {
        known.append(key)
        return values[key]
    }

    private func mismatch(_ key: String, expected: String, found: JSONValue) -> FolioError {
        error(key, "expected \(expected), found \(found.typeName == "null" ? "null" : "a \(found.typeName)")")
    }

    private func error(_ key: String, _ message: String, hint: String? = nil) -> FolioError {
        FolioError(file: file, place: .jsonPath(path.appending(key).description), message, hint: hint)
    }
}
