import Foundation
import MuseCardKit
import MuseCardSandbox
import Testing

/// Applying for a card through `MusePayClient`, over a real socket, with a clock the test moves.
@Suite struct ApplicationLifecycleTests {
    func apply(_ h: Harness, user: String, request: String, product: String = "1001", name: String? = "NEW HOLDER") async throws -> ApplyReceipt {
        try await h.client.send(ApplyCardRequest(userId: user, requestId: request, cardProductId: product, cardLevel: "1",
                                                 phoneAreaCode: "49", phoneNumber: "1512345678", embossedName: name))
    }

    @Test func applicationGoesFromApplyingToCardInitAndTheCardCanBeQueried() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let receipt = try await apply(h, user: "70000001", request: "REQ-A1")
        #expect(receipt.applyStatus == .applying)
        #expect(receipt.requestId == "REQ-A1")
        let applyId = try #require(receipt.applyId)
        var seen: [ApplyStatus] = []
        var result = try await h.client.send(ApplyResultRequest(userId: "70000001", requestId: "REQ-A1", applyId: applyId))
        seen.append(try #require(result.applyStatus))
        for _ in 0..<3 {
            h.clock.advance(1.05)
            result = try await h.client.send(ApplyResultRequest(userId: "70000001", requestId: "REQ-A1"))
            seen.append(try #require(result.applyStatus))
        }
        #expect(seen == [.applying, .waitAudit, .auditPass, .cardInit])
        let cardId = try #require(result.cardId)
        #expect(cardId.hasPrefix("VC"))
        let card = try await h.client.send(QueryCardRequest(userId: "70000001", cardId: cardId))
        #expect(card.status == .pendingActive)
        #expect(card.cardType == .virtual)
        #expect(card.productId == "1001")
        #expect(card.embossedName == "NEW HOLDER")
        #expect(card.last4?.count == 4)
        // No KYC: the unknown user id became a cardholder.
        let holder = try await h.client.send(CardUserQueryRequest(userXid: "X70000001"))
        #expect(holder.userId == "70000001")
    }

    @Test func sameRequestIdGivesTheSameApplicationAndOneCardPerProduct() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let first = try await apply(h, user: "70000002", request: "REQ-B1")
        let again = try await apply(h, user: "70000002", request: "REQ-B1")
        #expect(first.applyId == again.applyId)
        do {
            _ = try await apply(h, user: "70000002", request: "REQ-B3")
            Issue.record("a second application for the same product was accepted")
        } catch MusePayError.refused(let code, let message) {
            #expect(code == "5006")
            #expect(message.contains("1001"))
        }
        let other = try await apply(h, user: "70000002", request: "REQ-B4", product: "2001")
        #expect(other.applyId != first.applyId)
        // An existing demo card of the product also blocks a new application.
        await #expect(throws: MusePayError.refused(code: "5006", message: "CARD_PRODUCT_EXISTS: user 60004408 already has card VC1000000001 of product 1001")) {
            try await apply(h, user: Demo.kaethe, request: "REQ-B5", product: "1001")
        }
    }

    @Test func embossedNameRefuseMeEndsInAuditRefuse() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        _ = try await apply(h, user: "70000003", request: "REQ-C1", name: "Refuse Me")
        h.clock.advance(10)
        let result = try await h.client.send(ApplyResultRequest(userId: "70000003", requestId: "REQ-C1"))
        #expect(result.applyStatus == .auditRefuse)
        #expect(result.cardId == nil)
        // A refused application does not block a new one for the same product.
        let retry = try await apply(h, user: "70000003", request: "REQ-C2", name: "ACCEPT ME")
        #expect(retry.applyStatus == .applying)
    }

    @Test func unknownApplicationIsOrderNotExist() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        await #expect(throws: MusePayError.refused(code: "7000", message: "ORDER_NOT_EXIST: no application with request_id NOPE for user 70000004")) {
            try await h.client.send(ApplyResultRequest(userId: "70000004", requestId: "NOPE"))
        }
    }
}
