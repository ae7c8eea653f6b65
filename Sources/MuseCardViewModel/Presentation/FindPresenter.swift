import MuseCardKit
import MuseCardOperations

/// A cardholder search in the picker: name, KYC status, masked phone and known cards per match.
enum FindPresenter {
    static func picker(_ picker: PickerState) -> PickerModel {
        let s = ServiceText.sanitize
        let results = picker.results ?? []
        let entries = results.map { match in
            PickerModel.Entry(userId: s(match.userId), label: s(match.name ?? "(name unknown)"), detail: detail(match))
        }
        let stale = picker.searched != picker.input
        let placeholder: String?
        if picker.isSearching {
            placeholder = "Searching…"
        } else if entries.isEmpty {
            placeholder = CardholderQuery.isIdentifier(picker.input) ? "Nobody known by that; Enter opens user id \(s(picker.input)) as typed."
                : "Nobody found."
        } else {
            placeholder = nil
        }
        let title = stale ? "Find a cardholder — Enter searches again" : "Found for \"\(s(picker.searched ?? ""))\""
        return PickerModel(title: title, entries: entries, selected: picker.selected, input: s(picker.input),
                           error: picker.error.map(s), placeholder: placeholder, resultsFocused: !stale)
    }

    /// `KYC PASSED  •••5678  VC1 ACTIVE, VC2 LOCK`.
    static func detail(_ match: CardholderMatch) -> String {
        let s = ServiceText.sanitize
        var parts: [String] = []
        if let kyc = match.profile?.kycStatus { parts.append("KYC \(s(kyc))") }
        if let phone = match.maskedPhone { parts.append(s(phone)) }
        let cards = match.cards.map { "\(s($0.cardId)) \(s($0.status?.rawValue ?? "?"))" }
        parts.append(cards.isEmpty ? "no known cards" : cards.joined(separator: ", "))
        return parts.joined(separator: "  ")
    }
}
