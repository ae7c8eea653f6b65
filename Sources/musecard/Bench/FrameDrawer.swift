import Foundation
import MuseCardTUI
import MuseCardViewModel

/// Draws a frame exactly as the console does, onto the in-memory canvas instead of the terminal.
struct FrameDrawer {
    let frame: FrameSize

    /// Card rows that fit, as the console asks the model for them.
    var listHeight: Int { ScreenLayout(size: Size(columns: frame.columns, rows: frame.rows)).listHeight }

    func draw(_ screen: ScreenModel) {
        let canvas = TextCanvas(columns: frame.columns, rows: frame.rows)
        ScreenRenderer.draw(screen, on: canvas, now: Date())
    }
}
