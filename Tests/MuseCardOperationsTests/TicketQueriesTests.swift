import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardSandbox
import MuseCardStore
import MuseCardTestSupport
import Testing

/// Finding the cardholder, a card's history and last lock, and transactions: against the fake for
/// the rules, then against the sandbox over a real socket.
struct TicketQueriesTests {
    typealias R = OperationsRig

    @Test func readingsOfFreeText() {
        #expect(CardholderQuery.readings(of: "kaethe@example.org") == [.email("kaethe@example.org")])
        #expect(CardholderQuery.readings(of: "60004408") == [.userId("60004408"), .xid("60004408"), .phone("60004408")])
        #expect(CardholderQuery.readings(of: "+49 151 12345678") == [.phone("4915112345678")])
        #expect(CardholderQuery.readings(of: "Käthe Müller") == [.name("Käthe Müller")])
        #expect(CardholderQuery.readings(of: "X60004408") == [.userId("X60004408"), .xid("X60004408"), .name("X60004408")])
        #expect(CardholderQuery.readings(of: "  ").isEmpty)
        #expect(!CardholderQuery.isIdentifier("bad id!"))
    }

    @Test func anXidAsksTheServiceAndThePhoneIsFoundAfterwards() async throws {
        let user: FakeCardService.Answer = .ok(["user_id": "U1", "user_xid": "KM-1", "first_name": "Käthe", "last_name": "Müller",
                                                "kyc_status": "PASSED", "phone_number": "15112345678", "email": "k@example.org"])
        let rig = R(["/v1/carduser/query": [user]])
        try await rig.cacheCard()
        let byXid = await rig.operations.findCardholders([.xid("KM-1")])
        #expect(byXid.matches.map(\.userId) == ["U1"])
        #expect(byXid.matches.first?.name == "Käthe Müller" && byXid.matches.first?.maskedPhone == "•••5678")
        #expect(byXid.matches.first?.cards.map(\.cardId) == ["C1"])
        for query in ["+49 151 12345678", "0151-12345678", "15112345678"] {
            let found = await rig.operations.findCardholders(CardholderQuery.readings(of: query))
            #expect(found.matches.map(\.userId) == ["U1"], "\(query)")
        }
        #expect(await rig.operations.findCardholders([.email("K@EXAMPLE.org")]).matches.map(\.userId) == ["U1"])
        #expect(await rig.operations.findCardholders([.name("müller")]).matches.map(\.userId) == ["U1"])
        #expect(await rig.operations.findCardholders([.name("Otto")]).matches.isEmpty)
    }

    @Test func anUnknownXidFindsNobodyAndAServiceFailureStillAnswersFromTheIndex() async throws {
        let rig = R(["/v1/carduser/query": [.fail(.refused(code: "7000", message: "ORDER_NOT_EXIST")), .fail(.transport(.connectionRefused))]])
        #expect(await rig.operations.findCardholders([.xid("NOPE")]).matches.isEmpty)
        await rig.cache.saveProfile(CardholderProfile(userId: "U1", xid: "KM-1"))
        let offline = await rig.operations.findCardholders([.xid("KM-1")])
        #expect(offline.matches.map(\.userId) == ["U1"])
        #expect(offline.serviceError == .transport(.connectionRefused))
    }

    @Test func theLastLockAndTheHistoryComeFromTheAuditTrail() async throws {
        let rig = R(["/v1/card/lock": [R.status("C1", "LOCK")], "/v1/card/unlock": [.fail(.transport(.timeout))]])
        _ = await rig.operations.perform(.lock(cardId: "C1", reason: LockReason(.fraudSuspected, note: "shop in Lyon")), userId: "U1", ticket: "SUP-1")
        try await rig.cacheCard()
        // A fraud lock is sensitive: alone, the unlock carries the card's last four (its id's, without a PAN last four).
        _ = await rig.operations.perform(.unlock(cardId: "C1", check: .lastFour("C1")), userId: "U1", ticket: "SUP-2")
        let lock = try #require(try await rig.operations.lastLock(userId: "U1", cardId: "C1"))
        #expect(lock.reason == LockReason(.fraudSuspected, note: "shop in Lyon") && lock.operatorName == "alice" && lock.ticket == "SUP-1")
        let history = try await rig.operations.history(userId: "U1", cardId: "C1")
        #expect(history.map(\.first.action) == ["unlock", "lock"], "newest first")
        if case .unknown = history[0].outcome {} else { Issue.record("the lost unlock reads unknown") }
    }

