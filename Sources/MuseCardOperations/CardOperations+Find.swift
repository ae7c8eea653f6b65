import Foundation
import MuseCardKit
import MuseCardStore

/// A cardholder found by a query: who they are, as far as the index and the service know, and their known cards.
public struct CardholderMatch: Sendable, Equatable {
    public var userId: String
    public var profile: CardholderProfile?
    /// The label the console keeps (a demo name, or what an agent typed).
    public var label: String?
    /// Known cards with their last status (`nil` until fetched).
    public var cards: [(cardId: String, status: CardStatus?)]

    public static func == (a: CardholderMatch, b: CardholderMatch) -> Bool {
        a.userId == b.userId && a.profile == b.profile && a.label == b.label
            && a.cards.elementsEqual(b.cards) { $0.cardId == $1.cardId && $0.status == $1.status }
    }

    /// The name to show: the profile's, else the label.
    public var name: String? { profile?.name ?? label }

    /// The phone with all but its last four digits hidden.
    public var maskedPhone: String? {
        guard let phone = profile?.phone, phone.count > 4 else { return nil }
        return "•••" + phone.suffix(4)
    }
}

/// What a search found, and the service error met on the way, if any (the index still answered).
public struct CardholderFindReport: Sendable, Equatable {
    public var matches: [CardholderMatch]
    public var serviceError: MusePayError?
}

extension CardOperations {
    /// Finds cardholders by any of `queries`: an xid asks the service (`/v1/carduser/query`);
    /// phone, email and name search the index of everything seen; a match whose xid the index
    /// knows is asked for again, so what is shown is current.
    public func findCardholders(_ queries: [CardholderQuery]) async -> CardholderFindReport {
        var report = CardholderFindReport(matches: [], serviceError: nil)
        var userIds: [String] = []
        func note(_ ids: [String]) { for id in ids where !userIds.contains(id) { userIds.append(id) } }
        // Read once: the known cardholders answer both "is this id known" and the labels.
        let known = (try? await cache?.cardholders()) ?? []
        for query in queries {
            switch query {
            case .userId(let id):
                if known.contains(where: { $0.userId == id }) { note([id]) }
            case .xid(let xid):
                switch await askService(xid: xid) {
                case .success(let profile)?: note([profile.userId])
                case .failure(let error)?: report.serviceError = report.serviceError ?? error
                case nil: break
                }
                note((try? await cache?.searchCardholders(.xid(xid))) ?? [])
            case .phone(let phone):
                note((try? await cache?.searchCardholders(.phone(CardholderQuery.phoneDigits(phone) ?? phone))) ?? [])
            case .email(let email): note((try? await cache?.searchCardholders(.email(email))) ?? [])
            case .name(let name): note((try? await cache?.searchCardholders(.name(name))) ?? [])
            }
        }
        let labels = Dictionary(known.map { ($0.userId, $0.label) }) { first, _ in first }
        for userId in userIds {
            var profile = try? await cache?.profile(of: userId)
            if let xid = profile?.xid, case .success(let fresh)? = await askService(xid: xid) { profile = fresh }
            let cards = ((try? await cache?.cards(of: userId)) ?? []).map { (cardId: $0.cardId, status: $0.record?.status) }
            report.matches.append(CardholderMatch(userId: userId, profile: profile, label: labels[userId] ?? nil, cards: cards))
        }
        return report
    }

    /// The service's current record of `xid`, kept in the index; nil when the service knows no such cardholder.
    private func askService(xid: String) async -> Result<CardholderProfile, MusePayError>? {
        do throws(MusePayError) {
            let user = try await service.send(CardUserQueryRequest(userXid: xid))
            guard let userId = user.userId else { return nil }
            let profile = CardholderProfile(userId: userId, xid: user.userXid ?? xid, firstName: user.firstName, lastName: user.lastName,
                                            email: user.email, phone: user.phoneNumber.flatMap(CardholderQuery.phoneDigits), kycStatus: user.kycStatus)
            try? await cache?.saveProfile(profile)
            return .success(profile)
        } catch {
            if case .refused(let code, _) = error, code == "7000" { return nil }
            if case .validation = error { return nil }
            return .failure(error)
        }
    }
}
