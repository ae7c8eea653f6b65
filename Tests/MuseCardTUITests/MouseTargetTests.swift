import Foundation
import MuseCardTUI
import MuseCardViewModel
import Testing

/// Where a click lands on a drawn frame.
struct MouseTargetTests {
    let layout = ScreenLayout(size: Size(columns: 80, rows: 24))

    @Test func aClickOnARowSelectsItTheWheelMovesAndElsewhereIsNothing() {
        let screen = SampleScreens.main(modal: nil)
        #expect(MouseTarget.hit(MouseEvent(.press, row: layout.list.row + 2, col: 3), screen: screen, layout: layout) == .action(.rowClicked(2)))
        #expect(MouseTarget.hit(MouseEvent(.press, row: layout.list.row + 9, col: 3), screen: screen, layout: layout) == nil, "below the rows")
        #expect(MouseTarget.hit(MouseEvent(.press, row: 0, col: 3), screen: screen, layout: layout) == nil, "the top bar")
        #expect(MouseTarget.hit(MouseEvent(.wheelDown, row: 0, col: 0), screen: screen, layout: layout) == .key("down"))
        #expect(MouseTarget.hit(MouseEvent(.wheelUp, row: 0, col: 0), screen: screen, layout: layout) == .key("up"))
    }

    @Test func aClickOnAMenuEntryPicksItsIndex() {
        let screen = SampleScreens.main(modal: .menu(SampleScreens.menu))
        let canvas = TextCanvas(columns: 80, rows: 24)
        ScreenRenderer.draw(screen, on: canvas, now: SampleScreens.now)
        let label = SampleScreens.menu.items[1].label
        let row = canvas.lines.firstIndex { $0.contains(label) }
        #expect(row != nil, "the menu entry is drawn")
        let col = canvas.lines[row ?? 0].distance(from: canvas.lines[row ?? 0].startIndex,
                                                  to: canvas.lines[row ?? 0].range(of: label)?.lowerBound ?? canvas.lines[row ?? 0].startIndex)
        #expect(MouseTarget.hit(MouseEvent(.press, row: row ?? 0, col: col), screen: screen, layout: layout) == .action(.menuItemClicked(1)))
        #expect(MouseTarget.hit(MouseEvent(.press, row: 1, col: 0), screen: screen, layout: layout) == nil, "outside the menu")
    }
}
