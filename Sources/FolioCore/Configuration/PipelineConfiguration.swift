import Foundation
import OrderedCollections

/// `pipeline.json`: the stages to run with their options, the input and output folders, and
/// the output formats. Reading is strict: anything unknown, mistyped or missing is an error
/// that names the JSON path and says what was expected.
///
/// ```json
/// {
///   "input": "Input",
///   "output": "Output",
///   "stages": [{ "stage": "normalize", "options": { "ligatures": true } }, …],
///   "formats": { "json": { "indent": 2 }, "tei": {} }
/// }
/// ```
public struct PipelineConfiguration: Sendable {
    /// The file it was read from, as named; nil for a configuration built in code.
    public var file: String?
    /// Absolute path of the input folder.
    public var input: String
    /// Absolute path of the output folder.
    public var output: String
    public var referenceDate: String?
    public var stages: [any Stage]
    public var formats: [any OutputFormat]

    public init(file: String? = nil, input: String, output: String, referenceDate: String? = nil,
                stages: [any Stage], formats: [any OutputFormat]) {
        self.file = file
        self.input = input
        self.output = output
        self.referenceDate = referenceDate
        self.stages = stages
        self.formats = formats
    }

    static let topLevelKeys = ["input", "output", "referenceDate", "stages", "formats"]

