/// A popup listing rows in columns (history, transactions): the front aligns and scrolls them.
public struct TableModel: Sendable, Equatable {
    /// One line of the table.
    public struct Row: Sendable, Equatable {
        public var cells: [String]
        /// Theme role of the whole row (e.g. `txn.declined`); `nil` for normal text.
        public var role: String?

        public init(cells: [String], role: String? = nil) {
            self.cells = cells
            self.role = role
        }
    }

    public var title: String
    public var header: [String]
    public var rows: [Row]
    public var selected: Int
    /// Shown instead of rows: loading, empty, or an error.
    public var placeholder: String?
    /// A line under the rows, e.g. how many are shown and whether more are coming.
    public var footer: String

    public init(title: String, header: [String], rows: [Row], selected: Int = 0, placeholder: String? = nil, footer: String = "") {
        self.title = title
        self.header = header
        self.rows = rows
        self.selected = selected
        self.placeholder = placeholder
        self.footer = footer
    }
}
