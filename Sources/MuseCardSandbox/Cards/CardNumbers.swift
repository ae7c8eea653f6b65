/// Fake but well-formed card numbers: 16 digits, a Mastercard-like prefix, a valid Luhn digit.
enum CardNumbers {
    /// A PAN, expiry and CVV derived from `serial`, the same for the same serial.
    static func make(serial: UInt64) -> (pan: String, month: String, year: String, cvv: String) {
        var random = SeededRandom(seed: serial &* 0x5851_F42D_4C95_7F2D &+ 17)
        var digits = [5, 4, 1, 8]
        for _ in 0..<11 { digits.append(Int(random.next() % 10)) }
        digits.append(luhnDigit(for: digits))
        let month = 1 + Int(random.next() % 12)
        let year = 2028 + Int(random.next() % 5)
        let cvv = Int(random.next() % 1000)
        let pad: (Int, Int) -> String = { value, width in
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return (digits.map(String.init).joined(), pad(month, 2), String(year), pad(cvv, 3))
    }

    /// The check digit that makes `digits` + it pass the Luhn test.
    static func luhnDigit(for digits: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 0 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return (10 - sum % 10) % 10
    }
}
