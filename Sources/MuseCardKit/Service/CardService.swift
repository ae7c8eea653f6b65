/// The MusePay card API as the rest of MuseCard sees it: the live client or a fake.
public protocol CardService: Sendable {
    /// Validates, signs and sends a request, with the client's retries; errors are typed.
    func send<Request: MusePayRequest>(_ request: Request) async throws(MusePayError) -> Request.Response
}

extension MusePayClient: CardService {}
