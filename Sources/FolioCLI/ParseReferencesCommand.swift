import ArgumentParser
import FolioCore
import FolioKit
import Foundation

/// `folio parse-references`: one printed reference a line in, CSL-JSON out.
struct ParseReferencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-references",
        abstract: "Parse references, one a line, into CSL-JSON items.",
        discussion: "Prints a JSON array with one CSL-JSON item per input line, in order. Use - to read standard input."
    )

    @Argument(help: ArgumentHelp("A text file with one reference a line, or - for standard input.", valueName: "file"))
    var file: String

    func run() throws {
        Console.warnIfReferencesLackTheirModel()
        let bytes = try Console.read(file)
        do {
            let scalars = try TextDecoder.decode(bytes, file: file)
            let output = ReferenceListing.parse(lines: String(scalars: scalars))
            FileHandle.standardOutput.write(Data(output))
        } catch let error as FolioError {
            Console.error(error.description)
            throw ExitCode(2)
        }
    }
}
