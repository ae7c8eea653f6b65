import Foundation
import MuseCardKit

/// Derives the frame to draw from the state: pure, and proportional to what is visible.
public struct ScreenBuilder: Sendable {
    public var keys: KeyTable

    public init(keys: KeyTable = .defaults) { self.keys = keys }

    /// The frame for `state` at `now`, with at most `listHeight` card rows.
    public func screen(_ state: ConsoleState, now: Date, listHeight: Int) -> ScreenModel {
        let list = VisibleCards.list(state)
        let height = max(1, listHeight)
        let offset = min(state.ui.scrollOffset, max(0, list.count - height))
        let window = list.dropFirst(offset).prefix(height)
        let rows = window.map { card in
            var row = CardRowPresenter.row(card, now: now, marked: state.ui.marked.contains(card.cardId))
            if row.marker == .none, state.data.team.busy[card.cardId] != nil { row.marker = .busy }
            return row
        }
        let selected = Navigation.position(in: list, state).flatMap { window.indices.contains($0) ? $0 - offset : nil }
        let card = ActionAvailability.selectedCard(state)
        let reducer = ConsoleReducer(keys: keys)
        return ScreenModel(
            topBar: topBar(state, now: now),
            cardholderTitle: cardholderTitle(state, total: state.data.knownCardCount),
            rows: rows,
            rowOffset: offset,
            // Rows not read yet count where they will be: after the last one read.
            totalRows: list.count + (Navigation.isStorageOrder(state) ? state.data.paging?.unread ?? 0 : 0),
            selectedRow: selected,
            detail: card.map { DetailPresenter.lines($0, state: state, now: now) } ?? [],
            filter: state.ui.isEditingFilter || !state.ui.filterText.isEmpty
                ? FilterModel(text: ServiceText.sanitize(state.ui.filterText), isEditing: state.ui.isEditingFilter, matchCount: list.count) : nil,
            hints: HintPresenter.hints(state, keys: reducer.activeKeys(state)),
            flash: state.ui.flash.map { FlashModel(text: ServiceText.sanitize($0.text), kind: FlashModel.Kind(rawValue: $0.kind.rawValue) ?? .info) },
            modal: ModalPresenter.modal(state, reducer: reducer, now: now),
            emptyMessage: emptyMessage(state, visible: list.count),
            commandLine: state.ui.commandLine.map { ServiceText.sanitize($0.text) },
            themeName: state.ui.themeName
        )
    }

    func topBar(_ state: ConsoleState, now: Date) -> TopBarModel {
        let holder = state.data.cardholder
        let team = state.session.team
        return TopBarModel(
            environment: state.session.environment,
            isProduction: state.session.isProduction,
            operatorName: ServiceText.sanitize(state.session.operatorName),
            cardholder: holder.map { h in ServiceText.sanitize(h.label.map { "\($0) (\(h.userId))" } ?? h.userId) },
            ticket: holder?.ticket.map(ServiceText.sanitize),
            isOnline: !state.data.offline,
            inFlight: state.data.inFlight,
            readOnly: state.session.readOnly,
            lastContact: state.data.lastContactAt.map(UTCTime.clock),
            retrying: state.data.retrying?.label,
            viewers: state.data.team.viewers.map(ServiceText.sanitize),
            approvals: team.map { $0.isApprover ? state.data.team.decidable(by: $0.identity, now: now).count : 0 } ?? 0,
            fourEyesOff: team.map { !$0.fourEyes } ?? false,
            teamStoreStale: state.data.team.storeStale,
            marked: state.ui.marked.count
        )
    }

    func cardholderTitle(_ state: ConsoleState, total: Int) -> String {
        guard state.data.cardholder != nil else { return "No cardholder open" }
        let sort = state.ui.sort == .added ? "" : ", sorted \(state.ui.sort.label)"
        return "Cards (\(total))\(sort)"
    }

    func emptyMessage(_ state: ConsoleState, visible: Int) -> String? {
        guard state.data.cardholder != nil else { return "Press o to open a cardholder." }
        if state.data.cards.isEmpty { return "No known cards for this cardholder. Press + to add a card id." }
        if visible == 0 { return "No card matches the filter. Esc clears it." }
        return nil
    }
}
