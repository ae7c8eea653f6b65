import Foundation
import MuseCardKit

/// The JSON Lines form of an audit entry: one flat object per line, dates in ISO 8601 UTC.
enum AuditCoding {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func line(_ entry: AuditEntry) -> String {
        var b = JSONObjectBuilder()
        b.set("time", timeText(entry.time))
        b.set("operator", entry.operatorName)
        b.set("session", entry.sessionId)
        b.set("ticket", entry.ticket)
        b.set("profile", entry.profile)
        b.set("user_id", entry.userId)
        b.set("card_id", entry.cardId)
        b.set("action", entry.action)
        b.set("parameters", json: .object(SecretFilter.strip(entry.parameters).mapValues(JSONValue.string)))
        b.set("type", entry.phase.rawValue)
        b.set("operation_id", entry.operationId)
        b.set("run_id", entry.runId)
        if let outcome = entry.outcome {
            b.set("outcome", outcome.name)
            switch outcome {
            case .applied: break
            case .refused(let code, let message):
                b.set("code", code)
                b.set("message", message)
            case .notSent(let error), .unknown(let error):
                b.set("error", error)
            }
        }
        if !entry.values.isEmpty {
            b.set("values", json: .object(SecretFilter.strip(entry.values).mapValues(JSONValue.string)))
        }
        b.set("request_id", entry.requestId)
        return b.object.jsonText()
    }

    static func entry(_ bytes: some Collection<UInt8>) throws(Failure) -> AuditEntry {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw Failure(description: error.description) }
        guard json.objectValue != nil else { throw Failure(description: "not a JSON object") }
        let f = JSONFields(json)
        func need(_ key: String) throws(Failure) -> String {
            guard let value = f.string(key) else { throw Failure(description: "missing \(key)") }
            return value
        }
        let timeText = try need("time")
        guard let time = date(timeText) else { throw Failure(description: "time \(timeText) is not ISO 8601") }
        // Lines written before intents existed have no type: they are results.
        guard let phase = AuditPhase(rawValue: f.string("type") ?? "result") else {
            throw Failure(description: "unknown type \(f.string("type") ?? "")")
        }
        let outcome = phase == .intent ? nil : try outcome(f)
        let parameters = f.value("parameters")?.objectValue?.compactMapValues(\.scalarText) ?? [:]
        let values = f.value("values")?.objectValue?.compactMapValues(\.scalarText) ?? [:]
        return AuditEntry(time: time, operatorName: try need("operator"), sessionId: try need("session"),
                          ticket: f.string("ticket"), profile: try need("profile"), userId: try need("user_id"),
                          cardId: f.string("card_id"), action: try need("action"), parameters: parameters,
                          phase: phase, outcome: outcome, values: values, requestId: f.string("request_id"),
                          operationId: f.string("operation_id"), runId: f.string("run_id"))
    }

    /// The outcome of a result line; `ok` and `failed` are read from lines of earlier versions.
    static func outcome(_ f: JSONFields) throws(Failure) -> AuditOutcome {
        let error = f.string("error") ?? ""
        switch f.string("outcome") {
        case "applied", "ok": return .applied
        case "refused": return .refused(code: f.string("code") ?? "", message: f.string("message") ?? "")
        case "not-sent": return .notSent(error)
        // An old `failed` line cannot say whether the request left: treat it as unknown.
        case "unknown", "failed": return .unknown(error)
        case let other: throw Failure(description: other.map { "unknown outcome \($0)" } ?? "missing outcome")
        }
    }

    /// `2026-11-25T08:15:00.123Z`.
    static func timeText(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// Reads ISO 8601 with or without fractional seconds, and a bare `YYYY-MM-DD` as midnight UTC.
    static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)) { return date }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: .iso8601.year().month().day().dateSeparator(.dash)) { return date }
        return nil
    }
}
