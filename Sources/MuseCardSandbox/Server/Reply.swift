import MuseCardKit

/// One answer of the sandbox before it becomes an HTTP response.
struct Reply: Sendable {
    var status: Int
    var body: String
    var headers: [String: String] = [:]
    /// Close the connection instead of answering.
    var drop = false
    /// Stats key when the request was turned down or faulted.
    var reason: String?

    /// The `{code, message, data}` envelope; `codeAsString` picks the endpoint's quirk.
    static func envelope(code: String, message: String, data: JSONValue?, codeAsString: Bool, status: Int = 200,
                         reason: String? = nil) -> Reply {
        var members: [String: JSONValue] = [
            "code": codeAsString ? .string(code) : .number(code),
            "message": .string(message),
        ]
        if let data { members["data"] = data }
        return Reply(status: status, body: JSONValue.object(members).jsonText(), reason: reason)
    }

    static func success(_ data: JSONValue?, codeAsString: Bool) -> Reply {
        envelope(code: "200", message: "success", data: data, codeAsString: codeAsString)
    }

    static func rejected(_ rejection: Rejection, codeAsString: Bool) -> Reply {
        envelope(code: rejection.code, message: rejection.message, data: nil, codeAsString: codeAsString,
                 status: rejection.httpStatus, reason: rejection.reason)
    }

    /// Plain JSON for the `/_sandbox/…` endpoints.
    static func json(_ value: JSONValue, status: Int = 200) -> Reply {
        Reply(status: status, body: value.prettyText())
    }
}
