import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// `musecard cards import FILE`: the partner's own list of cards into the profile's index, through the real binary.
struct ImportCardsCommandTests {
    /// Writes `text` to a fresh file named `name` and gives its path.
    static func file(_ name: String, _ text: String) throws -> String {
        let folder = Fixtures.scratchPath("musecard-import")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The card ids `cards list` shows for a cardholder, in its order.
    static func listed(_ h: CLIStoreHarness, _ user: String) async throws -> [String] {
        let json = try JSONParser.parse(try await h.run(["cards", "list", "--user", user, "--json"]).stdout)
        return json.arrayValue?.compactMap { $0["card_id"]?.scalarText } ?? []
    }

    @Test func goodLinesAreImportedBadOnesListedByNumberAndASecondImportAddsNothing() async throws {
        let h = try CLIStoreHarness()
        let csv = try Self.file("cards.csv", """
            card_id,user_id,label
            C3,U1,Ada Lovelace
            C1,U1,
            ,U2,no card
            C9,U2,"Hopper, Grace"
            C1,U1,a repeated card
            C\u{7}7,U3,
            C8,\(String(repeating: "9", count: 65)),
            C5,U3,\(String(repeating: "x", count: 101))
            "C6,U3
            # a comment line, not counted

            C2,U1

            """)
        let first = try await h.run(["cards", "import", csv])
        #expect(first.status == 1, "some lines were rejected: \(first.stderr)")
        #expect(first.stdout.contains("cards added     4"), "\(first.stdout)")
        #expect(first.stdout.contains("repeated lines  1") && first.stdout.contains("rejected lines  5"), "\(first.stdout)")
        for expected in ["line 4: card_id: must not be empty", "line 7: card_id: must contain printable characters only",
                         "line 8: user_id: must be at most 64 characters", "line 9: label: must be at most 100 characters",
                         "line 10: line: has an unclosed quote", "5 lines rejected"] {
            #expect(first.stderr.contains(expected), "\(expected) in \(first.stderr)")
        }
        #expect(!first.stderr.contains("line 6"), "a repeated card is counted, not rejected")
        #expect(!first.stderr.contains("\u{7}"), "what is shown is sanitised")
        #expect(try await Self.listed(h, "U1") == ["C3", "C1", "C2"], "in the file's order")
        #expect(try await Self.listed(h, "U2") == ["C9"])
        #expect(try await Self.listed(h, "U3").isEmpty)
        let found = try await h.run(["cardholder", "find", "--name", "grace"])
        #expect(found.status == 0 && found.stdout.contains("U2") && found.stdout.contains("Hopper, Grace"), "the label is the cardholder's name: \(found.stdout) \(found.stderr)")

        let again = try await h.run(["cards", "import", csv])
        #expect(again.status == 1)
        #expect(again.stdout.contains("cards added     0") && again.stdout.contains("already known   4"), "\(again.stdout)")
        #expect(try await Self.listed(h, "U1") == ["C3", "C1", "C2"])
    }

    @Test func jsonLinesAllGoodExitZeroAndADryRunWritesNothing() async throws {
        let h = try CLIStoreHarness()
        let jsonl = try Self.file("cards.jsonl", """
            {"user_id":"U1","card_id":"C2","label":"Ada"}
            {"user_id":"U1","card_id":"C1"}
            {"card_id":"C7","user_id":"U2","extra":"ignored"}

            """)
        let dry = try await h.run(["cards", "import", "--dry-run", jsonl])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Dry run") && dry.stdout.contains("nothing was written") && dry.stdout.contains("to import       3"), "\(dry.stdout)")
        #expect(try await Self.listed(h, "U1").isEmpty)

        let real = try await h.run(["cards", "import", jsonl])
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.contains("cards added     3") && real.stdout.contains("rejected lines  0"), "\(real.stdout)")
        #expect(try await Self.listed(h, "U1") == ["C2", "C1"])
        #expect(try await Self.listed(h, "U2") == ["C7"])
        // Another partner's index is untouched.
        #expect(try await h.run(["cards", "list", "--user", "U1"], extra: ["MUSECARD_PARTNER_ID": "999999"]).stdout.contains("No cards cached"))
    }

