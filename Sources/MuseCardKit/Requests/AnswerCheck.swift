/// Compares the ids in an answer with the ids asked about.
///
/// A mismatch is `.undecodable`: the answer cannot be taken as this request's. An absent id is
/// accepted. Nothing is sanitised here; text is made safe where it is shown.
enum AnswerCheck {
    /// The cardholder and the card must be the ones asked about.
    static func card(userId: String, cardId: String, answer: some CardAnswer) throws(MusePayError) {
        try same("user", asked: userId, answered: answer.answeredUserId)
        try same("card", asked: cardId, answered: answer.answeredCardId)
    }

    /// `answered` is absent or equal to `asked`.
    static func same(_ what: String, asked: String, answered: String?) throws(MusePayError) {
        guard let answered, answered != asked else { return }
        throw .undecodable("the answer is about \(what) \(short(answered)), not \(short(asked))")
    }

    /// Keeps the message one short line whatever the service sent.
    private static func short(_ id: String) -> String {
        id.count > 64 ? String(id.prefix(64)) + "…" : id
    }
}
