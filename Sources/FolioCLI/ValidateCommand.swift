import ArgumentParser
import FolioKit

/// `folio validate`: checks output files against Folio's schemas.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check JSON and TEI files against Folio's schemas.",
        discussion: "Each problem is printed with the file, the place (line, JSON path or XML path) and the cause. Exit code 1 when any file is invalid."
    )

    @Argument(help: ArgumentHelp("The .json and .tei.xml files to check.", valueName: "files"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one .json or .tei.xml file to check.") }
    }

    func run() throws {
        var invalid = 0
        for file in files {
            let problems = OutputValidator.validate(path: file)
            if problems.isEmpty {
                Console.output("\(file): valid")
            } else {
                invalid += 1
                for problem in problems { Console.error(problem.description) }
            }
        }
        if invalid > 0 {
            Console.error("\(invalid) of \(files.count) files are invalid")
            throw ExitCode(1)
        }
    }
}
