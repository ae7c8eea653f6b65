import Foundation
import MuseCardStore
import Testing

/// People acting on one approvals backend, for the contract every `ApprovalStore` driver passes.
struct ApprovalStoreFixture: Sendable {
    /// A new person (an agent, or an approver) and the store acting as them.
    var person: @Sendable (_ approver: Bool) async throws -> (name: String, store: any ApprovalStore)
    /// Moves the request's expiry into the past, as time passing would.
    var expire: @Sendable (_ id: String) async throws -> Void
}

/// The four-eyes rules, as checks over a fixture, one suite for every driver: `PostgresApprovalsTests`
/// and `InMemoryApprovalsContractTests` run each case.
enum ApprovalStoreContract: String, CaseIterable, Sendable {
    case requestApproveAndConsumeOnce, theRequesterCannotDecide, onlyApproversDecide, aRequestNeedsANote,
         aDenialNeedsANoteAndEndsTheRequest, onlyTheRequesterConsumesForTheSameCard, anExpiredRequestCanBeNeitherApprovedNorUsed

    func run(_ fixture: ApprovalStoreFixture) async throws {
        let (requesterName, requester) = try await fixture.person(false)
        let (approverName, approver) = try await fixture.person(true)
        switch self {
        case .requestApproveAndConsumeOnce:
            let asked = try await requester.requestApproval(userId: "U1", cardId: "C1", lockReason: "FRAUD_SUSPECTED", note: "customer called back")
            #expect(asked.state == .pending && asked.requestedBy == requesterName && asked.note == "customer called back")
            #expect(asked.expiresAt > asked.requestedAt)
            #expect(try await approver.pendingApprovals().map(\.id) == [asked.id])
            let approved = try await approver.approve(id: asked.id, note: nil)
            #expect(approved.state == .approved && approved.decidedBy == approverName && approved.decidedAt != nil)
            #expect(try await approver.pendingApprovals().isEmpty)
            #expect(try await requester.latestApproval(cardId: "C1")?.state == .approved)
            #expect(try await requester.consumeApproval(id: asked.id, cardId: "C1").state == .used)
            await refused("a second use") { try await requester.consumeApproval(id: asked.id, cardId: "C1") }
            #expect(try await requester.approval(id: asked.id)?.state == .used)
        case .theRequesterCannotDecide:
            let asked = try await approver.requestApproval(userId: "U1", cardId: "C1", lockReason: "STOLEN", note: "found it")
            await refused("approving one's own request", mentioning: "second person") { try await approver.approve(id: asked.id, note: "ok") }
            await refused("denying one's own request", mentioning: "second person") { try await approver.deny(id: asked.id, note: "no") }
            #expect(try await approver.approval(id: asked.id)?.state == .pending)
        case .onlyApproversDecide:
            let (_, other) = try await fixture.person(false)
            let asked = try await requester.requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "found in a drawer")
            await refused("an agent approving", mentioning: "approver") { try await other.approve(id: asked.id, note: nil) }
            #expect(try await other.approval(id: asked.id)?.state == .pending)
        case .aRequestNeedsANote:
            await refused("a request without a note", mentioning: "note") {
                try await requester.requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "  ")
            }
        case .aDenialNeedsANoteAndEndsTheRequest:
            let asked = try await requester.requestApproval(userId: "U1", cardId: "C1", lockReason: "COMPROMISED", note: "please")
            await refused("a denial without a note", mentioning: "note") { try await approver.deny(id: asked.id, note: "") }
            let denied = try await approver.deny(id: asked.id, note: "card data was leaked")
            #expect(denied.state == .denied && denied.decisionNote == "card data was leaked" && denied.decidedBy == approverName)
            await refused("approving a denied request") { try await approver.approve(id: asked.id, note: nil) }
            await refused("using a denied request") { try await requester.consumeApproval(id: asked.id, cardId: "C1") }
        case .onlyTheRequesterConsumesForTheSameCard:
            let asked = try await requester.requestApproval(userId: "U1", cardId: "C1", lockReason: "FRAUD_SUSPECTED", note: "false alarm")
            await refused("using a pending request") { try await requester.consumeApproval(id: asked.id, cardId: "C1") }
            _ = try await approver.approve(id: asked.id, note: "checked")
            await refused("the approver using it", mentioning: requesterName) { try await approver.consumeApproval(id: asked.id, cardId: "C1") }
            await refused("using it for another card", mentioning: "C2") { try await requester.consumeApproval(id: asked.id, cardId: "C2") }
            #expect(try await requester.consumeApproval(id: asked.id, cardId: "C1").state == .used)
        case .anExpiredRequestCanBeNeitherApprovedNorUsed:
            let late = try await requester.requestApproval(userId: "U1", cardId: "C1", lockReason: "LOST", note: "a")
            try await fixture.expire(late.id)
            #expect(try await approver.pendingApprovals().isEmpty)
            #expect(try await approver.approval(id: late.id)?.state == .expired)
            await refused("approving an expired request", mentioning: "expired") { try await approver.approve(id: late.id, note: nil) }
            let unused = try await requester.requestApproval(userId: "U1", cardId: "C2", lockReason: "LOST", note: "b")
            _ = try await approver.approve(id: unused.id, note: nil)
            try await fixture.expire(unused.id)
            #expect(try await requester.latestApproval(cardId: "C2")?.state == .expired)
            await refused("using an expired approval", mentioning: "expired") { try await requester.consumeApproval(id: unused.id, cardId: "C2") }
        }
    }

    /// Expects `ApprovalRefused` (optionally with a word in its reason), and nothing else.
    private func refused(_ what: String, mentioning word: String? = nil, _ body: () async throws -> ApprovalRequest,
                         sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            let request = try await body()
            Issue.record("\(what) was allowed: \(request.state)", sourceLocation: sourceLocation)
        } catch let refusal as ApprovalRefused {
            if let word { #expect(refusal.reason.contains(word), "\(what): \(refusal.reason)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("\(what) failed with \(error), not ApprovalRefused", sourceLocation: sourceLocation)
        }
    }
}
