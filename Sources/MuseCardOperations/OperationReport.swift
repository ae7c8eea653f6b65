import Foundation
import MuseCardKit

/// How one operation ended, as every front reports it: outcome, answer or error, exit code, text.
public struct OperationReport: Sendable, Equatable {
    /// Links the audit intent and result.
    public var operationId: String
    public var operation: CardOperation
    public var userId: String
    /// The idempotency key, for apply and replace.
    public var requestId: String?
    public var outcome: Outcome
    /// The answer, when applied.
    public var answer: OperationAnswer?
    /// The decoded answer as JSON with the service's key spelling, for scripts; never for the one-time link.
    public var answerJSON: JSONValue?
    /// The error, when not applied.
    public var error: MusePayError?
    /// A pending request was sent again under its first `request_id`.
    public var resumedFrom: Date?
    /// The service says the card does not exist (7000): it was not added; if cached, offer to forget it.
    public var cardUnknown = false
    /// Whether the audit result was written; `false` makes the command line exit 74.
    public var recorded = true
    /// Store problems that lost nothing the service did (cache or journal warnings).
    public var warnings: [String] = []
    /// When the outcome was known.
    public var at: Date

    /// A report; the layer makes them, fronts' tests too.
    public init(operationId: String, operation: CardOperation, userId: String, requestId: String? = nil, outcome: Outcome,
                answer: OperationAnswer? = nil, error: MusePayError? = nil, at: Date) {
        self.operationId = operationId
        self.operation = operation
        self.userId = userId
        self.requestId = requestId
        self.outcome = outcome
        self.answer = answer
        self.error = error
        self.at = at
    }

    /// The command line's exit status.
    public var exitCode: Int32 {
        if outcome == .applied { return recorded ? ExitCodes.success : ExitCodes.ioError }
        return error?.exitCode(isChange: true) ?? ExitCodes.unknown
    }

    /// One line for a flash or standard error, with every service string sanitised.
    public var message: String {
        let subject = operation.name.rawValue + (operation.cardId.map { " \(ServiceText.sanitize($0))" } ?? "")
        switch outcome {
        case .applied: return "\(subject): ok" + (answerText.map { ", \($0)" } ?? "")
        case .refused: return "\(subject): refused — \(errorText)"
        case .notSent: return "\(subject): not sent — \(errorText)"
        case .unknown: return "\(subject): outcome unknown — refresh the card (\(errorText))"
        }
    }

    /// What the answer said, sanitised; never the one-time link.
    public var answerText: String? {
        switch answer {
        case .status(let status)?: return status.map { "now \(ServiceText.sanitize($0.rawValue))" }
        case .replaced(let card, let status)?:
            return "new card \(ServiceText.sanitize(card))" + (status.map { " (\(ServiceText.sanitize($0.rawValue)))" } ?? "")
        case .applied(let receipt)?:
            return "application \(ServiceText.sanitize(receipt.applyId ?? "?")) \(ServiceText.sanitize(receipt.applyStatus?.rawValue ?? "APPLYING"))"
        case .sensitiveLink?, .done?, nil: return nil
        }
    }

    /// The error's one-line text, sanitised and cut to a readable length.
    public var errorText: String { error.map { ServiceText.message($0.description) } ?? "" }
}
