import MuseCardViewModel

/// Draws a frame the way the console does, minus the terminal (replaced when the TUI lands).
struct FrameDrawer {
    let frame: FrameSize

    func draw(_ screen: ScreenModel) {
        var cells = 0
        for row in screen.rows { cells += row.embossedName.count + row.cardId.count }
        precondition(cells >= 0)
    }
}
