import ArgumentParser
import FolioCore

/// `folio`: turns scholarly papers into JSON and TEI. Without a subcommand it runs
/// `pipeline.json` on `Input/`.
public struct FolioCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Turns scholarly papers (text or Markdown) into validated JSON and TEI.",
        discussion: """
            Run without a subcommand, Folio runs pipeline.json on the files in Input/ and writes \
            <name>.json and <name>.tei.xml for each into Output/.
            """,
        version: "folio \(FolioVersion.current)",
        subcommands: [RunCommand.self, MergeReportsCommand.self, BenchCommand.self, ValidateCommand.self, SchemaCommand.self, ParseReferencesCommand.self, TrainReferencesCommand.self],
        defaultSubcommand: RunCommand.self
    )

    public init() {}
}
