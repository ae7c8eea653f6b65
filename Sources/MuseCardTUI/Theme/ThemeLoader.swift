import Foundation
import Yams

/// Reads theme YAML: a `palette:` of named colours, then `roles:` of styles referencing them.
///
/// ```yaml
/// palette:
///   grey: {color: 244, fallback: white}   # 256-colour number, basic colour on 8-colour terminals
///   accent: cyan
/// roles:
///   status.locked: {fg: accent, bold: true}
/// ```
/// Unset roles fall back to the built-in default; unknown roles, colours or keys are errors
/// that name the file and line.
public enum ThemeLoader {
    /// Loads the theme file at `path`.
    public static func load(path: String) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError(file: path, line: nil, message: "cannot read the file")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, name: name, file: path)
    }

    /// Parses theme YAML `text`; `file` names it in errors.
    public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ThemeError(file: file, line: line(of: error), message: "not valid YAML")
        } catch {
            throw ThemeError(file: file, line: nil, message: "not valid YAML")
        }
        guard let root else { return Theme.withDefaults(name: name, overrides: [:]) }
        guard let top = root.mapping else { throw ThemeError(file: file, line: root.mark?.line, message: "expected `palette:` and `roles:`") }
        var sections: [String: Node] = [:]
        for (key, value) in top {
            switch key.string {
            case "palette", "roles", "monochrome": sections[key.string ?? ""] = value
            case "name", "description": continue
            default: throw ThemeError(file: file, line: key.mark?.line, message: "unknown section `\(key.string ?? "?")` (expected palette, roles, monochrome)")
            }
        }
        // The palette is read first so roles may reference it wherever it is in the file.
        let palette = try sections["palette"].map { node throws(ThemeError) in try readPalette(node, file: file) } ?? [:]
        let styles = try sections["roles"].map { node throws(ThemeError) in try readRoles(node, palette: palette, file: file) } ?? [:]
        let mono = sections["monochrome"]?.bool ?? false
        var theme = Theme.withDefaults(name: name, overrides: styles)
        theme.isMonochrome = mono
        return theme
    }

    static func readPalette(_ node: Node, file: String) throws(ThemeError) -> [String: ThemeColor] {
        guard let mapping = node.mapping else { throw ThemeError(file: file, line: node.mark?.line, message: "`palette` must map names to colours") }
        var palette: [String: ThemeColor] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw ThemeError(file: file, line: key.mark?.line, message: "colour names must be text") }
            palette[name] = try readColorDefinition(value, name: name, file: file)
        }
        return palette
    }

    /// A palette entry: a basic name, a 0–255 number (8-colour fallback `default`), or `{color, fallback}`.
    static func readColorDefinition(_ node: Node, name: String, file: String) throws(ThemeError) -> ThemeColor {
        if let mapping = node.mapping {
            var number: Int16?
            var fallback = ThemeColor.terminalDefault
            for (key, value) in mapping {
                switch key.string {
                case "color": number = try colorNumber(value, file: file)
                case "fallback":
                    guard let text = value.string, let basic = ThemeColor.named(text) else {
                        throw ThemeError(file: file, line: value.mark?.line, message: "colour `\(name)`: fallback must be one of \(basicList)")
                    }
                    fallback = basic
                default:
                    throw ThemeError(file: file, line: key.mark?.line, message: "colour `\(name)`: unknown key `\(key.string ?? "?")` (expected color, fallback)")
                }
            }
            guard let number else { throw ThemeError(file: file, line: node.mark?.line, message: "colour `\(name)` has no `color`") }
            return .indexed(number, fallback: Int16(fallback.number(colors: 8)))
        }
        if let text = node.string, let basic = ThemeColor.named(text) { return basic }
        return .indexed(try colorNumber(node, file: file), fallback: -1)
    }

    static func colorNumber(_ node: Node, file: String) throws(ThemeError) -> Int16 {
        guard let value = node.int, (0...255).contains(value) else {
            throw ThemeError(file: file, line: node.mark?.line, message: "unknown colour `\(node.string ?? "?")` (use \(basicList), default, or 0–255)")
        }
        return Int16(value)
    }

    static func readRoles(_ node: Node, palette: [String: ThemeColor], file: String) throws(ThemeError) -> [String: Style] {
        guard let mapping = node.mapping else { throw ThemeError(file: file, line: node.mark?.line, message: "`roles` must map role names to styles") }
        var styles: [String: Style] = [:]
        for (key, value) in mapping {
            guard let role = key.string, Role.all.contains(role) else {
                throw ThemeError(file: file, line: key.mark?.line, message: "unknown role `\(key.string ?? "?")`")
            }
            styles[role] = try readStyle(value, role: role, palette: palette, file: file)
        }
        return styles
    }

    static func readStyle(_ node: Node, role: String, palette: [String: ThemeColor], file: String) throws(ThemeError) -> Style {
        guard let mapping = node.mapping else {
            throw ThemeError(file: file, line: node.mark?.line, message: "role `\(role)` must be a map of fg, bg, bold, reverse, underline")
        }
        var style = Style()
        for (key, value) in mapping {
            let field = key.string ?? "?"
            switch field {
            case "fg", "bg":
                guard let name = value.string, let color = palette[name] ?? ThemeColor.named(name) else {
                    throw ThemeError(file: file, line: value.mark?.line, message: "role `\(role)`: unknown colour `\(value.string ?? "?")`")
                }
                if field == "fg" { style.fg = color } else { style.bg = color }
            case "bold", "reverse", "underline":
                guard let flag = value.bool else {
                    throw ThemeError(file: file, line: value.mark?.line, message: "role `\(role)`: `\(field)` must be true or false")
                }
                switch field {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                default: style.underline = flag
                }
            default:
                throw ThemeError(file: file, line: key.mark?.line, message: "role `\(role)`: unknown key `\(field)` (expected fg, bg, bold, reverse, underline)")
            }
        }
        return style
    }

    static let basicList = ThemeColor.basicNames.joined(separator: ", ")

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}
