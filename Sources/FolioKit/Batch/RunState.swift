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

    /// What one input's outputs were made from.
    struct Record: Equatable {
        var input: String
        var configuration: String
        var outputs: [String]

        var json: [UInt8] {
            JSONSerializer(indent: 0).serialize(["input": .string(input), "configuration": .string(configuration),
                                                 "outputs": .array(outputs.map { .string($0) })])
        }

        init(input: String, configuration: String, outputs: [String]) {
            self.input = input
            self.configuration = configuration
            self.outputs = outputs
        }

        init?(json bytes: [UInt8]) {
            guard case .object(let object)? = try? JSONParser.parse(bytes, file: "state"),
                  case .string(let input)? = object["input"], case .string(let configuration)? = object["configuration"],
                  case .array(let list)? = object["outputs"] else { return nil }
            let outputs = list.compactMap { value -> String? in if case .string(let path) = value { return path } else { return nil } }
            self.init(input: input, configuration: configuration, outputs: outputs)
        }
    }

    func recordPath(_ input: InputFile) -> String {
        InputDiscovery.join(folder, "state/" + input.outputStem + ".json")
    }

    /// `input`'s outputs when they were made from these fingerprints and are all there.
    func upToDateOutputs(_ input: InputFile, input inputFingerprint: String, configuration: String) -> [String]? {
        guard let bytes = FileManager.default.contents(atPath: recordPath(input)),
              let record = Record(json: Array(bytes)),
              record.input == inputFingerprint, record.configuration == configuration,
              record.outputs.allSatisfy({ FileManager.default.fileExists(atPath: InputDiscovery.join(outputFolder, $0)) })
        else { return nil }
        return record.outputs.map { InputDiscovery.join(outputFolder, $0) }
    }

    /// Records, after the outputs are in place, what they were made from.
    func markDone(_ input: InputFile, input inputFingerprint: String, configuration: String, outputs: [String]) throws {
        let relative = outputs.map { path in
            path.hasPrefix(outputFolder + "/") ? String(path.dropFirst(outputFolder.count + 1)) : path
        }
        try AtomicFile.write(Record(input: inputFingerprint, configuration: configuration, outputs: relative).json,
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
