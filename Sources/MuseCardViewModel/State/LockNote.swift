import Foundation
import MuseCardKit
import MuseCardOperations

/// Why, when and by whom a card was last locked, as the audit trail recorded it.
public struct LockNote: Sendable, Equatable {
    public var time: Date
    public var operatorName: String
    public var ticket: String?
    /// `nil` for a lock recorded before reasons existed (or sent without one).
    public var reason: LockReason?

    public init(time: Date, operatorName: String, ticket: String? = nil, reason: LockReason? = nil) {
        self.time = time
        self.operatorName = operatorName
        self.ticket = ticket
        self.reason = reason
    }

    /// `12:03 by anna — FRAUD_SUSPECTED, SUP-1: note`: the date is added when not today, or
    /// always (with the zone) without a `now`. Sanitised: the audit trail holds typed text.
    public func text(now: Date?) -> String {
        let when = now.map { UTCTime.short(time, now: $0) } ?? UTCTime.text(time, seconds: false)
        var text = "\(when) by \(ServiceText.sanitize(operatorName))"
        var why = reason?.code.rawValue ?? "no reason recorded"
        if let ticket { why += ", \(ServiceText.sanitize(ticket))" }
        if let note = reason?.note { why += ": \(ServiceText.sanitize(note))" }
        text += " — " + why
        return text
    }
}
