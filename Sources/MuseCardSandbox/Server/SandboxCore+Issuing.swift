import Foundation
import MuseCardKit

/// Issuing endpoints: apply, apply-result, replace.
extension SandboxCore {
    func apply(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let input = ApplyInput(
            userId: try fields.id("user_id"), requestId: try fields.id("request_id"),
            productId: try fields.id("card_product_id"), cardLevel: try fields.id("card_level"),
            phoneAreaCode: try fields.required("phone_area_code"), phoneNumber: try fields.required("phone_number"),
            embossedName: try fields.optional("embossed_name"))
        try fields.check { () throws(MusePayError) in try FieldRules.areaCode(input.phoneAreaCode) }
        try fields.check { () throws(MusePayError) in try FieldRules.phone(input.phoneNumber) }
        guard ["1", "2", "3"].contains(input.cardLevel) else { throw .invalid("card_level", "must be 1, 2 or 3") }
        if let name = input.embossedName {
            try fields.check { () throws(MusePayError) in try FieldRules.printable(name, field: "embossed_name", max: 64) }
        }
        let now = self.now
        let (application, status) = try withBook(at: now) { book throws(Rejection) in
            let application = try book.apply(input, now: now)
            return (application, application.status(now: now, auditDelay: book.auditDelay))
        }
        return ["apply_status": .string(status.rawValue),
                "apply_id": .string(application.applyId), "request_id": .string(application.requestId)]
    }

    func applyResult(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), requestId = try fields.id("request_id")
        let applyId = try fields.optionalId("apply_id")
        let now = self.now
        let (application, status) = try withBook(at: now) { book throws(Rejection) in
            let application = try book.application(requestId: requestId, userId: user, applyId: applyId)
            return (application, application.status(now: now, auditDelay: book.auditDelay))
        }
        var data: [String: JSONValue] = [
            "request_id": .string(requestId), "user_id": .string(user), "apply_id": .string(application.applyId),
            "apply_status": .string(status.rawValue),
        ]
        if status == .cardInit { data["card_id"] = .string(application.cardId) }
        return .object(data)
    }

    func replace(_ fields: FieldReader) throws(Rejection) -> JSONValue {
        let user = try fields.id("user_id"), cardId = try fields.id("original_card_id")
        let requestId = try fields.id("request_id")
        let reason = try fields.required("replace_reason")
        try fields.check { () throws(MusePayError) in try FieldRules.replaceReason(reason) }
        let now = self.now
        let card = try withBook(at: now) { book throws(Rejection) in try book.replace(cardId, user: user, requestId: requestId, now: now) }
        return ["user_id": .string(user), "card_id": .string(card.cardId), "card_status": .string(card.status.rawValue)]
    }
}
