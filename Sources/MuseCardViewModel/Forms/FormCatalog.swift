import MuseCardKit
import MuseCardOperations

/// The forms the console offers, with their fields and sensible starting values.
public enum FormCatalog {
    public static let replaceReasons = ["LOST", "STOLEN", "DAMAGED", "EXPIRED", "OTHER"]
    /// The card levels API.md lists; it names only level 1.
    public static let levels = ["1": "Platinum", "2": "level 2 (no name in the API)", "3": "level 3 (no name in the API)"]
    /// The sandbox's card products (README, Demo data); offered only against a sandbox.
    public static let sandboxProducts = ["1001": "virtual USD", "1002": "virtual EUR", "2001": "physical USD",
                                         "2002": "physical EUR", "2003": "physical HKD"]

    static func make(_ kind: FormState.Kind, card: CardEntry?, state: ConsoleState? = nil) -> FormState {
        let record = card?.record
        switch kind {
        case .updatePhone:
            return FormState(kind: kind, fields: [
                FormField(name: "phone_area_code", label: "Area code", value: record?.phoneAreaCode ?? "", hint: "digits, e.g. 86 or +49", maxLength: 5),
                FormField(name: "phone_number", label: "Phone", hint: "4–15 digits", maxLength: 15),
            ])
        case .changeLimit:
            let current = record?.dailyPurchaseLimit.map(JSONObjectBuilder.text(of:)) ?? ""
            return FormState(kind: kind, fields: [
                FormField(name: "daily_purchase_limit", label: "Daily limit", value: current, hint: "e.g. 500 or 500.50", maxLength: 18),
            ])
        case .changePIN:
            return FormState(kind: kind, fields: [
                FormField(name: "card_pin", label: "New PIN", isSecret: true, hint: "4–6 digits", maxLength: 6),
                FormField(name: "card_pin_repeat", label: "Repeat PIN", isSecret: true, maxLength: 6),
            ])
        case .replace:
            return FormState(kind: kind, fields: [
                FormField(name: "replace_reason", label: "Reason", value: replaceReasons[0], choices: replaceReasons, hint: "←/→ to choose"),
                FormField(name: "note", label: "Note", hint: "optional; required for OTHER", maxLength: 100),
            ])
        case .lock, .lockMany:
            return lockForm(kind)
        case .sensitiveInfo:
            return FormState(kind: kind, fields: [
                FormField(name: "ip_address", label: "Client IP", hint: "the cardholder's device IP", maxLength: 45),
            ])
        case .apply:
            return FormState(kind: kind, fields: [
                productField(state),
                FormField(name: "card_level", label: "Level", value: "1", choices: ["1", "2", "3"], hint: "←/→ to choose", notes: levels),
                FormField(name: "phone_area_code", label: "Area code", hint: "digits, e.g. 86 or +49", maxLength: 5),
                FormField(name: "phone_number", label: "Phone", maxLength: 15),
                FormField(name: "embossed_name", label: "Embossed name", hint: "optional"),
            ])
        case .addCard:
            return FormState(kind: kind, fields: [FormField(name: "card_id", label: "Card id")])
        case .openCardholder:
            return FormState(kind: kind, fields: [
                FormField(name: "user_id", label: "User id"),
                FormField(name: "ticket", label: "Ticket", hint: "optional"),
            ])
        case .unlockLastFour(let id):
            return unlockLastFour(card ?? CardEntry(cardId: id))
        case .requestApproval(let id):
            return requestApproval(card ?? CardEntry(cardId: id), previous: nil)
        case .denyApproval:
            return FormState(kind: kind, fields: [FormField(name: "note", label: "Note", maxLength: LockReason.maxNoteLength)])
        }
    }

    /// The product id: typed, or ←/→ through the products of the cardholder's cards (and the
    /// sandbox's, against a sandbox); the service has no list of products to ask.
    static func productField(_ state: ConsoleState?) -> FormField {
        var known = state?.data.cards.compactMap { $0.record?.productId }.filter { !$0.isEmpty } ?? []
        var notes: [String: String] = [:]
        if state?.session.environment.hasPrefix("SANDBOX") == true {
            known += sandboxProducts.keys.sorted()
            notes = sandboxProducts
        }
        var seen = Set<String>()
        let suggestions = known.filter { seen.insert($0).inserted }
        return FormField(name: "card_product_id", label: "Product id", value: suggestions.first ?? "",
                         hint: suggestions.isEmpty ? "the product id MusePay gave you" : "←/→ known products, or type one",
                         suggestions: suggestions, notes: notes)
    }

    /// The popup title of a form.
    static func title(_ kind: FormState.Kind) -> String {
        switch kind {
        case .updatePhone(let id): return "Update phone — \(id)"
        case .changeLimit(let id): return "Daily limit — \(id)"
        case .changePIN(let id): return "Change PIN — \(id)"
        case .replace(let id): return "Replace card — \(id)"
        case .sensitiveInfo(let id): return "Reveal card data — \(id)"
        case .lock(let id): return "Lock card — \(id)"
        case .lockMany(let bulk):
            let count = bulk.cardIds.count
            return "Lock \(count) \(bulk.scope == .marked ? "marked" : "active") card\(count == 1 ? "" : "s")"
        case .apply: return "Apply for a card"
        case .addCard: return "Add a card id"
        case .openCardholder: return "Open cardholder"
        case .unlockLastFour(let id): return "Unlock card? — \(id)"
        case .requestApproval(let id): return "Ask for approval — \(id)"
        case .denyApproval(let id): return "Deny request \(id)"
        }
    }

    static func submitLabel(_ kind: FormState.Kind) -> String {
        switch kind {
        case .replace, .lock, .lockMany: return "Continue"
        case .changePIN: return "Continue"
        case .sensitiveInfo: return "Get link"
        case .apply: return "Apply"
        case .addCard: return "Add"
        case .openCardholder: return "Open"
        case .unlockLastFour: return "Unlock"
        case .requestApproval: return "Ask for approval"
        case .denyApproval: return "Continue"
        case .updatePhone, .changeLimit: return "Save"
        }
    }
}