    /// Reads the configuration at `path`.
    public static func load(path: String, components: Components) throws -> PipelineConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FilePaths.isDirectory(path) ? "is a folder, not a configuration file" : "does not exist or cannot be read"
            throw FolioError(file: path, "the configuration file \(reason)")
        }
        return try decode(JSONParser.parse(Array(data), file: path), file: path,
                          baseDirectory: FilePaths.directory(of: FilePaths.resolve(path, against: FileManager.default.currentDirectoryPath)),
                          components: components)
    }

    /// Builds the configuration from parsed JSON; relative paths resolve against `baseDirectory`.
    public static func decode(_ json: JSONValue, file: String?, baseDirectory: String,
                              components: Components) throws -> PipelineConfiguration {
        func failure(_ path: JSONPath, _ message: String, hint: String? = nil) -> FolioError {
            FolioError(file: file, place: .jsonPath(path.description), message, hint: hint)
        }
        let root = JSONPath()
        guard let object = json.objectValue else {
            throw failure(root, "expected an object with \(topLevelKeys.joined(separator: ", ")), found a \(json.typeName)")
        }
        for key in object.keys where !topLevelKeys.contains(key) {
            throw failure(root.appending(key), "unknown setting '\(key)'",
                          hint: ClosestName.suggestion(for: key, among: topLevelKeys).map { "did you mean '\($0)'?" }
                            ?? "the settings are: \(topLevelKeys.joined(separator: ", "))")
        }
        func folder(_ key: String, default defaultValue: String) throws -> String {
            guard let value = object[key] else { return FilePaths.resolve(defaultValue, against: baseDirectory) }
            guard let path = value.stringValue, !path.isEmpty else {
                throw failure(root.appending(key), "expected a folder path as a non-empty string, found a \(value.typeName)")
            }
            return FilePaths.resolve(path, against: baseDirectory)
        }
        let input = try folder("input", default: "Input")
        let output = try folder("output", default: "Output")

        var referenceDate: String?
        if let value = object["referenceDate"], value != .null {
            guard let date = value.stringValue, ReferenceDate.isValid(date) else {
                throw failure(root.appending("referenceDate"), "expected a date as \"YYYY-MM-DD\", found \(value.stringValue.map { "\"\($0)\"" } ?? "a \(value.typeName)")")
            }
            referenceDate = date
        }

        let stages = try decodeStages(object["stages"], path: root.appending("stages"), file: file,
                                      baseDirectory: baseDirectory, components: components)
        let formats = try decodeFormats(object["formats"], path: root.appending("formats"), file: file,
                                        baseDirectory: baseDirectory, components: components)
        return PipelineConfiguration(file: file, input: input, output: output, referenceDate: referenceDate,
                                     stages: stages, formats: formats)
    }

    private static func decodeStages(_ json: JSONValue?, path: JSONPath, file: String?, baseDirectory: String,
                                     components: Components) throws -> [any Stage] {
        func failure(_ path: JSONPath, _ message: String, hint: String? = nil) -> FolioError {
            FolioError(file: file, place: .jsonPath(path.description), message, hint: hint)
        }
        guard let json else { throw failure(path, "missing: list the stages to run, e.g. [{\"stage\": \"normalize\"}]") }
        guard let entries = json.arrayValue else { throw failure(path, "expected an array of stages, found a \(json.typeName)") }
        let names = components.stages.map { $0.name }
        var stages: [any Stage] = []
        var seen: [String] = []
        for (index, entry) in entries.enumerated() {
            let entryPath = path.appending(index)
            guard let object = entry.objectValue else {
                throw failure(entryPath, "expected an object such as {\"stage\": \"normalize\", \"options\": {}}, found a \(entry.typeName)")
            }
            for key in object.keys where key != "stage" && key != "options" {
                throw failure(entryPath.appending(key), "unknown key '\(key)' in a stage entry",
                              hint: "a stage entry has 'stage' and 'options'")
            }
            guard let name = object["stage"]?.stringValue else {
                throw failure(entryPath.appending("stage"), "expected the stage's name as a string",
                              hint: "the stages are: \(names.joined(separator: ", "))")
            }
            guard let type = components.stage(named: name) else {
                throw failure(entryPath.appending("stage"), "unknown stage '\(name)'",
                              hint: ClosestName.suggestion(for: name, among: names).map { "did you mean '\($0)'?" }
                                ?? "the stages are: \(names.joined(separator: ", "))")
            }
            if seen.contains(name) { throw failure(entryPath.appending("stage"), "the stage '\(name)' is listed twice") }
            for required in type.requires where !seen.contains(required) {
                throw failure(entryPath.appending("stage"), "the stage '\(name)' needs the stage '\(required)' to run before it")
            }
            let listed = entries.compactMap { $0["stage"]?.stringValue }
            for earlier in type.runsAfter where listed.contains(earlier) && !seen.contains(earlier) {
                throw failure(entryPath.appending("stage"), "the stage '\(name)' must come after '\(earlier)'",
                              hint: components.stage(named: earlier).map { "'\(earlier)' reads what '\(name)' changes: \($0.summary)" })
            }
            var options = try optionsObject(object["options"], path: entryPath.appending("options"), file: file,
                                             baseDirectory: baseDirectory)
            let stage = try type.init(options: &options)
            try options.finish(component: name)
            stages.append(stage)
            seen.append(name)
        }
        return stages
    }

    private static func decodeFormats(_ json: JSONValue?, path: JSONPath, file: String?, baseDirectory: String,
                                      components: Components) throws -> [any OutputFormat] {
        let names = components.formats.map { $0.name }
        guard let json else {
            throw FolioError(file: file, place: .jsonPath(path.description),
                             "missing: name the output formats, e.g. {\"json\": {}, \"tei\": {}}")
        }
        guard let object = json.objectValue, !object.isEmpty else {
            throw FolioError(file: file, place: .jsonPath(path.description),
                             "expected an object naming at least one output format (\(names.joined(separator: ", "))), each with its options")
        }
        var formats: [any OutputFormat] = []
        for (name, value) in object {
            guard let type = components.format(named: name) else {
                throw FolioError(file: file, place: .jsonPath(path.appending(name).description), "unknown output format '\(name)'",
                                 hint: ClosestName.suggestion(for: name, among: names).map { "did you mean '\($0)'?" }
                                    ?? "the formats are: \(names.joined(separator: ", "))")
            }
            var options = try optionsObject(value, path: path.appending(name), file: file, baseDirectory: baseDirectory)
            formats.append(try type.init(options: &options))
            try options.finish(component: name)
        }
        return formats
    }

    private static func optionsObject(_ json: JSONValue?, path: JSONPath, file: String?, baseDirectory: String) throws -> Options {
        guard let json, json != .null else { return Options(path: path, file: file, baseDirectory: baseDirectory) }
        guard let object = json.objectValue else {
            throw FolioError(file: file, place: .jsonPath(path.description), "expected an object of options, found a \(json.typeName)")
        }
        return Options(object, path: path, file: file, baseDirectory: baseDirectory)
    }
}

/// The `YYYY-MM-DD` form of reference dates.
public enum ReferenceDate {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        let daysInMonth = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...daysInMonth[month - 1]).contains(day)
    }
}
