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
        let text = value.lowercased()
        return text.hasPrefix("http://") || text.hasPrefix("https://") || (!name.contains("phone") && looksLikePAN(value))
    }

    /// The parameters without secret keys or values.
    public static func strip(_ parameters: [String: String]) -> [String: String] {
        parameters.filter { !isSecret(key: $0.key, value: $0.value) }
    }

    /// 13–19 digits passing the Luhn check: a card number, whatever the key says.
    static func looksLikePAN(_ value: String) -> Bool {
        let digits = value.filter { $0 != " " && $0 != "-" }
        guard (13...19).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return false }
        var sum = 0
        for (index, char) in digits.reversed().enumerated() {
            var digit = Int(String(char)) ?? 0
            if index % 2 == 1 { digit *= 2; if digit > 9 { digit -= 9 } }
            sum += digit
        }
        return sum % 10 == 0
    }
}
