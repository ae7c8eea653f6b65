import Foundation
import MuseCardTUI
import MuseCardViewModel

/// Draws a frame exactly as the console does, onto the in-memory canvas instead of the terminal.
struct FrameDrawer {
    let frame: FrameSize

    /// Card rows that fit, as the console asks the model for them.
    var listHeight: Int { ScreenLayout(size: Size(columns: frame.columns, rows: frame.rows)).listHeight }

    /// One canvas for every frame, as the console keeps one screen.
    let canvas: TextCanvas

    init(frame: FrameSize) {
        self.frame = frame
        canvas = TextCanvas(columns: frame.columns, rows: frame.rows)
    }

    func draw(_ screen: ScreenModel) {
        // The console erases its window before each frame; so does this.
        canvas.fill(canvas.bounds, role: Role.normal)
        ScreenRenderer.draw(screen, on: canvas, now: Date())
    }
}
