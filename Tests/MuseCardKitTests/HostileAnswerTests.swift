import Foundation
import MuseCardKit
import MuseCardTestSupport
import Testing

/// Answers a hostile service could send, each over a real socket on loopback.
@Suite(.serialized)
struct HostileAnswerTests {
    static let card = #"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE"}"#

    /// A body trickled a byte at a time (here 100 s in all) must not outlive the request timeout.
    @Test func trickledBodyHitsTheAttemptDeadline() async throws {
        let envelope = Array(HostileClient.envelope(Self.card).utf8)
        let body = envelope + [UInt8](repeating: 0x20, count: 2000 - envelope.count)
        let server = try await HostileServer.start(.trickle(
            head: HostileServer.head(contentLength: body.count), body: body, interval: .milliseconds(50)))
        let client = try HostileClient.make(server.baseURL, timeout: .milliseconds(400), attempts: 1)
        let start = ContinuousClock.now
        let error = await HostileClient.failure(client, QueryCardRequest(userId: "U1", cardId: "C1"))
        let waited = ContinuousClock.now - start
        await client.shutdown()
        await server.stop()
        #expect(error == .transport(.timeout))
        // The trickle takes 100 s; a deadline that covers the body ends it in a fraction of that,
        // however loaded the machine.
        #expect(waited < .seconds(20), "the deadline covers the body (waited \(waited))")
        #expect(error?.outcome(isChange: false) == .unknown)
    }

    /// More than 4 MiB is not an answer this client can read, and asking again will not shrink it.
    @Test func oversizedAnswerIsUndecodableAndNotRetried() async throws {
        let envelope = Array(HostileClient.envelope(Self.card).utf8)
        let body = envelope + [UInt8](repeating: 0x20, count: (4 << 20) + 1 - envelope.count)
        let server = try await HostileServer.start(.answer(head: HostileServer.head(contentLength: body.count), body: body))
        let client = try HostileClient.make(server.baseURL)
        let error = await HostileClient.failure(client, QueryCardRequest(userId: "U1", cardId: "C1"))
        await client.shutdown()
        #expect(error == .undecodable("the answer is larger than 4 MiB"))
        #expect(server.requestCount == 1)
        await server.stop()
    }

    /// Numbers no Decimal or Double can hold are kept as the service wrote them.
    @Test func outOfRangeNumbersKeepTheirLiteral() async throws {
        let huge = "9" + String(repeating: "1234567890", count: 500)
        let record = #"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE","card_available_balance":1e999,"daily_purchaseLimit":\#(huge)}"#
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(record)]])
        let client = try HostileClient.make(server.baseURL)
        let card = try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        await client.shutdown()
        await server.stop()
        #expect(card.json["card_available_balance"] == .number("1e999"))
        #expect(card.json["daily_purchaseLimit"] == .number(huge))
        let printed = try JSONParser.parse(card.json.prettyText())
        #expect(printed["card_available_balance"] == .number("1e999"))
        #expect(printed["daily_purchaseLimit"] == .number(huge))
    }

    /// `--json` output escapes every control, format and bidi character, keeping the value.
    @Test func bidiAndControlCharactersAreEscapedInJSONOutput() async throws {
        let record = #"{"user_id":"U1","card_id":"C1","card_status":"ACTIVE","embossed_name":"EVIL\u202Eemanl\u001b]0;owned\u0007\u2028X\u200B\u061C\u2066Y\u0085"}"#
        let server = try await ScriptedServer.start(["/v1/card/query": [.ok(record)]])
        let client = try HostileClient.make(server.baseURL)
        let card = try await client.send(QueryCardRequest(userId: "U1", cardId: "C1"))
        await client.shutdown()
        await server.stop()
        #expect(card.embossedName?.unicodeScalars.contains("\u{202E}") == true, "the value itself is kept")
        for text in [card.json.prettyText(), card.json.jsonText()] {
            // The pretty form's own line breaks are the only control characters left.
            let unprintable = text.unicodeScalars.filter { $0.isUnprintable && $0 != "\n" }
            #expect(unprintable.isEmpty, "\(text.debugDescription)")
            #expect(text.contains(#"\u202e"#) && text.contains(#"\u001b"#) && text.contains(#"\u2066"#))
            #expect(try JSONParser.parse(text) == card.json, "equal in value")
        }
    }

    /// An answer about another card or cardholder is not taken as this one's, nor retried.
    @Test func answerAboutAnotherCardIsRefused() async throws {
        let server = try await ScriptedServer.start([
            "/v1/card/lock": [.ok(#"{"user_id":"U1","card_id":"C2","card_status":"LOCK"}"#)],
            "/v1/card/query": [.ok(#"{"user_id":"U2","card_id":"C1","card_status":"ACTIVE"}"#)],
            "/v1/card/unlock": [.ok(#"{"card_id":"C1","card_status":"ACTIVE"}"#)],
            "/v1/card/replace": [.ok(#"{"user_id":"U1","card_id":"C9","card_status":"PENDING_ACTIVE"}"#)],
            "/v1/card/apply-result": [.ok(#"{"user_id":"U1","request_id":"R2","apply_status":"APPLYING"}"#)],
        ])
        let client = try HostileClient.make(server.baseURL)
        let lock = await HostileClient.failure(client, LockCardRequest(userId: "U1", cardId: "C1"))
        let query = await HostileClient.failure(client, QueryCardRequest(userId: "U1", cardId: "C1"))
        let apply = await HostileClient.failure(client, ApplyResultRequest(userId: "U1", requestId: "R1"))
        let unlocked = try await client.send(UnlockCardRequest(userId: "U1", cardId: "C1"))
        let replaced = try await client.send(ReplaceCardRequest(userId: "U1", originalCardId: "C1", replaceReason: "lost", requestId: "R3"))
        await client.shutdown()
        #expect(lock == .undecodable("the answer is about card C2, not C1"))
        #expect(query == .undecodable("the answer is about user U2, not U1"))
        #expect(apply == .undecodable("the answer is about request R2, not R1"))
        #expect(lock?.outcome(isChange: true) == .unknown)
        #expect(unlocked.cardId == "C1", "a missing user id is accepted")
        #expect(replaced.cardId == "C9", "replace answers with the new card")
        #expect(await server.received("/v1/card/lock").count == 1, "a wrong answer is not retried")
        await server.stop()
    }
}
