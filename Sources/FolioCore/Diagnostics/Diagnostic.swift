/// A 1-based line and column (in code points) and the 0-based code-point offset.
public struct SourceLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// Where in a file a diagnostic points.
public enum DiagnosticPlace: Sendable, Hashable {
    /// A place in a text file.
    case text(SourceLocation)
    /// A byte in a file that could not be decoded as text.
    case byte(Int)
    /// A value in a JSON file, as a path such as `stages[1].options.ligatures`.
    case jsonPath(String)
    /// An element of an XML file.
    case xml(line: Int?, path: String?)
}

/// Something Folio has to say about an input, a configuration or an output: what, where, why.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    /// The file concerned, as the user named it.
    public var file: String?
    public var place: DiagnosticPlace?
    public var message: String
    /// What to do about it, when Folio can tell (e.g. "did you mean 'ligatures'?").
    public var hint: String?

    public init(_ severity: Severity, file: String? = nil, place: DiagnosticPlace? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.place = place
        self.message = message
        self.hint = hint
    }

    /// Compiler style: `Input/a.txt:12:5: error: message (hint)`, so editors can jump to it.
    public var description: String {
        var prefix = file ?? ""
        var context = ""
        switch place {
        case .text(let location)?: prefix += ":\(location.line):\(location.column)"
        case .byte(let offset)?: context = "at byte \(offset): "
        case .jsonPath(let path)?: context = path.isEmpty ? "" : "at \(path): "
        case .xml(let line, let path)?:
            if let line { prefix += ":\(line)" }
            if let path { context = "at \(path): " }
        case nil: break
        }
        let head = prefix.isEmpty ? "" : prefix + ": "
        let tail = hint.map { " (\($0))" } ?? ""
        return "\(head)\(severity.rawValue): \(context)\(message)\(tail)"
    }
}

/// An error made of one or more diagnostics; what every Folio failure throws.
public struct FolioError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(file: String? = nil, place: DiagnosticPlace? = nil, _ message: String, hint: String? = nil) {
        self.init([Diagnostic(.error, file: file, place: place, message, hint: hint)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The same error, attributed to `file` where it named none.
    public func inFile(_ file: String) -> FolioError {
        FolioError(diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.file == nil { diagnostic.file = file }
            return diagnostic
        })
    }
}
