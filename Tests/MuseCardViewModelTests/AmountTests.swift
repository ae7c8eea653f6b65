import Foundation
@testable import MuseCardViewModel
import Testing

/// The per-frame shortcuts of the card row give exactly what the general paths give.
struct AmountTests {
    @Test(arguments: ["0", "7", "12.1", "12.10", "1234", "1234.5", "-0.5", "-1234567.89", "100", "999999.99", "0.05"])
    func aPlainLiteralFormatsAsItsDecimalDoes(_ literal: String) throws {
        let decimal = try #require(Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")))
        #expect(Amount.plain(literal) == Amount.text(decimal))
    }

    @Test(arguments: ["1e3", "1.005", "-0", "-0.00", "007", ".5", "5.", "", "-", "1,5", "abc"])
    func anythingElseIsLeftToDecimal(_ literal: String) {
        #expect(Amount.plain(literal) == nil)
    }

    @Test(arguments: ["VIRTUAL", "PHYSICAL", "virtual", "V", "", "VIRTUAL_CARD", "Prepaid card", "ÉLITE"])
    func capitalisedAsFoundationDoes(_ text: String) {
        #expect(CardRowPresenter.capitalized(text) == text.capitalized)
    }

    @Test(arguments: ["HOLDER", " HOLDER", "HOLDER ", "\tA B\t", "", " ", "Käthe Müller", "名前\u{3000}"])
    func trimmedAsFoundationDoes(_ text: String) {
        #expect(CardRowPresenter.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
    }
}
