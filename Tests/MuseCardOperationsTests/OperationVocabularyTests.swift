import MuseCardKit
import MuseCardOperations
import Testing

@Suite struct OperationVocabularyTests {
    @Test func everyJournalledOperationIsApplyOrReplace() {
        #expect(OperationName.allCases.filter(\.isJournalled) == [.replace, .apply])
    }
}
