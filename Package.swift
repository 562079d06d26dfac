// swift-tools-version:6.1
import PackageDescription

/// Release builds on Linux carry Swift's runtime and Foundation in the executables
/// (`-static-stdlib`): calls into them go straight to their code, not through a shared library's
/// table of addresses, which made a paper about 5% faster (README, Speed), and `folio` runs where
/// no Swift is installed. Only the executables are given the flags: SwiftPM refuses a dependency
/// whose libraries have unsafe ones, and FolioKit is a library. Their modules, compiled as for
/// shared libraries, do not name the libraries Foundation's static archives need (its copy of
/// ICU and C parts), so the link names them. Linked by the toolchain's lld, which finds them in
/// any order: gold also warns of a `mktemp` in Foundation's archive, which Folio never calls.
let staticInRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let staticLink: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-l_FoundationICU", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections"], staticInRelease),
]

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
        // Regular expressions: PCRE2's, compiled to machine code by its JIT, over UTF-16 that
        // Folio already holds (Debian's libpcre2-dev). ICU's engine, used before, matched the
        // date rules' long alternations several times slower (README, Speed).
        .target(name: "CRegex", linkerSettings: [.linkedLibrary("pcre2-16")]),
        // The loops over every code point of a paper, many at a time with the processor's
        // vector instructions (SSE2), and the hint that brings memory into the caches ahead.
        .target(name: "CTextKernels"),
        // glibc's allocator told to keep freed memory for the next paper (see its header).
        .target(name: "CMallocTuning"),
        // Growing byte buffers the JSON and XML writers write into, and strings lent as bytes.
        .target(name: "FolioBytes"),
        // A small, safe Swift layer over libxml2: building trees, serializing, RELAX NG.
        .target(name: "FolioXML", dependencies: ["CLibXML2", "CTextKernels", "FolioBytes"]),
        // The document model, configuration, the stage pipeline, readers and the stages.
        .target(
            name: "FolioCore",
            dependencies: [
                "CRegex",
                "CTextKernels",
                "FolioBytes",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            // The reference tagger's weights, trained on AnyStyle's core set (`folio train-references`).
            resources: [.copy("Resources/reference-tagger.txt"), .copy("Resources/reference-tagger.tables")]
        ),
        // Output: JSON and TEI emitters, their schemas and validation, parallel, incremental
        // and resumable batch runs (SHA-256 fingerprints from swift-crypto).
        .target(name: "FolioKit", dependencies: ["FolioBytes", "FolioCore", "FolioXML", .product(name: "Crypto", package: "swift-crypto")]),
        // The command-line layer: argument parsing and printing only.
        .target(
            name: "FolioCLI",
            dependencies: ["FolioKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "folio", dependencies: ["FolioCLI", "CMallocTuning"], linkerSettings: staticLink),
        // Fuzzing: generated and mutated documents through every stage and format.
        .target(name: "FolioFuzz", dependencies: ["FolioKit"]),
        .executableTarget(name: "folio-fuzz", dependencies: ["FolioFuzz"], linkerSettings: staticLink),
        .testTarget(name: "FolioBytesTests", dependencies: ["FolioBytes"]),
        .testTarget(name: "FolioXMLTests", dependencies: ["FolioXML"]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore", "FolioBytes", "CTextKernels"]),
        .testTarget(name: "FolioKitTests", dependencies: ["FolioKit", "FolioFuzz"], exclude: ["Golden", "Regressions"]),
        .testTarget(name: "FolioCLITests", dependencies: ["FolioCLI", "CMallocTuning"]),
    ],
    swiftLanguageModes: [.v6]
)
