/// Removes values that must never be stored: PINs, PANs, CVVs, sensitive-info URLs, keys.
public enum SecretFilter {
    /// Parameter names that are always dropped (compared lower-cased).
    public static let secretKeys: Set<String> = [
        "card_pin", "pin", "new_pin", "old_pin", "encrypted_pin", "pan", "card_no", "card_number",
        "cvv", "cvv2", "cvc", "url", "sensitive_url", "sensitive_info_url", "private_key", "secret", "password", "token",
    ]

    /// Whether a parameter with this name or value may not be kept.
    public static func isSecret(key: String, value: String) -> Bool {
        let name = key.lowercased()
        if secretKeys.contains(name) || name.hasSuffix("_pin") || name.hasSuffix("_url") || name.contains("cvv") { return true }
        return hasPrefixIgnoringCase(value, "http://") || hasPrefixIgnoringCase(value, "https://")
            || (!name.contains("phone") && looksLikePAN(value))
    }

    /// The parameters without secret keys or values (the same dictionary when none is secret,
    /// which is every audit line's case: two lines a card, each filtered where made and where written).
    public static func strip(_ parameters: [String: String]) -> [String: String] {
        guard parameters.contains(where: { isSecret(key: $0.key, value: $0.value) }) else { return parameters }
        return parameters.filter { !isSecret(key: $0.key, value: $0.value) }
    }

    /// 13–19 digits passing the Luhn check, spaces and dashes aside: a card number, whatever the key says.
    /// Read as UTF-8 bytes from the end (any other byte, ASCII or not, means it is not one).
    static func looksLikePAN(_ value: String) -> Bool {
        var count = 0
        var sum = 0
        for byte in value.utf8.reversed() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") { continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 19 else { return false }
            var digit = Int(byte - UInt8(ascii: "0"))
            if count % 2 == 1 { digit *= 2; if digit > 9 { digit -= 9 } }
            sum += digit
            count += 1
        }
        return count >= 13 && sum % 10 == 0
    }

    /// `prefix` is lower-case ASCII.
    private static func hasPrefixIgnoringCase(_ value: String, _ prefix: StaticString) -> Bool {
        var bytes = value.utf8.makeIterator()
        return prefix.withUTF8Buffer { wanted in
            wanted.allSatisfy { expected in
                guard let byte = bytes.next() else { return false }
                let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                return lower == expected
            }
        }
    }
}
