import MuseCardKit
import MuseCardOperations

/// What a valid form asks for.
public enum FormOutcome: Sendable, Equatable {
    case command(CardOperation)
    case addCard(cardId: String)
    case openCardholder(userId: String, ticket: String?)
    /// Lock every listed card with one reason (confirmed next).
    case lockAll(cardIds: [String], reason: LockReason)
}

/// A submitted form: what it asks for, or the form again with its errors.
enum FormCheck: Equatable {
    case valid(FormOutcome)
    case invalid(FormState)
}

/// Checks a form with the client core's rules; errors land on the field they name.
enum FormSubmission {
    static func submit(_ form: FormState) -> FormCheck {
        var checked = form
        checked.error = nil
        for index in checked.fields.indices { checked.fields[index].error = nil }
        do throws(MusePayError) {
            return .valid(try outcome(of: checked))
        } catch {
            if case .validation(let field, let reason) = error, checked.fields.contains(where: { $0.name == field }) {
                checked.setError(field, reason)
                checked.focused = checked.fields.firstIndex { $0.name == field } ?? checked.focused
            } else {
                checked.error = error.description
            }
            return .invalid(checked)
        }
    }

    private static func outcome(of form: FormState) throws(MusePayError) -> FormOutcome {
        let v = form.value
        switch form.kind {
        case .updatePhone(let cardId):
            try FieldRules.areaCode(v("phone_area_code"))
            try FieldRules.phone(v("phone_number"))
            return .command(.updatePhone(cardId: cardId, areaCode: v("phone_area_code"), phone: v("phone_number")))
        case .changeLimit(let cardId):
            return .command(.changeLimit(cardId: cardId, amount: try DecimalAmount(parsing: v("daily_purchase_limit"))))
        case .changePIN(let cardId):
            let pin = try PIN(v("card_pin"))
            guard v("card_pin_repeat") == v("card_pin") else {
                throw .validation(field: "card_pin_repeat", reason: "does not match the new PIN")
            }
            return .command(.changePIN(cardId: cardId, pin: pin))
        case .replace(let cardId):
            let reason = v("replace_reason"), note = v("note").trimmingCharacters(in: .whitespaces)
            if reason == "OTHER" && note.isEmpty { throw .validation(field: "note", reason: "must say why when the reason is OTHER") }
            let text = note.isEmpty ? reason : "\(reason): \(note)"
            try FieldRules.replaceReason(text, field: "note")
            return .command(.replace(cardId: cardId, reason: text))
        case .lock(let cardId):
            return .command(.lock(cardId: cardId, reason: try lockReason(form)))
        case .lockAll(let cardIds):
            return .lockAll(cardIds: cardIds, reason: try lockReason(form))
        case .sensitiveInfo(let cardId):
            try FieldRules.ipAddress(v("ip_address"))
            return .command(.sensitiveInfo(cardId: cardId, ipAddress: v("ip_address")))
        case .apply:
            let name = v("embossed_name").trimmingCharacters(in: .whitespaces)
            let request = ApplyCardRequest(userId: "placeholder", requestId: "placeholder", cardProductId: v("card_product_id"),
                                           cardLevel: v("card_level"), phoneAreaCode: v("phone_area_code"),
                                           phoneNumber: v("phone_number"), embossedName: name.isEmpty ? nil : name)
            try request.validate()
            return .command(.apply(ApplyParameters(productId: request.cardProductId, level: request.cardLevel,
                                                   areaCode: request.phoneAreaCode, phone: request.phoneNumber, embossedName: request.embossedName)))
        case .addCard:
            try FieldRules.id(v("card_id"), field: "card_id")
            return .addCard(cardId: v("card_id"))
        case .openCardholder:
            try FieldRules.id(v("user_id"), field: "user_id")
            let ticket = v("ticket").trimmingCharacters(in: .whitespaces)
            if !ticket.isEmpty { try FieldRules.printable(ticket, field: "ticket", max: 64) }
            return .openCardholder(userId: v("user_id"), ticket: ticket.isEmpty ? nil : ticket)
        }
    }
}

import Foundation
