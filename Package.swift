// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MuseCard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "musecard", targets: ["musecard"]),
        .library(name: "MuseCardKit", targets: ["MuseCardKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .systemLibrary(name: "CLibCrypto", path: "Sources/CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "MuseCardKit",
            dependencies: [
                "CLibCrypto",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MuseCardStore",
            dependencies: [
                "MuseCardKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MuseCardOperations",
            dependencies: ["MuseCardKit", "MuseCardStore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "MuseCardViewModel", dependencies: ["MuseCardKit", "MuseCardStore", "MuseCardOperations"]),
        .target(
            name: "MuseCardTUI",
            dependencies: ["MuseCardViewModel", "MuseCardKit", "CNCurses", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "MuseCardSandbox",
            dependencies: [
                "MuseCardKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "MuseCardTestSupport",
            dependencies: [
                "MuseCardKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/Support"
        ),
        .executableTarget(
            name: "musecard",
            dependencies: [
                "MuseCardKit", "MuseCardStore", "MuseCardOperations", "MuseCardViewModel", "MuseCardTUI", "MuseCardSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Full RELRO: every symbol bound at start-up (hardening), so no lazy binding later
            // pulls the symbol tables back in after the console trims its start-up pages.
            linkerSettings: [.unsafeFlags(["-Xlinker", "-z", "-Xlinker", "now"], .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "MuseCardKitTests",
            dependencies: ["MuseCardKit", "MuseCardTestSupport"]
        ),
        .testTarget(
            name: "MuseCardSandboxTests",
            dependencies: [
                "MuseCardSandbox", "MuseCardKit", "MuseCardTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "MuseCardStoreTests",
            dependencies: [
                "MuseCardStore", "MuseCardKit", "MuseCardTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "MuseCardOperationsTests",
            dependencies: ["MuseCardOperations", "MuseCardStore", "MuseCardKit", "MuseCardSandbox", "MuseCardTestSupport"]
        ),
        .testTarget(
            name: "MuseCardViewModelTests",
            dependencies: [
                "MuseCardViewModel", "MuseCardOperations", "MuseCardStore", "MuseCardKit", "MuseCardSandbox", "MuseCardTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "MuseCardTUITests",
            dependencies: ["MuseCardTUI", "MuseCardViewModel", "MuseCardTestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "MuseCardCLITests", dependencies: ["MuseCardKit", "MuseCardSandbox", "MuseCardTestSupport"]),
    ]
)
