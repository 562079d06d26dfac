import Foundation

/// The `folio` binary `swift build` makes beside the test bundle, its resource folder beside it:
/// for tests that run the command as a user does.
let builtFolio = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("folio").path
