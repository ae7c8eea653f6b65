import Foundation
import MuseCardKit

/// The session summary, fit to paste into the ticket: per cardholder, what was done with which
/// values and outcome, and every card's status at the end.
public enum SessionSummary {
    /// Plain text, as printed when the console closes.
    public static func text(_ state: ConsoleState, now: Date) -> String {
        render(state, now: now, markdown: false)
    }

    /// Markdown, for `--summary-file` and `summary_dir`.
    public static func markdown(_ state: ConsoleState, now: Date) -> String {
        render(state, now: now, markdown: true)
    }

    /// Keeps the open cardholder's cards for the summary before another cardholder is opened.
    static func rememberCurrentCardholder(_ state: inout ConsoleState) {
        guard let holder = state.data.cardholder, state.data.log.contains(where: { $0.userId == holder.userId }) else { return }
        state.data.earlierCardholders.removeAll { $0.userId == holder.userId }
        state.data.earlierCardholders.append(TouchedCardholder(userId: holder.userId, label: holder.label, ticket: holder.ticket,
                                                               cards: cardStatuses(state.data.cards)))
    }

    private static func cardStatuses(_ cards: [CardEntry]) -> [(String, String)] {
        cards.map { ($0.cardId, $0.record?.status.rawValue ?? ($0.error != nil ? "unknown (last refresh failed)" : "not loaded")) }
    }

    private static func render(_ state: ConsoleState, now: Date, markdown: Bool) -> String {
        let s = ServiceText.sanitize
        let session = state.session
        var lines = [(markdown ? "# " : "") + "MuseCard session \(s(session.sessionId)) — operator \(s(session.operatorName)), \(s(session.environment)) (profile \(s(session.profile)))"]
        lines.append("From \(UTCTime.text(session.startedAt, seconds: true)) to \(UTCTime.text(now, seconds: true))")
        var holders = state.data.earlierCardholders
        if let current = state.data.cardholder {
            holders.removeAll { $0.userId == current.userId }
            holders.append(TouchedCardholder(userId: current.userId, label: current.label, ticket: current.ticket,
                                             cards: cardStatuses(state.data.cards)))
        }
        let touched = holders.filter { holder in state.data.log.contains { $0.userId == holder.userId } }
        if touched.isEmpty {
            if let current = state.data.cardholder {
                lines.append("Cardholder: \(s(current.userId))" + (current.label.map { " (\(s($0)))" } ?? ""))
            }
            lines.append("No changes were made.")
        }
        for holder in touched {
            lines.append("")
            let name = s(holder.userId) + (holder.label.map { " (\(s($0)))" } ?? "") + (holder.ticket.map { ", ticket \(s($0))" } ?? "")
            lines.append(markdown ? "## Cardholder \(name)" : "Cardholder \(name)")
            lines.append(markdown ? "" : "  Actions:")
            for event in state.data.log where event.userId == holder.userId {
                var line = "\(UTCTime.clock(event.time))  \(event.action)"
                if let card = event.cardId { line += " \(s(card))" }
                let values = event.values.sorted { $0.key < $1.key }.map { "\($0.key)=\(s($0.value))" }
                if !values.isEmpty { line += " (" + values.joined(separator: ", ") + ")" }
                line += ": \(s(event.outcome))"
                if let id = event.requestId { line += " [request_id \(s(id))]" }
                lines.append(markdown ? "- \(line)" : "    \(line)")
            }
            let cards = holder.cards.map { "\(s($0.0)) \(s($0.1))" }
            if !cards.isEmpty {
                lines.append(markdown ? "\nCards now: " + cards.joined(separator: ", ") : "  Cards now: " + cards.joined(separator: ", "))
            }
        }
        let open = state.data.operations.filter { $0.isInFlight || $0.kind == .replace }
        if !open.isEmpty {
            lines.append("")
            lines.append("Still pending: " + open.map { "\($0.kind.rawValue) \(s($0.requestId)) \(s($0.status))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
