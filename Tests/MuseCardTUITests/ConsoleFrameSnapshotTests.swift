import Foundation
import MuseCardTUI
import MuseCardViewModel
import Testing

/// The console's own frames at 80x24 and 120x40: the detail pane, the action menu, every form
/// with its errors and the card data popup; no identifier is ever broken across lines.
struct ConsoleFrameSnapshotTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)]

    static var frames: [(String, ConsoleState)] {
        let opened = ConsoleScreens.opened()
        return [
            ("console-detail", opened),
            ("console-detail-active", ConsoleScreens.after(["g"], from: opened)),
            ("console-menu", ConsoleScreens.after(["a"], from: opened)),
            ("console-menu-locked", ConsoleScreens.after(["g", "j", "a"], from: opened)),
            ("console-card-data", ConsoleScreens.cardDataLink()),
            ("console-marked", ConsoleScreens.after(["g", "space", "space"], from: opened)),
            ("console-marked-lock", ConsoleScreens.after(["g", "space", "space", "space", "l", "enter"], from: opened)),
        ] + ConsoleScreens.formsWithErrors().map { ("console-\($0.0)", $0.1) }
    }

    @Test(arguments: frames.map(\.0))
    func frameSnapshot(_ name: String) throws {
        ConsoleScreens.checkFrames(name, try #require(Self.frames.first { $0.0 == name }?.1))
    }

    @Test func everyFormShowsAllItsErrorsAtOnceAndItsButtonRow() {
        for (name, state) in ConsoleScreens.formsWithErrors() {
            guard case .form(let form)? = state.ui.modal else { Issue.record("\(name): no form"); continue }
            #expect(form.fields.contains { $0.error != nil } || form.error != nil, "\(name) has an error")
            for size in Self.sizes {
                let text = ConsoleScreens.frame(state, size).text
                #expect(text.contains("esc cancel"), "\(name) at \(size.columns)x\(size.rows): the button row is whole")
            }
        }
        guard case .form(let phone)? = ConsoleScreens.formsWithErrors()[0].1.ui.modal else { return }
        #expect(phone.fields.filter { $0.error != nil }.count == 2, "both phone fields are wrong and both say so")
    }

    @Test func theSplitCheckCatchesASplitId() {
        #expect(!ConsoleScreens.splitIdentifiers(in: ["│ Card: VC100000000", "│       1"]).isEmpty)
        #expect(ConsoleScreens.splitIdentifiers(in: ["│ Card: VC10…0001", "│ Card: VC1000000001"]).isEmpty)
    }
}
