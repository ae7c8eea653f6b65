import Foundation
import MuseCardTestSupport
import Testing

/// What a new agent meets first on the command line: flags read as written, money and phones
/// shown as the console shows them, typos refused before anything is sent or noted.
@Suite(.serialized)
struct CLIFirstHourTests {
    let exits = CLIExitCodeTests()

    @Test func aNegativeLimitIsReadAsAValueAndRefusedByName() async throws {
        let result = try await exits.run(["card", "limit", "--user", "U1", "--card", "C1", "--daily", "-5"], env: try exits.environment(nil))
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--daily") && result.stderr.contains("\"-5\""), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test func cardGetPrintsMoneyAndAMaskedPhoneAsTheConsoleDoes() async throws {
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(#"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE","card_available_balance":1250.5,"daily_purchaseLimit":1000,"phone_area_code":"86","phone_number":"13312360000"}"#)]])
        let result = try await exits.run(["card", "get", "--user", "U1", "--card", "C1"], env: try exits.environment(server.baseURL))
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1,250.50") && result.stdout.contains("1,000.00"), "\(result.stdout)")
        #expect(result.stdout.contains("+86 •••••••0000") && !result.stdout.contains("13312360000"), "\(result.stdout)")
    }

    @Test func aCardIdWithSpacesOrPunctuationIsNotNoted() async throws {
        let result = try await exits.run(["cards", "add", "--user", "U1", "--card", "bad id!"], env: try exits.environment(nil))
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--card") && result.stderr.contains("letters, digits, - and _"), "\(result.stderr)")
        #expect(!result.stdout.contains("noted"))
    }

    @Test func twoDifferentPipedPINsAreRefusedAndNothingIsSent() async throws {
        let server = try await ScriptedServer.start([:])
        let result = try await exits.run(["card", "change-pin", "--user", "U1", "--card", "C1"], env: try exits.environment(server.baseURL),
                                         stdin: "1357\n2468\n")
        let sent = await server.received("/v1/card/change-pin").count
        await server.stop()
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("the two entries differ"), "\(result.stderr)")
        #expect(sent == 0)
    }
    @Test func unlockingAnActiveCardSaysItWasAlreadyActive() async throws {
        // The service answers an unlock of an ACTIVE card with success and the status unchanged.
        let active = #"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE"}"#
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(active)], "/v1/card/unlock": [.ok(active)]])
        let result = try await exits.run(["card", "unlock", "--user", "U1", "--card", "C1"], env: try exits.environment(server.baseURL))
        let unlocks = await server.received("/v1/card/unlock").count
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Card C1 was already ACTIVE; nothing changed."), "\(result.stdout)")
        #expect(unlocks == 1)
    }
}
