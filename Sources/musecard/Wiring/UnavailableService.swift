import MuseCardKit

/// A service that is not there (the client cannot be configured, or the command only changes the
/// local index): every call fails unsent with the reason.
struct UnavailableService: CardService {
    let error: MusePayError

    func send<Request: MusePayRequest>(_ request: Request) async throws(MusePayError) -> Request.Response { throw error }
}
