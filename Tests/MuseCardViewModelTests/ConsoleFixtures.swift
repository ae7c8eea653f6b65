import Foundation
import MuseCardKit
import MuseCardOperations
@testable import MuseCardViewModel

/// Small, readable building blocks for reducer tests.
enum ConsoleFixtures {
    static let t0 = Date(timeIntervalSince1970: 1_764_057_600)

    static func session(readOnly: Bool = false) -> SessionInfo {
        SessionInfo(sessionId: "S1", operatorName: "alice", profile: "sandbox", environment: "SANDBOX", readOnly: readOnly, startedAt: t0)
    }

    static func record(_ id: String, _ status: CardStatus, type: CardType = .virtual, last4: String = "4242",
                       name: String = "KATHE MULLER") throws -> CardRecord {
        var record = CardRecord(userId: "U1", cardId: id, status: status)
        record.cardType = type
        record.last4 = last4
        record.embossedName = name
        record.phoneNumber = "13312360000"
        record.phoneAreaCode = "86"
        record.currency = "USD"
        record.availableBalance = Decimal(string: "1234.5")
        record.dailyPurchaseLimit = 500
        return record
    }

    static func entry(_ id: String, _ status: CardStatus, type: CardType = .virtual) throws -> CardEntry {
        CardEntry(cardId: id, record: try record(id, status, type: type), fetchedAt: t0)
    }

    /// What the operations layer reports for `operation` on cardholder `U1`.
    static func report(_ operation: CardOperation, _ outcome: Outcome, answer: OperationAnswer? = nil, error: MusePayError? = nil,
                       requestId: String? = nil, at: Date = t0) -> OperationReport {
        OperationReport(operationId: "op-1", operation: operation, userId: "U1", requestId: requestId, outcome: outcome,
                        answer: answer, error: error, at: at)
    }

    /// A cardholder `U1` open with the given cards, the first selected.
    static func opened(_ cards: [CardEntry], readOnly: Bool = false) -> ConsoleState {
        var state = ConsoleState(session: session(readOnly: readOnly))
        state.data.cardholder = Cardholder(userId: "U1", label: "Käthe Müller", ticket: "T-1")
        state.data.cards = cards
        state.ui.selectedCardId = cards.first?.cardId
        return state
    }
}

/// Sends several actions and collects every effect.
struct Harness {
    var state: ConsoleState
    var reducer = ConsoleReducer()

    @discardableResult
    mutating func send(_ actions: ConsoleAction...) -> [Effect] {
        actions.flatMap { reducer.reduce(state: &state, action: $0) }
    }

    @discardableResult
    mutating func keys(_ names: String...) -> [Effect] {
        names.flatMap { reducer.reduce(state: &state, action: .keyPressed($0)) }
    }
}
