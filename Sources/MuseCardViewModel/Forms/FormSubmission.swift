import MuseCardKit
import MuseCardOperations

/// What a valid form asks for.
public enum FormOutcome: Sendable, Equatable {
    case command(CardOperation)
    case addCard(cardId: String)
    case openCardholder(userId: String, ticket: String?)
    /// Lock several cards with one reason (confirmed next).
    case lockMany(BulkCommand)
    /// Unlock a card locked for a sensitive reason once the typed digits match its last four.
    case unlockLastFour(cardId: String, typed: String)
    /// Ask a second person to approve an unlock.
    case requestApproval(cardId: String, note: String)
    /// Deny a request (confirmed next).
    case denyApproval(id: String, note: String)
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
        // Every field is checked on its own first, so all errors show at once, not one per Enter.
        var errors = fieldErrors(checked)
        if errors.isEmpty {
            do throws(MusePayError) {
                return .valid(try outcome(of: checked))
            } catch {
                errors = [error]
            }
        }
        for error in errors {
            if case .validation(let field, let reason) = error, checked.fields.contains(where: { $0.name == field }) {
                if checked.fields.first(where: { $0.name == field })?.error == nil { checked.setError(field, reason) }
            } else {
                checked.error = error.description
            }
        }
        checked.focused = checked.fields.firstIndex { $0.error != nil } ?? checked.focused
        return .invalid(checked)
    }

    /// Each field's own rule, run independently; cross-field rules come after, in `outcome`.
    static func fieldErrors(_ form: FormState) -> [MusePayError] {
        let v = form.value
        var errors: [MusePayError] = []
        func run(_ check: () throws(MusePayError) -> Void) {
            do throws(MusePayError) { try check() } catch { errors.append(error) }
        }
        switch form.kind {
        case .updatePhone:
            run { () throws(MusePayError) in try FieldRules.areaCode(FieldRules.areaCodeDigits(v("phone_area_code"))) }
            run { () throws(MusePayError) in try FieldRules.phone(v("phone_number")) }
        case .changeLimit:
            run { () throws(MusePayError) in _ = try DecimalAmount(parsing: v("daily_purchase_limit")) }
        case .changePIN:
            run { () throws(MusePayError) in _ = try PIN(v("card_pin")) }
            run { () throws(MusePayError) in if v("card_pin_repeat") != v("card_pin") { throw .validation(field: "card_pin_repeat", reason: "does not match the new PIN") } }
        case .apply:
            run { () throws(MusePayError) in try FieldRules.id(v("card_product_id"), field: "card_product_id") }
            run { () throws(MusePayError) in try FieldRules.areaCode(FieldRules.areaCodeDigits(v("phone_area_code"))) }
            run { () throws(MusePayError) in try FieldRules.phone(v("phone_number")) }
            let name = v("embossed_name").trimmingCharacters(in: .whitespaces)
            run { () throws(MusePayError) in if !name.isEmpty { try FieldRules.printable(name, field: "embossed_name", max: 64) } }
        case .lock, .lockMany:
            run { () throws(MusePayError) in _ = try lockReason(form) }
        case .unlockLastFour:
            run { () throws(MusePayError) in _ = try lastFour(form) }
        case .requestApproval, .denyApproval:
            run { () throws(MusePayError) in _ = try note(form) }
        case .replace, .sensitiveInfo, .addCard, .openCardholder:
            break
        }
        return errors
    }

    private static func outcome(of form: FormState) throws(MusePayError) -> FormOutcome {
        let v = form.value
        switch form.kind {
        case .updatePhone(let cardId):
            let area = FieldRules.areaCodeDigits(v("phone_area_code"))
            try FieldRules.areaCode(area)
            try FieldRules.phone(v("phone_number"))
            return .command(.updatePhone(cardId: cardId, areaCode: area, phone: v("phone_number")))
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
        case .lockMany(var bulk):
            bulk.reason = try lockReason(form)
            return .lockMany(bulk)
        case .sensitiveInfo(let cardId):
            try FieldRules.ipAddress(v("ip_address"))
            return .command(.sensitiveInfo(cardId: cardId, ipAddress: v("ip_address")))
        case .apply:
            let name = v("embossed_name").trimmingCharacters(in: .whitespaces)
            let request = ApplyCardRequest(userId: "placeholder", requestId: "placeholder", cardProductId: v("card_product_id"),
                                           cardLevel: v("card_level"), phoneAreaCode: FieldRules.areaCodeDigits(v("phone_area_code")),
                                           phoneNumber: v("phone_number"), embossedName: name.isEmpty ? nil : name)
            try request.validate()
            return .command(.apply(ApplyParameters(productId: request.cardProductId, level: request.cardLevel,
                                                   areaCode: request.phoneAreaCode, phone: request.phoneNumber, embossedName: request.embossedName)))
        case .addCard:
            try FieldRules.localId(v("card_id"), field: "card_id")
            return .addCard(cardId: v("card_id"))
        case .openCardholder:
            try FieldRules.id(v("user_id"), field: "user_id")
            let ticket = v("ticket").trimmingCharacters(in: .whitespaces)
            if !ticket.isEmpty { try FieldRules.printable(ticket, field: "ticket", max: 64) }
            return .openCardholder(userId: v("user_id"), ticket: ticket.isEmpty ? nil : ticket)
        case .unlockLastFour(let cardId):
            return .unlockLastFour(cardId: cardId, typed: try lastFour(form))
        case .requestApproval(let cardId):
            return .requestApproval(cardId: cardId, note: try note(form))
        case .denyApproval(let id):
            return .denyApproval(id: id, note: try note(form))
        }
    }

    /// Four characters typed: whether they are the card's is the reducer's check (it knows the record).
    private static func lastFour(_ form: FormState) throws(MusePayError) -> String {
        let typed = form.value("last4").trimmingCharacters(in: .whitespaces)
        guard typed.count == 4 else { throw .validation(field: "last4", reason: "type the card's last four digits") }
        return typed
    }

    /// A required note, checked like every note the audit keeps.
    private static func note(_ form: FormState) throws(MusePayError) -> String {
        let note = form.value("note").trimmingCharacters(in: .whitespaces)
        try FieldRules.printable(note, field: "note", max: LockReason.maxNoteLength)
        return note
    }
}

import Foundation
