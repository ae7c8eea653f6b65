import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore
import Testing

/// What the agent tells the local index directly: remembering a cardholder, and forgetting one.
struct IndexOperationsTests {
    typealias R = OperationsRig

    @Test func forgettingACardholderIsLocalAndSaysWhetherItWasKnown() async throws {
        let rig = R()
        _ = try await rig.operations.open(userId: "U1", label: "Ada")
        try await rig.cacheCard("C1")
        #expect(try await rig.operations.forgetCardholder(userId: "U1"))
        #expect(await rig.cache.cardholders().isEmpty)
        #expect(await rig.cache.cards(of: "U1").isEmpty)
        #expect(try await !rig.operations.forgetCardholder(userId: "U1"), "a second time there is nothing to forget")
        #expect(await rig.entries.isEmpty, "nothing is sent, so nothing is audited")
    }

    @Test func anInvalidIdIsRefusedAndNeverRemembered() async throws {
        let rig = R()
        for bad in ["", " U1", "U\u{1B}[2J", String(repeating: "9", count: 65)] {
            await #expect(throws: MusePayError.self) { _ = try await rig.operations.open(userId: bad, label: nil) }
        }
        #expect(await rig.cache.cardholders().isEmpty)
    }
}
