import Foundation
import MuseCardViewModel

/// Paints a whole `ScreenModel` onto a canvas: the main screen, then the open popup.
public enum ScreenRenderer {
    /// Draws one frame; below the minimum size only the "too small" message.
    public static func draw(_ screen: ScreenModel, on canvas: Canvas, now: Date) {
        let layout = ScreenLayout(size: canvas.size)
        if layout.isTooSmall {
            TooSmall.draw(on: canvas, minimum: ScreenLayout.minimum)
            return
        }
        TopBar.draw(screen.topBar, on: canvas, in: layout.topBar, now: now)
        CardList.draw(screen, on: canvas, layout: layout)
        canvas.verticalLine(col: layout.separatorColumn, row: layout.detail.row, height: layout.detail.height)
        DetailPane.draw(screen.detail, on: canvas, in: layout.detail)
        HintBar.draw(screen, on: canvas, status: layout.status, hints: layout.hints)
        if let modal = screen.modal { drawModal(modal, on: canvas, in: canvas.bounds) }
    }

    /// Draws the popup centred over the screen.
    static func drawModal(_ modal: ModalModel, on canvas: Canvas, in bounds: Rect) {
        switch modal {
        case .menu(let menu): ActionMenu.draw(menu, on: canvas, in: bounds)
        case .confirm(let confirm): ConfirmDialog.draw(confirm, on: canvas, in: bounds)
        case .form(let form): FormDialog.draw(form, on: canvas, in: bounds)
        case .help(let help): HelpOverlay.draw(help, on: canvas, in: bounds)
        case .picker(let picker): PickerDialog.draw(picker, on: canvas, in: bounds)
        case .summary(let title, let lines): SummaryDialog.draw(title: title, lines: lines, on: canvas, in: bounds)
        case .table(let table): TableDialog.draw(table, on: canvas, in: bounds)
        case .cardData(let title, let link, let lines): CardDataDialog.draw(title: title, link: link, lines: lines, on: canvas, in: bounds)
        case .approvals(let approvals): ApprovalsDialog.draw(approvals, on: canvas, in: bounds)
        }
    }
}
