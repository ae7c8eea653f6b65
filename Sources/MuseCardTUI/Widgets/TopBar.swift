import Foundation
import MuseCardViewModel

/// The top line: product, environment badge, operator, cardholder, ticket, connectivity, activity.
public enum TopBar {
    static let spinnerFrames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    /// From this width on, "online" carries the time of the last answer; narrower bars keep the room for the cardholder.
    static let wideBar = 100

    /// Draws the bar across `rect` (one row).
    public static func draw(_ model: TopBarModel, on canvas: Canvas, in rect: Rect, now: Date) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, role: Role.topBar)
        let wide = rect.width >= wideBar
        let right = rightText(model, now: now, wide: wide)
        let rightWidth = TextWidth.of(right)
        let rightCol = max(rect.col, rect.right - rightWidth - 1)
        canvas.put(right, row: rect.row, col: rightCol, role: Role.topBar, maxWidth: rect.right - rightCol)

        var col = canvas.segment(" " + model.product + " ", row: rect.row, col: rect.col, width: rect.width, role: Role.topBar)
        col = canvas.segment(" \(model.environment) ", row: rect.row, col: col, width: rightCol - col, role: badgeRole(model))
        let limit = rightCol - 1
        let parts = leftParts(model, wide: wide)
        // Who else is here stays in view: the cardholder gives way to it (down to a readable part).
        let viewers = model.viewers.isEmpty || parts.count < 2 ? 0 : TextWidth.of("  " + parts[1])
        // The cardholder may be elided; the rest is shown whole or not at all.
        for (index, part) in parts.enumerated() {
            let text = "  " + part
            if index == 0 {
                guard col + 8 < limit else { break }
                let room = limit - col - viewers >= 14 ? limit - col - viewers : limit - col
                col = canvas.segment(text, row: rect.row, col: col, width: room, role: Role.topBar)
                continue
            }
            guard col + TextWidth.of(text) <= limit else { break }
            col = canvas.segment(text, row: rect.row, col: col, width: limit - col, role: Role.topBar)
        }
    }

    /// The role of the environment badge; production is unmistakable.
    static func badgeRole(_ model: TopBarModel) -> String {
        if model.isProduction { return Role.badgeProduction }
        return model.environment.uppercased() == "SANDBOX" ? Role.badgeSandbox : Role.badgeTest
    }

    /// Operator, cardholder and ticket, most important first so narrow bars drop the tail.
    static func leftParts(_ model: TopBarModel, wide: Bool = true) -> [String] {
        var parts: [String] = []
        if let cardholder = model.cardholder, !cardholder.isEmpty { parts.append("cardholder: " + cardholder) }
        if !model.viewers.isEmpty { parts.append((wide ? "also open: " : "with ") + model.viewers.joined(separator: ", ")) }
        if let ticket = model.ticket, !ticket.isEmpty { parts.append("ticket: " + ticket) }
        parts.append("operator: " + model.operatorName)
        return parts
    }

    /// Read-only flag, connectivity and the spinner, kept on the right.
    static func rightText(_ model: TopBarModel, now: Date, wide: Bool = true) -> String {
        var parts: [String] = []
        if model.marked > 0 { parts.append("✓ \(model.marked) marked") }
        if model.inFlight > 0 {
            let tick = Int(now.timeIntervalSinceReferenceDate * 8) % spinnerFrames.count
            let frame = spinnerFrames[(tick + spinnerFrames.count) % spinnerFrames.count]
            parts.append("\(frame) \(model.inFlight) busy")
        }
        if let retrying = model.retrying { parts.append(retrying) }
        if model.approvals > 0 { parts.append(wide ? "⚑ \(model.approvals) to approve (A)" : "⚑ \(model.approvals) (A)") }
        if model.fourEyesOff { parts.append("four-eyes off") }
        if model.teamStoreStale { parts.append("TEAM STORE UNREACHABLE") }
        if model.readOnly { parts.append("READ-ONLY") }
        // Offline, the time of the last answer always shows: it says how old the screen is.
        let contact = model.lastContact.map { model.isOnline ? (wide ? " \($0)" : "") : " (last answer \($0))" } ?? ""
        parts.append((model.isOnline ? "● online" : "○ OFFLINE") + contact)
        // The bar leads with a rule so `operator: root` never runs into `READ-ONLY`.
        return "│ " + parts.joined(separator: "  ")
    }
}
