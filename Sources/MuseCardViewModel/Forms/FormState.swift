import MuseCardKit

/// An open form: its purpose, its fields, the focused field and errors.
public struct FormState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case updatePhone(cardId: String)
        case changeLimit(cardId: String)
        case changePIN(cardId: String)
        case replace(cardId: String)
        /// The reason for a lock, asked before the confirmation.
        case lock(cardId: String)
        /// One reason for several cards (every active card, or the marked ones).
        case lockMany(BulkCommand)
        case sensitiveInfo(cardId: String)
        case apply
        case addCard
        case openCardholder
        /// A card locked for a sensitive reason, single agent: its last four digits confirm the unlock.
        case unlockLastFour(cardId: String)
        /// A card locked for a sensitive reason, team: ask a second person to approve its unlock.
        case requestApproval(cardId: String)
        /// Deny another agent's request, saying why.
        case denyApproval(id: String)

        /// The operation a form of this kind sends, by its one name; nil for local forms.
        var operationName: OperationName? {
            switch self {
            case .updatePhone: return .updatePhone
            case .changeLimit: return .changeLimit
            case .changePIN: return .changePIN
            case .replace: return .replace
            case .lock: return .lock
            case .sensitiveInfo: return .sensitiveInfo
            case .apply: return .apply
            case .unlockLastFour: return .unlock
            case .addCard, .openCardholder, .lockMany, .requestApproval, .denyApproval: return nil
            }
        }

        /// The card a form of this kind is about.
        var cardId: String? {
            switch self {
            case .updatePhone(let id), .changeLimit(let id), .changePIN(let id), .replace(let id), .sensitiveInfo(let id), .lock(let id),
                 .unlockLastFour(let id), .requestApproval(let id): return id
            case .apply, .addCard, .openCardholder, .lockMany, .denyApproval: return nil
            }
        }
    }

    public var kind: Kind
    public var fields: [FormField]
    public var focused = 0
    /// An error for the whole form.
    public var error: String?
    /// Lines above the fields: what the form is about (e.g. who locked the card and why).
    public var intro: [String] = []

    public init(kind: Kind, fields: [FormField], intro: [String] = []) {
        self.kind = kind
        self.fields = fields
        self.intro = intro
    }

    /// The current text of the field called `name`.
    public func value(_ name: String) -> String {
        fields.first { $0.name == name }?.value ?? ""
    }

    /// Sets the error of the field called `name`.
    mutating func setError(_ name: String, _ message: String?) {
        if let index = fields.firstIndex(where: { $0.name == name }) { fields[index].error = message }
    }
}

/// One input of a form; `name` is the service's field name so errors land on the right field.
public struct FormField: Sendable, Equatable {
    public var name: String
    public var label: String
    public var value: String
    public var isSecret: Bool
    /// Pick-one values; empty for free text.
    public var choices: [String]
    public var hint: String?
    public var error: String?
    public var maxLength: Int
    /// Known values ←/→ steps through while typing stays free (e.g. card products).
    public var suggestions: [String] = []
    /// What a choice or suggestion means, shown as the hint while it is the value.
    public var notes: [String: String] = [:]

    public init(name: String, label: String, value: String = "", isSecret: Bool = false,
                choices: [String] = [], hint: String? = nil, maxLength: Int = 64,
                suggestions: [String] = [], notes: [String: String] = [:]) {
        self.name = name
        self.label = label
        self.value = value
        self.isSecret = isSecret
        self.choices = choices
        self.hint = hint
        self.maxLength = maxLength
        self.suggestions = suggestions
        self.notes = notes
    }

    /// The hint for the current value: its note when it has one.
    public var currentHint: String? { notes[value].map { n in hint.map { "\(n); \($0)" } ?? n } ?? hint }
}
