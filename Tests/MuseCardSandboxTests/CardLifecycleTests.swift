import Foundation
import MuseCardKit
import MuseCardSandbox
import Testing

/// A card's life through `MusePayClient` against the sandbox's demo cards.
@Suite struct CardLifecycleTests {
    @Test func activateLockUnlockFollowTheStatusTable() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let card = "VC1000000003"
        #expect(try await h.client.send(ActivateCardRequest(userId: Demo.kaethe, cardId: card)).status == .active)
        #expect(try await h.client.send(LockCardRequest(userId: Demo.kaethe, cardId: card)).status == .locked)
        // Repeating lock or unlock answers success with the current status.
        #expect(try await h.client.send(LockCardRequest(userId: Demo.kaethe, cardId: card)).status == .locked)
        #expect(try await h.client.send(UnlockCardRequest(userId: Demo.kaethe, cardId: card)).status == .active)
        #expect(try await h.client.send(UnlockCardRequest(userId: Demo.kaethe, cardId: card)).status == .active)
        #expect(try await h.client.send(QueryCardRequest(userId: Demo.kaethe, cardId: card)).status == .active)
    }

    @Test func actionNotAllowedInTheStatusIsRefusedSayingWhy() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        await #expect(throws: MusePayError.refused(code: "5005", message: "CARD_STATUS_INVALID: card VC1000000007 is PENDING_ISSUE; lock needs ACTIVE")) {
            try await h.client.send(LockCardRequest(userId: Demo.zhang, cardId: "VC1000000007"))
        }
        await #expect(throws: MusePayError.refused(code: "5005", message: "CARD_STATUS_INVALID: card VC1000000006 is SUSPENDED; unlock needs LOCK")) {
            try await h.client.send(UnlockCardRequest(userId: Demo.zhang, cardId: "VC1000000006"))
        }
        await #expect(throws: MusePayError.refused(code: "5005", message: "CARD_STATUS_INVALID: card VC1000000004 is CANCELED; limitChange needs any status but CANCELED")) {
            try await h.client.send(LimitChangeRequest(userId: Demo.kaethe, cardId: "VC1000000004", dailyPurchaseLimit: try DecimalAmount(parsing: "10")))
        }
        // The physical card needs activate-physical, which works.
        await #expect(throws: MusePayError.self) { try await h.client.send(ActivateCardRequest(userId: Demo.zhang, cardId: "VC1000000009")) }
        #expect(try await h.client.send(ActivatePhysicalCardRequest(userId: Demo.zhang, cardId: "VC1000000009")).status == .active)
    }

    @Test func cardOfAnotherUserIsOrderNotExist() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        await #expect(throws: MusePayError.refused(code: "7000", message: "ORDER_NOT_EXIST: card VC1000000001 not found for user 60004409")) {
            try await h.client.send(QueryCardRequest(userId: Demo.zhang, cardId: "VC1000000001"))
        }
    }

    @Test func limitAndPhoneChangesShowInTheCardRecord() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        _ = try await h.client.send(LimitChangeRequest(userId: Demo.kaethe, cardId: "VC1000000002", dailyPurchaseLimit: try DecimalAmount(parsing: "500.50")))
        let phone = try await h.client.send(UpdatePhoneRequest(userId: Demo.kaethe, cardId: "VC1000000002", phoneAreaCode: "43", phoneNumber: "6641234567"))
        #expect(phone.cardId == "VC1000000002")
        let card = try await h.client.send(QueryCardRequest(userId: Demo.kaethe, cardId: "VC1000000002"))
        #expect(card.dailyPurchaseLimit == Decimal(string: "500.5"))
        #expect(card.phoneAreaCode == "43")
        #expect(card.phoneNumber == "6641234567")
        #expect(card.status == .locked)
    }

    @Test func pinChangeDecryptsARealPIN() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        _ = try await h.client.send(ChangePINRequest(userId: Demo.kaethe, cardId: "VC1000000001", pin: try PIN("482913")))
        // Not digits once decrypted: HTTP 400 naming card_pin.
        let cipher = PINCipher(key: try RSAKeyLoader.encryptionKey(text: DemoKeys.platformPublicKey, source: "demo"))
        let sealed = try cipher.encrypt(try PIN("1234")).dropLast(4) + "AAA="
        let answer = try await h.signedPost("/v1/card/change-pin", ["user_id": "60004408", "card_id": "VC1000000001", "card_pin": .string(String(sealed))])
        #expect(answer.status == 400)
        #expect(answer.message.contains("card_pin"))
        await #expect(throws: MusePayError.refused(code: "5005", message: "CARD_STATUS_INVALID: card VC1000000003 is PENDING_ACTIVE; change-pin needs ACTIVE or LOCK")) {
            try await h.client.send(ChangePINRequest(userId: Demo.kaethe, cardId: "VC1000000003", pin: try PIN("1234")))
        }
    }

    @Test func replaceCancelsTheOldCardAndIssuesAPendingOneIdempotently() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let request = ReplaceCardRequest(userId: Demo.kaethe, originalCardId: "VC1000000001", replaceReason: "lost", requestId: "RPL-1")
        let answer = try await h.client.send(request)
        #expect(answer.status == .pendingActive)
        #expect(answer.cardId != "VC1000000001")
        let again = try await h.client.send(request)
        #expect(again.cardId == answer.cardId)
        let old = try await h.client.send(QueryCardRequest(userId: Demo.kaethe, cardId: "VC1000000001"))
        let new = try await h.client.send(QueryCardRequest(userId: Demo.kaethe, cardId: answer.cardId))
        #expect(old.status == .canceled)
        #expect(new.status == .pendingActive)
        #expect(new.productId == old.productId)
        #expect(new.last4 != nil)
    }

    @Test func sensitiveInfoURLRevealsTheCardOnceThenIsGone() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let link = try await h.client.send(SensitiveInfoRequest(userId: Demo.zhang, cardId: "VC1000000005", ipAddress: "203.0.113.9"))
        let url = link.url.reveal()
        #expect(url.hasPrefix(h.server.baseURL.absoluteString + "/_sandbox/reveal/"))
        #expect(link.expiry?.count == 10)
        let first = try await Harness.raw(url, method: "GET")
        #expect(first.status == 200)
        let payload = try #require(first.json)
        let pan = try #require(payload["card_number"]?.scalarText)
        #expect(pan.count == 16)
        #expect(Self.passesLuhn(pan))
        let card = try await h.client.send(QueryCardRequest(userId: Demo.zhang, cardId: "VC1000000005"))
        #expect(card.last4 == String(pan.suffix(4)))
        #expect(payload["security_code"]?.scalarText?.count == 3)
        #expect(payload["expiry_month"]?.scalarText == card.expiryMonth)
        #expect(try await Harness.raw(url, method: "GET").status == 410)
        // An unused link expires.
        let late = try await h.client.send(SensitiveInfoRequest(userId: Demo.zhang, cardId: "VC1000000005", ipAddress: "203.0.113.9"))
        h.clock.advance(61)
        #expect(try await Harness.raw(late.url.reveal(), method: "GET").status == 410)
    }

    @Test func demoDataCoversEveryStatusBothTypesAndHostileText() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        var statuses: Set<CardStatus> = [], types: Set<CardType> = []
        for holder in DemoData.cardholders {
            #expect((2...6).contains(holder.cardIds.count))
            for cardId in holder.cardIds {
                let card = try await h.client.send(QueryCardRequest(userId: holder.userId, cardId: cardId))
                statuses.insert(card.status)
                if let type = card.cardType { types.insert(type) }
                if holder.userId == Demo.hostile { #expect(card.embossedName == DemoData.hostileName) }
            }
        }
        #expect(statuses == Set(CardStatus.known))
        #expect(types == [.physical, .virtual])
        #expect(DemoData.cardholders.map(\.label).contains("张伟"))
        #expect(DemoData.cardholders.map(\.label).contains("Käthe Müller"))
        let page = try await h.client.send(TransactionsRequest(userId: Demo.kaethe, cardId: "VC1000000001", pageSize: 2))
        #expect(page.transactions.count == 2)
    }

    static func passesLuhn(_ number: String) -> Bool {
        let digits = number.compactMap(\.wholeNumberValue).reversed()
        let sum = digits.enumerated().reduce(0) { total, item in
            let value = item.offset % 2 == 1 ? item.element * 2 : item.element
            return total + (value > 9 ? value - 9 : value)
        }
        return sum % 10 == 0
    }
}
