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

    @Test(arguments: StoreDriver.withAudit)
    func entriesReadBackEqualOldestFirst(driver: StoreDriver) async throws {
        try await driver.run { place in
            let audit = try await place.audit()
            #expect(try await audit.entries(matching: AuditFilter()).isEmpty)
            for entry in Self.written { try await audit.append(entry) }
            #expect(try await audit.entries(matching: AuditFilter()) == Self.written)
        }
    }

    @Test(arguments: StoreDriver.withAudit)
    func filtersByCardholderCardAndTime(driver: StoreDriver) async throws {
        try await driver.run { place in
            let audit = try await place.audit()
            for entry in Self.written { try await audit.append(entry) }
            let all = Self.written
            #expect(try await audit.entries(matching: AuditFilter(userId: "U1")) == [all[0], all[1], all[2], all[5]])
            #expect(try await audit.entries(matching: AuditFilter(cardId: "C1")) == [all[0], all[1], all[5]])
            #expect(try await audit.entries(matching: AuditFilter(userId: "U2", cardId: "C1")).isEmpty)
            #expect(try await audit.entries(matching: AuditFilter(since: Date(timeIntervalSince1970: 1_795_000_100))) == Array(all[2...]),
                    "since includes the moment itself")
            #expect(try await audit.entries(matching: AuditFilter(userId: "U2", since: Date(timeIntervalSince1970: 1_795_100_001))) == [all[4]])
            #expect(try await audit.entries(matching: AuditFilter(userId: "U404")).isEmpty)
        }
    }

    @Test(arguments: StoreDriver.withAudit)
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