    @Test func aFileWithoutAHeaderOrLinesOrThatCannotBeReadImportsNothing() async throws {
        let h = try CLIStoreHarness()
        let noHeader = try await h.run(["cards", "import", try Self.file("plain.csv", "U1,C1\nU1,C2\n")])
        #expect(noHeader.status == 1)
        #expect(noHeader.stderr.contains("line 1: header: has no user_id column"), "\(noHeader.stderr)")
        #expect(try await Self.listed(h, "U1").isEmpty)

        let empty = try await h.run(["cards", "import", try Self.file("empty.csv", "\n# nothing\n")])
        #expect(empty.status == 64 && empty.stderr.contains("FILE: has no lines"), "\(empty.stderr)")
        let missing = try await h.run(["cards", "import", "/nonexistent/cards.csv"])
        #expect(missing.status == 64 && missing.stderr.contains("FILE: cannot be read"), "\(missing.stderr)")
        let badJSON = try await h.run(["cards", "import", try Self.file("bad.jsonl", "{\"user_id\":\"U1\",\"card_id\":\"C1\"}\n{\"user_id\":\n[1]\n")])
        #expect(badJSON.status == 1 && badJSON.stderr.contains("line 2: line: is not JSON") && badJSON.stderr.contains("line 3: line: is not a JSON object"),
                "\(badJSON.stderr)")
        #expect(try await Self.listed(h, "U1") == ["C1"])
    }

    @Test func aBatchTheIndexRefusesLeavesNoneOfItsLinesAndAnotherRunFinishes() async throws {
        let h = try CLIStoreHarness()
        #expect(try await h.run(["cards", "add", "--user", "U0", "--card", "C0"]).status == 0)
        // A fault in the file itself: the index refuses the card BOOM, in the second batch of three.
        let trigger = "CREATE TRIGGER boom BEFORE INSERT ON card WHEN NEW.card_id = 'BOOM' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;"
        let sqlite = try await ProcessRunner.run("/usr/bin/sqlite3", [h.cacheFile.path, trigger])
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let lines = ["user_id,card_id", "U1,C1", "U1,C2", "U1,C3", "U1,C4", "U1,BOOM", "U1,C6", "U1,C7"]
        let csv = try Self.file("cards.csv", lines.joined(separator: "\n") + "\n")
        let failed = try await h.run(["cards", "import", "--batch-size", "3", csv])
        #expect(failed.status == 74, "\(failed.stdout) \(failed.stderr)")
        #expect(failed.stderr.contains("lines 5–7 were not imported") && failed.stderr.contains("disk on fire"), "\(failed.stderr)")
        #expect(failed.stdout.contains("cards added     3"), "\(failed.stdout)")
        #expect(try await Self.listed(h, "U1") == ["C1", "C2", "C3"], "the first batch whole, nothing of the second")

        let fix = try await ProcessRunner.run("/usr/bin/sqlite3", [h.cacheFile.path, "DROP TRIGGER boom;"])
        #expect(fix.status == 0, "\(fix.stderr)")
        let rerun = try await h.run(["cards", "import", "--batch-size", "3", csv])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("cards added     4") && rerun.stdout.contains("already known   3"), "\(rerun.stdout)")
        #expect(try await Self.listed(h, "U1") == ["C1", "C2", "C3", "C4", "BOOM", "C6", "C7"])
    }

    @Test func withoutATerminalProgressIsALineEveryFewSeconds() async throws {
        let h = try CLIStoreHarness()
        let rows = (0..<60_000).map { "U\($0 / 20),C\($0)" }
        let csv = try Self.file("big.csv", "user_id,card_id\n" + rows.joined(separator: "\n") + "\n")
        let result = try await h.run(["cards", "import", csv], extra: ["MUSECARD_PROGRESS_SECONDS": "0.05"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cards added     60000") && result.stdout.contains("12 batches"), "\(result.stdout)")
        let progress = result.stderr.split(separator: "\n").filter { $0.hasPrefix("musecard: import: ") }
        #expect(!progress.isEmpty, "\(result.stderr)")
        #expect(progress.allSatisfy { $0.contains("% · ") && $0.contains(" lines/s") } && !result.stderr.contains("\u{1B}"),
                "plain lines, no terminal codes: \(result.stderr)")
        #expect(try await Self.listed(h, "U2999") == (59_980..<60_000).map { "C\($0)" })
    }
}
