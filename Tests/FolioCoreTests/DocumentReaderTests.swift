import Foundation
import Testing
@testable import FolioCore

@Suite struct DocumentReaderTests {
    /// A folder of its own for each test, removed after it.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-reader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    /// Every byte, whatever the file's size: none, a few, more than one read's worth.
    @Test(arguments: [0, 1, 4_095, 65_536, 200_003])
    func readsEveryByte(count: Int) throws {
        try withFolder { folder in
            var generator = SplitMix(seed: UInt64(count))
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = folder + "/paper.txt"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let read = try DocumentReader.bytes(path: path)
            #expect(read == bytes)
        }
    }

    @Test func saysWhyAFileCannotBeRead() throws {
        try withFolder { folder in
            try FileManager.default.createDirectory(atPath: folder + "/a.txt", withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(atPath: folder + "/one.txt", withDestinationPath: folder + "/two.txt")
            try FileManager.default.createSymbolicLink(atPath: folder + "/two.txt", withDestinationPath: folder + "/one.txt")
            let cases = [("missing.txt", "missing.txt: error: the file does not exist"), ("missing/paper.txt", "the file does not exist"),
                         ("a.txt", "a.txt: error: is a folder, not a file"), ("one.txt", "one.txt: error: the file is a loop of symbolic links")]
            for (name, message) in cases {
                #expect { try DocumentReader.bytes(path: folder + "/" + name, name: name) } throws: { "\($0)".contains(message) }
            }
        }
    }
}
