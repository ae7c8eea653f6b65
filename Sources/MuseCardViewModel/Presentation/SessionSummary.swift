import MuseCardKit
import Foundation

/// The plain-text session summary, fit to paste into the ticket.
public enum SessionSummary {
    public static func text(_ state: ConsoleState, now: Date) -> String {
        let s = ServiceText.sanitize
        var lines = ["MuseCard session \(state.session.sessionId) — operator \(s(state.session.operatorName)), \(state.session.environment) (profile \(s(state.session.profile)))"]
        if let holder = state.data.cardholder {
            lines.append("Cardholder: \(s(holder.userId))" + (holder.label.map { " (\(s($0)))" } ?? "") + (holder.ticket.map { ", ticket \(s($0))" } ?? ""))
        }
        lines.append("From \(UTCTime.text(state.session.startedAt, seconds: true)) to \(UTCTime.text(now, seconds: true))")
        if state.data.log.isEmpty {
            lines.append("No changes were made.")
        } else {
            lines.append("Actions:")
            for event in state.data.log {
                var line = "  \(UTCTime.clock(event.time))  \(event.action)"
                if let card = event.cardId { line += " \(s(card))" }
                line += ": \(s(event.outcome))"
                if let id = event.requestId { line += " (request_id \(s(id)))" }
                lines.append(line)
            }
        }
        let cards = state.data.cards.compactMap { card in card.record.map { "\(s(card.cardId)) \(s($0.status.rawValue))" } }
        if !cards.isEmpty { lines.append("Cards now: " + cards.joined(separator: ", ")) }
        let open = state.data.operations
        if !open.isEmpty { lines.append("Still pending: " + open.map { "\($0.kind.rawValue) \(s($0.requestId)) \($0.status)" }.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
