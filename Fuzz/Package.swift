// swift-tools-version:6.0
// libFuzzer targets for Compendium: a package of its own, so the main
// package's `swift build` and `swift test` never see it. Build and run them
// with `make fuzz` (scripts/fuzz.py), which passes the sanitizer flags:
//
//   swift build -c release --package-path Fuzz --scratch-path .build-fuzz \
//       --product FuzzSlug --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library
import PackageDescription

let compendium: Target.Dependency = .product(name: "Compendium", package: "Compendium")
let markdown: Target.Dependency = .product(name: "Markdown", package: "Compendium")

let package = Package(
    name: "CompendiumFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so the product is found whatever the checkout's folder is called.
        .package(name: "Compendium", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: [compendium, "FuzzSupport"]),
        .executableTarget(name: "FuzzWikiLinks", dependencies: [compendium, markdown, "FuzzSupport"]),
        .executableTarget(name: "FuzzSlug", dependencies: [compendium, "FuzzSupport"]),
        .executableTarget(name: "FuzzPipeline", dependencies: [compendium, "FuzzSupport"]),
    ]
)
