// swift-tools-version:6.1
import PackageDescription

/// Release builds on Linux carry Swift's runtime and Foundation in the executables
/// (`-static-stdlib`, as `swift build --static-swift-stdlib` does, given to every target, whose
/// imports then name the static libraries to link): calls into them go straight to their code,
/// not through a shared library's tables, which made a paper about 5% faster (README, Speed),
/// and `folio` runs where no Swift is installed. Linked by the toolchain's lld: gold warns of a
/// `mktemp` in Foundation's static library, which Folio never calls.
let staticInRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let staticSwift: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], staticInRelease)]
let staticLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], staticInRelease)]

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .library(name: "FolioKit", targets: ["FolioKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libxml2 as a system library; only FolioXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // ICU's regular expressions, matched over UTF-16 that Folio already holds: Foundation's
        // NSRegularExpression copies the whole string into UTF-16 at every call. In C, because
        // ICU's headers clash with Foundation's own copy of ICU in a Swift target; the system's
        // ICU comes with libxml2's development package (libicu-dev).
        .target(name: "CICURegex", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),
        // The loops over every code point of a paper, many at a time with the processor's
        // vector instructions (SSE2), and the hint that brings memory into the caches ahead.
        .target(name: "CTextKernels"),
        // glibc's allocator told to keep freed memory for the next paper (see its header).
        .target(name: "CMallocTuning"),
        // Growing byte buffers the JSON and XML writers write into.
        .target(name: "FolioBytes", swiftSettings: staticSwift),
        // A small, safe Swift layer over libxml2: building trees, serializing, RELAX NG.
        .target(name: "FolioXML", dependencies: ["CLibXML2", "CTextKernels", "FolioBytes"], swiftSettings: staticSwift),
        // The document model, configuration, the stage pipeline, readers and the stages.
        .target(
            name: "FolioCore",
            dependencies: [
                "CICURegex",
                "CTextKernels",
                "FolioBytes",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            // The reference tagger's weights, trained on AnyStyle's core set (`folio train-references`).
            resources: [.copy("Resources/reference-tagger.txt"), .copy("Resources/reference-tagger.tables")],
            swiftSettings: staticSwift
        ),
        // Output: JSON and TEI emitters, their schemas and validation, parallel, incremental
        // and resumable batch runs (SHA-256 fingerprints from swift-crypto).
        .target(name: "FolioKit", dependencies: ["FolioCore", "FolioXML", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: staticSwift),
        // The command-line layer: argument parsing and printing only.
        .target(
            name: "FolioCLI",
            dependencies: ["FolioKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: staticSwift
        ),
        .executableTarget(name: "folio", dependencies: ["FolioCLI", "CMallocTuning"], swiftSettings: staticSwift, linkerSettings: staticLink),
        // Fuzzing: generated and mutated documents through every stage and format.
        .target(name: "FolioFuzz", dependencies: ["FolioKit"], swiftSettings: staticSwift),
        .executableTarget(name: "folio-fuzz", dependencies: ["FolioFuzz"], swiftSettings: staticSwift, linkerSettings: staticLink),
        .testTarget(name: "FolioBytesTests", dependencies: ["FolioBytes"]),
        .testTarget(name: "FolioXMLTests", dependencies: ["FolioXML"]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore", "FolioBytes", "CTextKernels"]),
        .testTarget(name: "FolioKitTests", dependencies: ["FolioKit", "FolioFuzz"], exclude: ["Golden", "Regressions"]),
        .testTarget(name: "FolioCLITests", dependencies: ["FolioCLI", "CMallocTuning"]),
    ],
    swiftLanguageModes: [.v6]
)
