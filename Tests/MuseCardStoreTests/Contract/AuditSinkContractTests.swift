import Foundation
import MuseCardStore
import Testing

/// What every `AuditSink` driver does: each entry appended reads back equal, oldest first, and the
/// filters a card's history and `musecard audit` use pick the right ones.
struct AuditSinkContractTests {
    static func entry(_ user: String, _ card: String?, _ action: String, at seconds: TimeInterval, phase: AuditPhase = .result,
                      outcome: AuditOutcome? = .applied, operation: String? = nil) -> AuditEntry {
        AuditEntry(time: Date(timeIntervalSince1970: seconds), operatorName: "alice", sessionId: "cli-1", ticket: "SUP-7",
                   profile: "sandbox", userId: user, cardId: card, action: action, parameters: ["replace_reason": "LOST"],
                   phase: phase, outcome: phase == .intent ? nil : outcome, values: outcome == .applied ? ["status": "LOCK"] : [:],
                   requestId: action == "replace" ? "rep-1" : nil, operationId: operation, runId: action == "lock" ? "run-1" : nil)
    }

    static let written = [
        entry("U1", "C1", "lock", at: 1_795_000_000, phase: .intent, operation: "op-1"),
        entry("U1", "C1", "lock", at: 1_795_000_000.5, operation: "op-1"),
        entry("U1", "C2", "replace", at: 1_795_000_100, outcome: .refused(code: "5004", message: "USER_STATUS_INVALID")),
        entry("U2", "C3", "unlock", at: 1_795_100_000, outcome: .unknown("no answer from MusePay: no answer in time")),
        entry("U2", nil, "apply", at: 1_795_100_001.25, outcome: .notSent("read-only profile")),
        entry("U1", "C1", "unlock", at: 1_795_200_000),
    ]

    /// Appends `written` and gives what the driver should hold: the entries as written, or, where the
    /// server stamps them (the team trail), with the server's time (in order, around the appends) and identity.
    static func appendAll(_ audit: any AuditSink, place: StoreBacking) async throws -> [AuditEntry] {
        let before = Date()
        for entry in written { try await audit.append(entry) }
        guard let identity = place.auditStamps else { return written }
        let read = try await audit.entries(matching: AuditFilter())
        try #require(read.count == written.count)
        #expect(read.map(\.operatorName) == Array(repeating: identity, count: read.count), "the operator is the database role")
        #expect(read.map(\.time) == read.map(\.time).sorted() && read.allSatisfy { $0.time >= before.addingTimeInterval(-5) },
                "the server's clock, in order")
        return zip(written, read).map { entry, stored in
            var stamped = entry
            stamped.time = stored.time
            stamped.operatorName = stored.operatorName
            return stamped
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func entriesReadBackEqualOldestFirst(driver: StoreDriver) async throws {
        try await driver.run { place in
            let audit = try await place.audit()
            #expect(try await audit.entries(matching: AuditFilter()).isEmpty)
            let held = try await Self.appendAll(audit, place: place)
            #expect(try await audit.entries(matching: AuditFilter()) == held)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func filtersByCardholderCardAndTime(driver: StoreDriver) async throws {
        try await driver.run { place in
            let audit = try await place.audit()
            let all = try await Self.appendAll(audit, place: place)
            #expect(try await audit.entries(matching: AuditFilter(userId: "U1")) == [all[0], all[1], all[2], all[5]])
            #expect(try await audit.entries(matching: AuditFilter(cardId: "C1")) == [all[0], all[1], all[5]])
            #expect(try await audit.entries(matching: AuditFilter(userId: "U2", cardId: "C1")).isEmpty)
            #expect(try await audit.entries(matching: AuditFilter(since: all[2].time)) == Array(all[2...]), "since includes the moment itself")
            #expect(try await audit.entries(matching: AuditFilter(userId: "U2", since: all[4].time)) == [all[4]])
            #expect(try await audit.entries(matching: AuditFilter(userId: "U404")).isEmpty)
        }
    }

    @Test(arguments: StoreDriver.allCases)
    func secretParametersAndValuesAreNeverKept(driver: StoreDriver) async throws {
        try await driver.run { place in
            let audit = try await place.audit()
            var entry = Self.entry("U1", "C1", "sensitive-info", at: 1_795_000_000)
            // Set after init: a driver must strip what a caller slips past the entry's own filter.
            entry.parameters = ["card_pin": "4711", "url": "https://cards.example/reveal/abc", "pan": "4111111111111111",
                                "note": "4111 1111 1111 1111", "ip_address": "10.0.0.1"]
            entry.values = ["sensitive_info_url": "https://cards.example/reveal/xyz", "status": "ACTIVE"]
            try await audit.append(entry)
            let read = try #require(try await audit.entries(matching: AuditFilter()).first)
            #expect(read.parameters == ["ip_address": "10.0.0.1"])
            #expect(read.values == ["status": "ACTIVE"])
        }
    }
}
