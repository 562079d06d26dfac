import ArgumentParser
import FolioCore
import Foundation

/// `folio train-references`: rebuilds the reference tagger's model from tagged references.
struct TrainReferencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-references",
        abstract: "Train the reference tagger on CSL-JSON-tagged references (for maintainers).",
        discussion: "Reads lines of {\"raw\", \"gold\"} objects and writes the model that parse-references and the bibliography stage use."
    )

    @Argument(help: ArgumentHelp("Tagged references, one JSON object a line.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the model.", valueName: "file"))
    var output: String

    @Option(help: "Passes over the training data.")
    var epochs = 20

    @Flag(inversion: .prefixedNo, help: "Also train on the references printed again in the sciences' compact house styles.")
    var houseStyles = true

    @Flag(help: "Print the house-style renderings with their labels instead of training.")
    var showHouseStyles = false

    func run() throws {
        let bytes = try Console.read(file)
        do {
            if showHouseStyles {
                for example in try ReferenceTagger.houseStyleExamples(jsonLines: String(decoding: bytes, as: UTF8.self)) {
                    Console.output(example.labelled)
                }
                return
            }
            let model = try ReferenceTagger.train(jsonLines: String(decoding: bytes, as: UTF8.self), epochs: epochs, houseStyles: houseStyles)
            try model.serialized().write(toFile: output, atomically: true, encoding: .utf8)
            Console.output("wrote \(output)")
        } catch let error as FolioError {
            Console.error(error.inFile(file).description)
            throw ExitCode(2)
        }
    }
}
