import Foundation

/// What the transactions view asks MusePay for: status, type and a date range; each may be "all".
public struct TransactionFilters: Sendable, Equatable {
    /// How far back the view looks, up to today (UTC).
    public enum Range: Int, Sendable, CaseIterable {
        case all = 0, day = 1, week = 7, month = 30

        /// The title's words for it.
        public var label: String {
            switch self {
            case .all: return "all dates"
            case .day: return "last day"
            case .week: return "last 7 days"
            case .month: return "last 30 days"
            }
        }
    }

    /// What the status key cycles through, after "all".
    public static let statuses = ["DECLINED", "PENDING", "POSTED"]
    /// What the type key cycles through, after "all".
    public static let types = ["CHARGE", "TOP_UP"]

    public var status: String?
    public var type: String?
    public var range: Range = .all

    public init(status: String? = nil, type: String? = nil, range: Range = .all) {
        self.status = status
        self.type = type
        self.range = range
    }

    public var isEmpty: Bool { self == TransactionFilters() }

    /// The next status: all, then each of `statuses`, then all again.
    public func nextStatus() -> TransactionFilters { with(\.status, Self.cycle(status, Self.statuses)) }

    /// The next type: all, then each of `types`, then all again.
    public func nextType() -> TransactionFilters { with(\.type, Self.cycle(type, Self.types)) }

    /// The next range: all, last day, 7 days, 30 days, then all again.
    public func nextRange() -> TransactionFilters {
        let all = Range.allCases
        return with(\.range, all[((all.firstIndex(of: range) ?? 0) + 1) % all.count])
    }

    /// The filters that are on, for the view's title: `DECLINED, CHARGE, last 7 days`; `nil` when none.
    public var label: String? {
        let parts = [status, type, range == .all ? nil : range.label].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The request's filter fields at `now`: `tx_status`, `tx_type`, and `date_range_from`/`date_range_to`
    /// as UTC days (`YYYY-MM-DD`), the range ending today.
    public func fields(now: Date) -> [String: String] {
        var fields: [String: String] = [:]
        if let status { fields["tx_status"] = status }
        if let type { fields["tx_type"] = type }
        if range != .all {
            fields["date_range_from"] = UTCTime.day(now.addingTimeInterval(-Double(range.rawValue) * 86_400))
            fields["date_range_to"] = UTCTime.day(now)
        }
        return fields
    }

    private func with<Value>(_ path: WritableKeyPath<TransactionFilters, Value>, _ value: Value) -> TransactionFilters {
        var copy = self
        copy[keyPath: path] = value
        return copy
    }

    private static func cycle(_ current: String?, _ values: [String]) -> String? {
        let all: [String?] = [nil] + values.map { $0 }
        return all[((all.firstIndex(of: current) ?? 0) + 1) % all.count]
    }
}
