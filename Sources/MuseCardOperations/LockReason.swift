import MuseCardKit

/// Why a card is locked, recorded by the operations layer (the service takes no reason):
/// shown in the detail pane and the unlock confirmation, and what four-eyes unlocks look at.
public struct LockReason: Sendable, Equatable {
    /// The reasons an agent can choose, in the order a form offers them.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case customerRequest = "CUSTOMER_REQUEST"
        case lost = "LOST"
        case stolen = "STOLEN"
        case fraudSuspected = "FRAUD_SUSPECTED"
        case compromised = "COMPROMISED"
        case other = "OTHER"

        /// Reasons whose reversal is sensitive (a second person approves the unlock in a team).
        public var isSensitive: Bool { [.lost, .stolen, .fraudSuspected, .compromised].contains(self) }
    }

    public static let maxNoteLength = 256

    public var code: Code
    /// Free text; required for `OTHER`.
    public var note: String?

    public init(_ code: Code, note: String? = nil) {
        self.code = code
        self.note = note.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads a `--reason` value (any case, `-` or `_`); the error names the flag's field.
    public init(parsing text: String, note: String?) throws(MusePayError) {
        let normalised = text.uppercased().replacingOccurrences(of: "-", with: "_")
        guard let code = Code(rawValue: normalised) else {
            throw .validation(field: "reason", reason: "must be one of \(Code.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.init(code, note: note)
        try validate()
    }

    /// A note is required for `OTHER`, and printable and short when given.
    public func validate() throws(MusePayError) {
        if let note { try FieldRules.printable(note, field: "note", max: Self.maxNoteLength) }
        if code == .other && note == nil { throw .validation(field: "note", reason: "must say why when the reason is OTHER") }
    }

    /// What the audit keeps: the reason and the note.
    var auditParameters: [String: String] {
        var values = ["lock_reason": code.rawValue]
        values["note"] = note
        return values
    }
}
