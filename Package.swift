// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Compendium",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "compendium", targets: ["compendium"]),
        .library(name: "Compendium", targets: ["Compendium"]),
        .library(name: "Markdown", targets: ["Markdown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"]), .brew(["mimalloc"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(
            name: "Compendium",
            dependencies: [
                "Markdown",
                // For libyaml: front matter is read from its events (module CYaml) in Parse/YAMLReader.swift.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Preview",
            dependencies: [
                "Compendium",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "compendium",
            dependencies: [
                "Compendium",
                "Preview",
                // The allocator, on Linux only: a build makes and frees millions of small blocks.
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Compendium"]),
        .testTarget(
            name: "CompendiumTests",
            dependencies: ["Compendium"],
            exclude: ["Fixtures"]
        ),
    ]
)
