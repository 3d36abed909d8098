// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Outreach",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CampaignModel", targets: ["CampaignModel"]),
        .library(name: "CampaignReport", targets: ["CampaignReport"]),
        .library(name: "QuizStats", targets: ["QuizStats"]),
        .library(name: "OutreachKit", targets: ["OutreachKit"]),
        .executable(name: "outreach", targets: ["outreach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "CampaignModel"),
        // The repository's theme/, built into the program by the EmbedTheme plugin.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(name: "DefaultTheme", plugins: ["EmbedTheme"]),
        // Coordination reports from the campaign model alone: no rendering, no I/O.
        .target(name: "CampaignReport", dependencies: ["CampaignModel"]),
        .target(
            name: "OutreachKit",
            dependencies: [
                "CampaignModel",
                "CampaignReport",
                "CCmark",
                "CQRencode",
                "CBrotli",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The quiz statistics collector: an HTTP service that keeps aggregate counters only.
        .target(
            name: "QuizStats",
            dependencies: [
                "CampaignModel",
                "CampaignReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "outreach",
            dependencies: [
                "OutreachKit",
                "CampaignModel",
                "DefaultTheme",
                "QuizStats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            // mimalloc (`libmimalloc-dev`) replaces glibc's malloc in the command only: a build
            // allocates millions of small strings and arrays from every core, and glibc's malloc
            // took a tenth of its CPU time (README, Performance). Library users keep their own.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "outreach-fuzz",
            dependencies: ["OutreachKit", "CampaignModel"],
            path: "Tests/Fuzz",
            exclude: ["Seeds", "Crashers"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["OutreachKit"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "CampaignModelTests", dependencies: ["CampaignModel"]),
        .testTarget(name: "CampaignReportTests", dependencies: ["CampaignReport", "CampaignModel"]),
        .testTarget(name: "QuizStatsTests", dependencies: [
            "QuizStats", "CampaignModel",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "OutreachKitTests", dependencies: ["OutreachKit", "TestSupport"]),
        .testTarget(name: "OutreachCLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
