import Foundation

/// Times shown to people, in UTC whatever the machine's zone; cheap enough for every frame.
enum UTCTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()

    /// `2026-11-25 11:40 UTC`, or `2026-11-25 11:40:15 UTC` with seconds.
    static func text(_ date: Date, seconds: Bool) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let minute = String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        return minute + (seconds ? String(format: ":%02d", c.second ?? 0) : "") + " UTC"
    }

    /// `2026-11-25`, the day alone.
    static func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// `11:40:15`, the time of day alone.
    static func clock(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `12:03` for a time today, `2026-11-24 12:03` for an earlier day (UTC).
    static func short(_ date: Date, now: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        guard !calendar.isDate(date, inSameDayAs: now) else { return time }
        return String(format: "%04d-%02d-%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0) + time
    }
}
