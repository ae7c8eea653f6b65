import Foundation
import MuseCardKit

extension ConsoleReducer {
    /// Takes the retry note down when `action` ends a call on its path, whoever the answer is for.
    func clearRetry(answered action: ConsoleAction, state: inout ConsoleState) {
        guard let note = state.data.retrying, let path = Self.answeredPath(action), path == note.path || path == "*" else { return }
        state.data.retrying = nil
    }

    /// The MusePay path whose call `action` reports the end of; `*` for an operation report,
    /// which may end any call; `nil` for actions that end none.
    static func answeredPath(_ action: ConsoleAction) -> String? {
        switch action {
        case .cardFetched: return QueryCardRequest.path
        case .transactionsLoaded: return TransactionsRequest.path
        case .applicationPolled: return ApplyResultRequest.path
        case .cardholdersFound: return CardUserQueryRequest.path
        case .operationFinished: return "*"
        default: return nil
        }
    }
}
