/// A key for every action menu entry, unique in the menu: the entry's own key when it is free,
/// else the first free letter of its label. The menu's own keys (moving, closing) are never given.
enum MenuLetters {
    /// Keys the menu itself uses.
    static let reserved: Set<String> = ["j", "k", "g", "G", "q", "a", "y", "n"]

    /// One key per entry, in entry order.
    static func assign(_ entries: [KeyBinding]) -> [String] {
        var used = reserved
        var keys = entries.map { binding -> String? in
            guard let own = binding.keys.first(where: { $0.count == 1 && !used.contains($0) }) else { return nil }
            used.insert(own)
            return own
        }
        for index in keys.indices where keys[index] == nil {
            let letters = entries[index].label.lowercased().filter(\.isLetter).map(String.init)
            let alphabet = "abcdefghijklmnopqrstuvwxyz".map(String.init)
            if let free = (letters + alphabet).first(where: { !used.contains($0) }) {
                used.insert(free)
                keys[index] = free
            }
        }
        return keys.map { $0 ?? "" }
    }
}
