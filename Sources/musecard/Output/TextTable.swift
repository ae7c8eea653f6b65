import Foundation

/// Plain-text tables for the terminal: columns padded to their widest cell, two spaces apart.
enum TextTable {
    /// The header and rows as lines, trailing spaces trimmed. With `maxWidth`, the columns in
    /// `shrinkable` are cut (with `…`) widest first until the table fits; the others (ids, times)
    /// are never cut.
    static func render(header: [String], rows: [[String]], maxWidth: Int? = nil, shrinkable: Set<Int> = []) -> String {
        let lines = [header] + rows
        var widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        if let maxWidth {
            let minimum = 8
            while widths.reduce(0, +) + 2 * (widths.count - 1) > maxWidth,
                  let widest = shrinkable.filter({ widths[$0] > minimum }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        return lines.map { row in
            row.enumerated().map { fit($1, widths[$0]).padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    private static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : text.prefix(max(0, width - 1)) + "…"
    }

    /// The terminal's width when standard output is one (`COLUMNS` first); nil for a pipe or file, which get every column whole.
    static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
