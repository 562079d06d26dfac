import Foundation
import Testing

/// A `folio` binary copied without the resource folder beside it parses references by rules
/// alone: it says so before it starts, and a binary that finds its model says nothing.
@Suite struct ReferenceModelWarningTests {
    var folio: String { builtFolio }

    /// What `binary parse-references -` writes on standard error for one reference.
    func standardError(of binary: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["parse-references", "-"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("Hale, J. (2001). A title. Journal of Things, 3(2), 1-10.\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return text
    }

    @Test func aBinaryWithoutItsModelSaysSo() throws {
        try #require(FileManager.default.isExecutableFile(atPath: folio), "build the folio binary first (swift build)")
        let folder = NSTemporaryDirectory() + "folio-alone-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let alone = folder + "/folio"
        try FileManager.default.copyItem(atPath: folio, toPath: alone)

        #expect(try standardError(of: folio).isEmpty, "the built binary finds its model")
        let warning = try standardError(of: alone)
        #expect(warning.contains("warning: the reference tagger's model") && warning.contains("rules alone"), "\(warning)")
        let model = URL(fileURLWithPath: folio).deletingLastPathComponent().appendingPathComponent("Folio_FolioCore.resources/reference-tagger.tables").path
        #expect(try standardError(of: alone, environment: ["FOLIO_REFERENCE_MODEL": model]).isEmpty, "a model named by the environment is found")
    }
}
