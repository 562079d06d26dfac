import FolioCore
import FolioXML
import Foundation

/// Checks files Folio wrote (or anyone wrote) against Folio's schemas: `.json` against the
/// JSON Schema, `.xml` against the TEI RELAX NG schema. Says exactly what is wrong where.
public enum OutputValidator {
    /// The problems in the file at `path`; empty when it is valid.
    public static func validate(path: String) -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [Diagnostic(.error, file: path, FilePaths.isDirectory(path) ? "is a folder, not a file" : "no such file, or it cannot be read")]
        }
        let bytes = Array(data)
        if path.hasSuffix(".json") { return validateJSON(bytes, file: path) }
        if path.hasSuffix(".xml") { return validateTEI(bytes, file: path) }
        return [Diagnostic(.error, file: path, "cannot tell what to check it against", hint: "Folio validates .json and .xml files")]
    }

    public static func validateJSON(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        do {
            let value = try JSONParser.parse(bytes, file: file)
            return try JSONFormat.validator.get().validate(value).map {
                Diagnostic(.error, file: file, place: .jsonPath($0.path.description), $0.message)
            }
        } catch let error as FolioError {
            return error.diagnostics
        } catch {
            return [Diagnostic(.error, file: file, "\(error)")]
        }
    }

    public static func validateTEI(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        do {
            let document = try ParsedXML(bytes: bytes, name: file)
            return try TEIFormat.schema.get().validate(document).map {
                Diagnostic(.error, file: file, place: .xml(line: $0.line, path: $0.path), $0.message)
            }
        } catch let failure as XMLValidationFailure {
            return failure.issues.map { Diagnostic(.error, file: file, place: .xml(line: $0.line, path: $0.path), "not well-formed XML: \($0.message)") }
        } catch {
            return [Diagnostic(.error, file: file, "\(error)")]
        }
    }
}
