import Foundation
import MuseCardKit
import MuseCardOperations

extension FormCatalog {
    /// The lock reasons in the order the operations layer lists them.
    public static let lockReasons = LockReason.Code.allCases.map(\.rawValue)

    /// Reason (pick one of six) and note (required for OTHER), for one card or several.
    static func lockForm(_ kind: FormState.Kind) -> FormState {
        FormState(kind: kind, fields: [
            FormField(name: "lock_reason", label: "Reason", value: lockReasons[0], choices: lockReasons, hint: "←/→ to choose"),
            FormField(name: "note", label: "Note", hint: "optional; required for OTHER", maxLength: LockReason.maxNoteLength),
        ])
    }
}

extension FormSubmission {
    /// The reason a lock form names; the layer's rule (note required for OTHER) lands on the note.
    static func lockReason(_ form: FormState) throws(MusePayError) -> LockReason {
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        return try LockReason(parsing: form.value("lock_reason"), note: note.isEmpty ? nil : note)
    }
}
