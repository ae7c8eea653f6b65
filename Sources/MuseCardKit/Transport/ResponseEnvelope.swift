/// The `{code, message, data}` answer, with `code` as a number or a string.
struct ResponseEnvelope {
    let code: String
    let message: String
    let data: JSONValue?

    init(bytes: [UInt8]) throws(MusePayError) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .undecodable(error.description)
        }
        guard case .object = document else { throw .undecodable("the answer is not a JSON object") }
        guard let code = document["code"]?.scalarText else { throw .undecodable("the answer has no code") }
        self.code = code
        message = document["message"]?.scalarText ?? ""
        let data = document["data"]
        self.data = data == .null ? nil : data
    }

    var isSuccess: Bool { code == "200" }
}
