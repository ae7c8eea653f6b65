import MuseCardViewModel

/// What a mouse event on a drawn frame means: a card row, an action menu entry, or a wheel step.
public enum MouseTarget {
    public enum Hit: Sendable, Equatable {
        /// An action for the view model.
        case action(ConsoleAction)
        /// A key by name (the wheel moves like the arrow keys, in lists and popups alike).
        case key(String)
    }

    /// The meaning of `event` on `screen` drawn with `layout`; nil where a click means nothing.
    public static func hit(_ event: MouseEvent, screen: ScreenModel, layout: ScreenLayout) -> Hit? {
        switch event.kind {
        case .wheelUp: return .key("up")
        case .wheelDown: return .key("down")
        case .press: break
        }
        if case .menu(let menu)? = screen.modal {
            let bounds = Rect(row: 0, col: 0, width: layout.size.columns, height: layout.size.rows)
            return ActionMenu.item(atRow: event.row, col: event.col, of: menu, in: bounds).map { .action(.menuItemClicked($0)) }
        }
        guard screen.modal == nil, !layout.isTooSmall, (layout.list.row..<layout.list.bottom).contains(event.row),
              (layout.list.col..<layout.list.right).contains(event.col) else { return nil }
        let index = screen.rowOffset + event.row - layout.list.row
        return index < screen.totalRows ? .action(.rowClicked(index)) : nil
    }
}