    @Test func aLockReasonOtherNeedsANote() async throws {
        let rig = R(["/v1/card/lock": [R.status("C1", "LOCK")]])
        let report = await rig.operations.perform(.lock(cardId: "C1", reason: LockReason(.other)), userId: "U1", ticket: nil)
        #expect(report.outcome == .notSent && report.errorText.contains("note"))
        #expect(rig.service.sent.isEmpty)
    }

    @Test func theSandboxFindsKaetheAndPagesHerTransactions() async throws {
        let server = try await SandboxServer.start(SandboxOptions())
        let client = MusePayClient(configuration: try server.demoClientConfiguration())
        let context = OperationContext(operatorName: "t", sessionId: "s", profile: "sandbox", readOnly: false)
        let operations = CardOperations(service: client, audit: InMemoryAuditSink(), journal: nil, cache: InMemoryCardCache(), context: context)
        let found = await operations.findCardholders([.xid("X60004408")])
        #expect(found.matches.first?.name == "Käthe Müller")
        #expect(await operations.findCardholders(CardholderQuery.readings(of: "+49 151 12345678")).matches.map(\.userId) == ["60004408"])
        guard case .success(let first) = await operations.transactions(userId: "60004408", cardId: "VC1000000001") else {
            Issue.record("no first page"); return
        }
        guard case .success(let second) = await operations.transactions(userId: "60004408", cardId: "VC1000000001", page: 2) else {
            Issue.record("no second page"); return
        }
        #expect(first.transactions.count == 50 && second.transactions.count == 25, "75 in all, 50 a page")
        #expect(Set(first.transactions.map(\.detailId)).isDisjoint(with: second.transactions.map(\.detailId)))
        let times = (first.transactions + second.transactions).compactMap { $0.createdAt.flatMap(Int64.init) }
        #expect(times == times.sorted(by: >), "newest first")
        #expect(first.transactions.contains { $0.isDeclined && $0.merchantName != nil }, "a declined purchase to find")
        guard case .success(let declined) = await operations.transactions(userId: "60004408", cardId: "VC1000000001", filters: ["tx_status": "DECLINED"]) else {
            Issue.record("no filtered page"); return
        }
        #expect(!declined.transactions.isEmpty && declined.transactions.allSatisfy(\.isDeclined))
        await client.shutdown()
        await server.stop()
    }
}

/// A transaction verification is a change like any other: announced, sent, recorded; the token never kept.
struct TxnVerifyOperationTests {
    typealias R = OperationsRig

    @Test func aVerificationIsAuditedUnderItsNameWithoutTheToken() async throws {
        let rig = R(["/v1/card/txn-verification-decline": [.ok(["result": "DECLINED"])]])
        let report = await rig.operations.perform(.txnVerify(cardId: "C1", requestId: "VR-1", token: "tok-SECRET-77", confirm: false),
                                                  userId: "U1", ticket: "SUP-3")
        #expect(report.outcome == .applied && report.message == "txn-verify C1: ok")
        #expect(rig.service.sent.map(\.path) == ["/v1/card/txn-verification-decline"])
        #expect(rig.service.sent.first?.fields["token"] == "tok-SECRET-77", "the token is sent")
        let lines = await rig.entries
        #expect(lines.map(\.action) == ["txn-verify", "txn-verify"])
        #expect(lines.first?.parameters == ["verification_request_id": "VR-1", "decision": "decline"])
        #expect(!lines.map { AuditLog.line($0) }.joined().contains("tok-SECRET"), "the token is never recorded")
    }
}
