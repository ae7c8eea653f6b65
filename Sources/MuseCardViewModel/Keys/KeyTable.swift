/// The one key table: footer hints, the action menu, help and the README's key list derive from it.
public struct KeyTable: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    public static let defaults = KeyTable(bindings: [
        KeyBinding(.moveDown, ["j", "down"], "down", .navigation),
        KeyBinding(.moveUp, ["k", "up"], "up", .navigation),
        KeyBinding(.first, ["g", "home"], "first card", .navigation),
        KeyBinding(.last, ["G", "end"], "last card", .navigation),
        KeyBinding(.pageDown, ["pgdn"], "page down", .navigation),
        KeyBinding(.pageUp, ["pgup"], "page up", .navigation),
        KeyBinding(.actionMenu, ["enter", "a"], "actions", .card, hint: true),
        KeyBinding(.lock, ["l"], "lock", .card, dangerous: true, mutating: true, hint: true, onMarked: "lock marked"),
        KeyBinding(.unlock, ["u"], "unlock", .card, dangerous: true, mutating: true, hint: true, onMarked: "unlock marked"),
        KeyBinding(.activate, [], "activate", .card, dangerous: true, mutating: true),
        KeyBinding(.activatePhysical, [], "activate physical card", .card, dangerous: true, mutating: true),
        KeyBinding(.updatePhone, [], "update phone", .card, mutating: true),
        KeyBinding(.changeLimit, [], "change daily limit", .card, mutating: true),
        KeyBinding(.changePIN, [], "change PIN", .card, dangerous: true, mutating: true),
        KeyBinding(.replace, [], "replace card", .card, dangerous: true, mutating: true),
        KeyBinding(.sensitiveInfo, [], "reveal card data link", .card, dangerous: true, mutating: true),
        KeyBinding(.refresh, ["r"], "refresh card", .card, hint: true, onMarked: "refresh marked"),
        KeyBinding(.history, ["h"], "card history", .card),
        KeyBinding(.transactions, ["t"], "transactions", .card),
        KeyBinding(.mark, ["space"], "mark / unmark card", .card),
        KeyBinding(.markAll, ["*"], "mark all shown / unmark", .card),
        KeyBinding(.lockAll, ["L"], "lock every active card", .cardholder, dangerous: true, mutating: true),
        KeyBinding(.refreshAll, ["R"], "refresh all", .cardholder),
        KeyBinding(.apply, [], "apply for a card", .cardholder, mutating: true),
        KeyBinding(.addCard, ["+"], "add a card id", .cardholder),
        KeyBinding(.forgetCard, [], "forget card (local only)", .cardholder),
        KeyBinding(.openCardholder, ["o"], "open cardholder", .cardholder),
        KeyBinding(.filter, ["/"], "filter", .view, hint: true),
        KeyBinding(.commandLine, [":"], "command line", .view),
        KeyBinding(.sort, ["s"], "sort", .view),
        KeyBinding(.togglePhone, ["p"], "reveal/hide phone", .view),
        KeyBinding(.copy, ["y"], "copy id or link", .view),
        KeyBinding(.help, ["?"], "help", .view, hint: true),
        KeyBinding(.back, ["esc"], "close / clear filter, marks", .view),
        KeyBinding(.quit, ["q"], "quit", .view, hint: true),
        KeyBinding(.transactionsStatus, ["f"], "status filter", .transactions),
        KeyBinding(.transactionsType, ["T"], "type filter", .transactions),
        KeyBinding(.transactionsDates, ["D"], "date range", .transactions),
        KeyBinding(.approvals, ["A"], "show approvals", .approvals, hint: true),
        KeyBinding(.approveRequest, ["Y"], "approve request", .approvals, dangerous: true, mutating: true),
        KeyBinding(.denyRequest, ["N"], "deny request", .approvals, dangerous: true, mutating: true),
    ])

    /// The action a key asks for outside any popup.
    public func action(forKey key: String) -> KeyAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The binding of `action`.
    public func binding(_ action: KeyAction) -> KeyBinding? {
        bindings.first { $0.action == action }
    }

    /// The first key of `action`, for hints and menus.
    public func primaryKey(_ action: KeyAction) -> String? { binding(action)?.keys.first }

    /// Without the mutating bindings, for read-only sessions.
    public var readOnly: KeyTable { KeyTable(bindings: bindings.filter { !$0.isMutating }) }

    /// Applies `config.yaml` remaps (action name → keys); errors name the action or key.
    public func remapped(_ overrides: [String: [String]]) throws(KeyTableError) -> KeyTable {
        var copy = self
        for (name, keys) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = KeyAction(rawValue: name) else { throw .unknownAction(name) }
            guard let index = copy.bindings.firstIndex(where: { $0.action == action }) else { continue }
            for key in keys where key.isEmpty { throw .emptyKey(action: name) }
            copy.bindings[index].keys = keys
        }
        var owner: [String: KeyAction] = [:]
        for binding in copy.bindings {
            for key in binding.keys {
                if let other = owner[key], other != binding.action {
                    throw .conflict(key: key, first: other.rawValue, second: binding.action.rawValue)
                }
                owner[key] = binding.action
            }
        }
        return copy
    }
}

/// Why a key remap was refused.
public enum KeyTableError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownAction(String)
    case emptyKey(action: String)
    case conflict(key: String, first: String, second: String)

    public var description: String {
        switch self {
        case .unknownAction(let name):
            return "keys: unknown action \"\(name)\" (known: \(KeyAction.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .emptyKey(let action): return "keys.\(action): a key name is empty"
        case .conflict(let key, let first, let second): return "keys: \"\(key)\" is bound to both \(first) and \(second)"
        }
    }
}
