import Foundation
import MuseCardKit

/// A cache in memory with the same behaviour as `SQLiteCardCache`, for view-model tests.
public actor InMemoryCardCache: CardCache {
    private var holders: [String: CardholderEntry] = [:]
    private var cardList: [CachedCard] = []
    private var profiles: [String: CardholderProfile] = [:]

    /// An empty cache.
    public init() {}

    public func cardholders() -> [CardholderEntry] {
        holders.values.map { holder in
            var counted = holder
            counted.cardCount = cardList.count { $0.userId == holder.userId }
            return counted
        }.sorted { a, b in
            switch (a.lastOpened, b.lastOpened) {
            case let (x?, y?): return x != y ? x > y : a.userId < b.userId
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return a.userId < b.userId
            }
        }
    }

    public func recordOpened(userId: String, label: String?, at date: Date) {
        var entry = holders[userId] ?? CardholderEntry(userId: userId)
        if let label { entry.label = label }
        entry.lastOpened = date
        holders[userId] = entry
    }

    public func labelCardholder(userId: String, label: String) {
        noteHolder(userId)
        holders[userId]?.label = label
    }

    public func cards(of userId: String) -> [CachedCard] { cardList.filter { $0.userId == userId } }

    public func addCard(userId: String, cardId: String, at date: Date) {
        guard index(userId, cardId) == nil else { return }
        noteHolder(userId)
        cardList.append(CachedCard(userId: userId, cardId: cardId, addedAt: date))
    }

    public func forgetCard(userId: String, cardId: String) {
        cardList.removeAll { $0.userId == userId && $0.cardId == cardId }
    }

    public func forgetCardholder(userId: String) {
        holders[userId] = nil
        profiles[userId] = nil
        cardList.removeAll { $0.userId == userId }
    }

    public func forgetAll() {
        holders = [:]
        cardList = []
        profiles = [:]
    }

    public func saveRecord(_ record: CardRecord, fetchedAt: Date) {
        addCard(userId: record.userId, cardId: record.cardId, at: fetchedAt)
        guard let i = index(record.userId, record.cardId) else { return }
        cardList[i].record = record
        cardList[i].fetchedAt = fetchedAt
        cardList[i].lastError = nil
        cardList[i].lastErrorAt = nil
    }

    public func saveError(userId: String, cardId: String, message: String, at date: Date) {
        addCard(userId: userId, cardId: cardId, at: date)
        guard let i = index(userId, cardId) else { return }
        cardList[i].lastError = message
        cardList[i].lastErrorAt = date
    }

    public func saveProfile(_ profile: CardholderProfile) {
        noteHolder(profile.userId)
        var kept = profiles[profile.userId] ?? CardholderProfile(userId: profile.userId)
        kept.xid = profile.xid ?? kept.xid
        kept.firstName = profile.firstName ?? kept.firstName
        kept.lastName = profile.lastName ?? kept.lastName
        kept.email = profile.email ?? kept.email
        kept.phone = profile.phone ?? kept.phone
        kept.kycStatus = profile.kycStatus ?? kept.kycStatus
        profiles[profile.userId] = kept
    }

    public func profile(of userId: String) -> CardholderProfile? { profiles[userId] }

    public func searchCardholders(_ search: CardholderSearch) -> [String] {
        var found = Set<String>()
        switch search {
        case .xid(let xid): found = Set(profiles.values.filter { $0.xid == xid }.map(\.userId))
        case .email(let email): found = Set(profiles.values.filter { $0.email?.lowercased() == email.lowercased() }.map(\.userId))
        case .name(let text):
            let needle = text.lowercased()
            found = Set(holders.values.filter { holder in
                let profile = profiles[holder.userId]
                let hay = [profile?.firstName, profile?.lastName, holder.label].compactMap { $0 }.joined(separator: " ").lowercased()
                return hay.contains(needle)
            }.map(\.userId))
        case .phone(let digits):
            for candidate in CardholderSearch.phoneCandidates(digits) {
                found.formUnion(profiles.values.filter { $0.phone?.hasSuffix(candidate) == true }.map(\.userId))
                found.formUnion(cardList.filter { $0.record?.phoneNumber == candidate }.map(\.userId))
            }
        }
        return found.sorted()
    }

    private func index(_ userId: String, _ cardId: String) -> Int? {
        cardList.firstIndex { $0.userId == userId && $0.cardId == cardId }
    }

    private func noteHolder(_ userId: String) {
        if holders[userId] == nil { holders[userId] = CardholderEntry(userId: userId) }
    }
}
