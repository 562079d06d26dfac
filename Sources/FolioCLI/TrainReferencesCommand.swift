import ArgumentParser
import FolioCore
import FolioKit

/// `folio train-references`: rebuilds the reference tagger's model from tagged references.
struct TrainReferencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-references",
        abstract: "Train the reference tagger on CSL-JSON-tagged references (for maintainers).",
        discussion: "Reads lines of {\"raw\", \"gold\"} objects and writes the model that parse-references and the bibliography stage use."
    )

    @Argument(help: ArgumentHelp("Tagged references, one JSON object a line.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the model's text; its compiled tables go beside it, ending in .tables.", valueName: "file"))
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
            try AtomicFile.prepareFolder(for: output)
            let model = try ReferenceTagger.train(jsonLines: String(decoding: bytes, as: UTF8.self), epochs: epochs, houseStyles: houseStyles)
            let text = model.serialized()
            try AtomicFile.write(Array(text.utf8), to: output)
            Console.output("wrote \(output)")
            // The compiled tables beside the text, which runs read: from the text just written,
            // so they are the tables every run of that text gets.
            let tablesFile = ReferenceTagger.compiledModelPath(besideText: output)
            guard let tables = try ReferenceTagger.compiled(modelText: Array(text.utf8)) else {
                throw FolioError("two of the model's features share a hash: runs read its text, and no compiled model was written")
            }
            try AtomicFile.write(tables, to: tablesFile)
            Console.output("wrote \(tablesFile)")
        } catch let error as FolioError {
            Console.error(error.inFile(file).description)
            throw ExitCode(2)
        }
    }
}
