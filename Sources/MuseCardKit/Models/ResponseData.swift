/// The typed `data` of an answer, read leniently and written back as JSON.
public protocol ResponseData: Sendable {
    /// Reads `data`; `nil` when the answer had none.
    init(data: JSONValue?) throws(MusePayError)
    /// The decoded data as JSON with the service's key spelling, for scripts.
    var json: JSONValue { get }
}

/// Answers that carry no `data` (change-pin, limit change).
public struct NoData: ResponseData, Equatable {
    public init() {}
    public init(data: JSONValue?) {}
    public var json: JSONValue { .object([:]) }
}

/// Answers whose `data` is not modelled; kept as it came.
public struct RawData: ResponseData, Equatable {
    public let value: JSONValue
    public init(data: JSONValue?) { value = data ?? .object([:]) }
    public var json: JSONValue { value }
}
