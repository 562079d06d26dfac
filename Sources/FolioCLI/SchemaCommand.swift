import ArgumentParser
import FolioKit

/// `folio schema`: prints the schemas Folio's outputs follow.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print Folio's JSON Schema or its TEI RELAX NG schema."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case json, tei
    }

    @Argument(help: ArgumentHelp("Which schema: json (JSON Schema 2020-12) or tei (RELAX NG, XML syntax).", valueName: "kind"))
    var kind: Kind

    func run() throws {
        switch kind {
        case .json: Console.output(DocumentJSONSchema.text)
        case .tei: Console.output(TEISchema.text)
        }
    }
}
