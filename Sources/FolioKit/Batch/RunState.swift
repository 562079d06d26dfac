import FolioCore
import Foundation

/// Folio's bookkeeping in an output folder, under `.folio/`: for each input, what its outputs
/// were made from (so an unchanged input is skipped next time), and the temporary files of
/// writes in flight (so a killed run leaves nothing half-written among the outputs).
public struct RunState: Sendable {
    public let outputFolder: String

    public init(outputFolder: String) {
        self.outputFolder = outputFolder
    }

    var folder: String { InputDiscovery.join(outputFolder, ".folio") }

    /// Where this process writes its temporary files: a folder of its own, so runs on other
    /// machines sharing the output folder (shards) never touch each other's.
    public var temporaryFolder: String {
        InputDiscovery.join(folder, "tmp/\(Self.host)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// What one input's outputs were made from, and their sizes: outputs are written without
    /// waiting for the disk, so after a power cut a file may be there but short.
    struct Record: Equatable {
        var input: String
        var configuration: String
        var outputs: [String]
        var sizes: [Int]

        var json: [UInt8] {
            JSONSerializer(indent: 0).serialize(["input": .string(input), "configuration": .string(configuration),
                                                 "outputs": .array(outputs.map { .string($0) }),
                                                 "sizes": .array(sizes.map { .integer($0) })])
        }

        init(input: String, configuration: String, outputs: [String], sizes: [Int]) {
            self.input = input
            self.configuration = configuration
            self.outputs = outputs
            self.sizes = sizes
        }

        init?(json bytes: [UInt8]) {
            guard case .object(let object)? = try? JSONParser.parse(bytes, file: "state"),
                  case .string(let input)? = object["input"], case .string(let configuration)? = object["configuration"],
                  case .array(let list)? = object["outputs"], case .array(let sizeList)? = object["sizes"] else { return nil }
            let outputs = list.compactMap { value -> String? in if case .string(let path) = value { return path } else { return nil } }
            let sizes = sizeList.compactMap { value -> Int? in if case .integer(let size) = value { return size } else { return nil } }
            guard outputs.count == list.count, sizes.count == outputs.count else { return nil }
            self.init(input: input, configuration: configuration, outputs: outputs, sizes: sizes)
        }
    }

    func recordPath(_ input: InputFile) -> String {
        InputDiscovery.join(folder, "state/" + input.outputStem + ".json")
    }

    /// `input`'s outputs when they were made from these fingerprints and are all there, whole.
    func upToDateOutputs(_ input: InputFile, input inputFingerprint: String, configuration: String) -> [String]? {
        guard let bytes = FileManager.default.contents(atPath: recordPath(input)),
              let record = Record(json: Array(bytes)),
              record.input == inputFingerprint, record.configuration == configuration,
              zip(record.outputs, record.sizes).allSatisfy({ FilePaths.size(of: InputDiscovery.join(outputFolder, $0)) == $1 })
        else { return nil }
        return record.outputs.map { InputDiscovery.join(outputFolder, $0) }
    }

    /// Records, after the outputs are in place, what they were made from.
    func markDone(_ input: InputFile, input inputFingerprint: String, configuration: String, outputs: [(path: String, size: Int)]) throws {
        let relative = outputs.map(\.path).map { path in
            path.hasPrefix(outputFolder + "/") ? String(path.dropFirst(outputFolder.count + 1)) : path
        }
        try AtomicFile.write(Record(input: inputFingerprint, configuration: configuration, outputs: relative, sizes: outputs.map(\.size)).json,
                             to: recordPath(input), temporaryFolder: temporaryFolder)
    }

    /// Removes what killed runs of this machine left in flight; other machines' runs may still
    /// be going.
    public func removeAbandonedTemporaryFiles() {
        let tmp = InputDiscovery.join(folder, "tmp")
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [] {
            guard entry.hasPrefix(Self.host + "-"), let pid = Int32(entry.dropFirst(Self.host.count + 1)),
                  pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: InputDiscovery.join(tmp, entry))
        }
    }

    private static let host = ProcessInfo.processInfo.hostName.replacingOccurrences(of: "/", with: "_")
}
