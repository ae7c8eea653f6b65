import Foundation

/// Splits a script into statements for the extended protocol, which takes one at a time: on `;` outside
/// quotes, quoted names, dollar-quoted bodies and comments.
enum SQLStatements {
    static func split(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var index = script.startIndex
        func rest(_ from: String.Index) -> Substring { script[from...] }
        while index < script.endIndex {
            let character = script[index]
            if character == "'" || character == "\"" {
                let end = script[script.index(after: index)...].firstIndex(of: character) ?? script.index(before: script.endIndex)
                current += script[index...end]
                index = script.index(after: end)
                continue
            }
            if rest(index).hasPrefix("--") {
                let end = script[index...].firstIndex(of: "\n") ?? script.endIndex
                index = end
                continue
            }
            if character == "$", let tag = dollarTag(rest(index)) {
                let bodyStart = script.index(index, offsetBy: tag.count)
                let close = script[bodyStart...].range(of: tag)?.upperBound ?? script.endIndex
                current += script[index..<close]
                index = close
                continue
            }
            if character == ";" {
                append(current, to: &statements)
                current = ""
            } else {
                current.append(character)
            }
            index = script.index(after: index)
        }
        append(current, to: &statements)
        return statements
    }

    /// `$$` or `$name$` at the start of `text`.
    private static func dollarTag(_ text: Substring) -> String? {
        let after = text.dropFirst()
        guard let end = after.firstIndex(of: "$") else { return nil }
        let name = after[..<end]
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !(name.first?.isNumber ?? false) else { return nil }
        return "$\(name)$"
    }

    /// A name as an SQL identifier, as PostgreSQL's `quote_ident` (always quoted: `"select"`, `"a""b"`), for the
    /// utility statements (`CREATE ROLE`, `GRANT`) that take no bound parameters.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A value as an SQL string literal, as `quote_literal` (`'it''s'`; `E'a\\b'` for `a\b`, whatever
    /// `standard_conforming_strings` says).
    static func literal(_ value: String) -> String {
        let quoted = value.replacingOccurrences(of: "'", with: "''")
        guard value.contains("\\") else { return "'" + quoted + "'" }
        return "E'" + quoted.replacingOccurrences(of: "\\", with: "\\\\") + "'"
    }

    private static func append(_ statement: String, to statements: inout [String]) {
        let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { statements.append(trimmed) }
    }
}
