/// A popup over the main screen; at most one is open.
public enum ModalModel: Sendable, Equatable {
    case menu(MenuModel)
    case confirm(ConfirmModel)
    case form(FormModel)
    case help(HelpModel)
    case picker(PickerModel)
    /// The session summary shown on quit (also printed after the screen is gone).
    case summary(title: String, lines: [String])
    /// Rows in columns: a card's history, its transactions.
    case table(TableModel)
    /// The one-time card data link: `link` is drawn on lines of its own, without borders, so a
    /// terminal selection picks up the link and nothing else; `lines` go in a box above it.
    case cardData(title: String, link: String, lines: [String])
    /// Requests waiting for a second person's approval, the selected one's details and card history.
    case approvals(ApprovalsModel)
}

/// The action menu: every action, unavailable ones greyed with their reason.
public struct MenuModel: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var key: String
        public var label: String
        public var isEnabled: Bool
        /// Why it is unavailable (nil when enabled).
        public var reason: String?
        public var isDangerous: Bool

        public init(key: String, label: String, isEnabled: Bool, reason: String? = nil, isDangerous: Bool = false) {
            self.key = key
            self.label = label
            self.isEnabled = isEnabled
            self.reason = reason
            self.isDangerous = isDangerous
        }
    }

    public var title: String
    public var items: [Item]
    public var selected: Int

    public init(title: String, items: [Item], selected: Int) {
        self.title = title
        self.items = items
        self.selected = selected
    }
}

/// A yes/no confirmation; Cancel is focused by default.
public struct ConfirmModel: Sendable, Equatable {
    public var title: String
    public var message: [String]
    public var confirmLabel: String
    public var cancelLabel: String
    /// True when the confirm button has focus (false = Cancel focused, the default).
    public var confirmFocused: Bool
    public var isDangerous: Bool

    public init(title: String, message: [String], confirmLabel: String, cancelLabel: String = "Cancel",
                confirmFocused: Bool = false, isDangerous: Bool = true) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
        self.confirmFocused = confirmFocused
        self.isDangerous = isDangerous
    }
}

/// A form with fields, per-field errors and a focused field.
public struct FormModel: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var label: String
        /// What to draw: masked (`••••`) for secret fields.
        public var value: String
        public var hint: String?
        public var error: String?
        /// Choices for a pick-one field (the value is one of them); empty for free text.
        public var choices: [String]

        public init(label: String, value: String, hint: String? = nil, error: String? = nil, choices: [String] = []) {
            self.label = label
            self.value = value
            self.hint = hint
            self.error = error
            self.choices = choices
        }
    }

    public var title: String
    public var fields: [Field]
    public var focused: Int
    public var submitLabel: String
    /// An error for the whole form (e.g. the service's refusal).
    public var error: String?
    /// Lines above the fields saying what the form is about.
    public var intro: [String] = []

    public init(title: String, fields: [Field], focused: Int, submitLabel: String, error: String? = nil, intro: [String] = []) {
        self.intro = intro
        self.title = title
        self.fields = fields
        self.focused = focused
        self.submitLabel = submitLabel
        self.error = error
    }
}

/// The help overlay: every key, by section.
public struct HelpModel: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var entries: [KeyHintModel]

        public init(title: String, entries: [KeyHintModel]) {
            self.title = title
            self.entries = entries
        }
    }

    public var sections: [Section]

    public init(sections: [Section]) { self.sections = sections }
}

/// The cardholder picker: known cardholders and a typed user id.
public struct PickerModel: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var userId: String
        public var label: String
        public var detail: String

        public init(userId: String, label: String, detail: String) {
            self.userId = userId
            self.label = label
            self.detail = detail
        }
    }

    public var title: String
    public var entries: [Entry]
    public var selected: Int
    /// A user id being typed; empty when choosing from the list.
    public var input: String
    public var error: String?
    /// What to say instead of an empty list: still loading, or nobody known yet.
    public var placeholder: String?
    /// The entries are what the typed text found: the selection shows although text is typed.
    public var resultsFocused = false

    public init(title: String, entries: [Entry], selected: Int, input: String = "", error: String? = nil, placeholder: String? = nil,
                resultsFocused: Bool = false) {
        self.resultsFocused = resultsFocused
        self.title = title
        self.entries = entries
        self.selected = selected
        self.input = input
        self.error = error
        self.placeholder = placeholder
    }
}
