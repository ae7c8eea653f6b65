import Foundation
import MuseCardKit
import MuseCardOperations
import MuseCardStore

extension LiveEffectRunner {
    /// Runs a team-store effect; without a team store there is nothing to run.
    func runTeam(_ effect: Effect, send: @escaping @Sendable (ConsoleAction) -> Void) async {
        guard let team = env.team else { return }
        let operations = env.operations
        switch effect {
        case .subscribeTeam:
            // For the life of the console: every event becomes an action, within the moment it arrives.
            let events = team.channel.events()
            // What changed before the stream existed is read once now.
            send(.teamListening)
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for await event in events { send(.teamEvent(event)) } }
                if let staleness = env.staleness {
                    group.addTask {
                        let changes = staleness.changes()
                        send(.teamStoreReachable(!staleness.isStale))
                        for await reason in changes { send(.teamStoreReachable(reason == nil)) }
                    }
                }
            }
        case .announceOpen(let userId):
            await channel(send) { try await team.channel.announceOpen(userId: userId) }
            guard let userId else { return }
            await runTeam(.loadViewers(userId: userId), send: send)
            await runTeam(.loadBusy(userId: userId), send: send)
        case .loadViewers(let userId):
            if let viewers = await channel(send, { try await team.channel.viewers(of: userId) }) { send(.viewersLoaded(userId: userId, viewers)) }
        case .loadBusy(let userId):
            if let busy = await channel(send, { try await team.channel.busyCards(of: userId) }) { send(.busyLoaded(userId: userId, busy)) }
        case .loadPendingApprovals(let at):
            await sleep(until: at)
            send(.pendingApprovalsLoaded(await result { () async throws(MusePayError) in try await operations.pendingApprovals() }))
        case .loadCardApproval(let userId, let cardId, let at):
            await sleep(until: at)
            if case .success(let request) = await result({ () async throws(MusePayError) in try await operations.latestApproval(cardId: cardId) }) {
                send(.cardApprovalLoaded(userId: userId, cardId: cardId, request))
            }
        case .requestApproval(let userId, let cardId, let note):
            let answer = await result { () async throws(MusePayError) in try await operations.requestApproval(userId: userId, cardId: cardId, note: note) }
            send(.approvalRequested(userId: userId, cardId: cardId, answer))
        case .decideApproval(let id, let approve, let note):
            let answer = await result { () async throws(MusePayError) in
                approve ? try await operations.approve(id: id, note: note) : try await operations.deny(id: id, note: note ?? "")
            }
            send(.approvalDecided(id: id, approve: approve, answer))
        case .loadApprovalHistory(let requestId, let userId, let cardId):
            do {
                send(.approvalHistoryLoaded(requestId: requestId, try await operations.history(userId: userId, cardId: cardId), error: nil))
            } catch {
                send(.approvalHistoryLoaded(requestId: requestId, [], error: String(describing: error)))
            }
        case .learnTeamSession:
            send(.teamSessionLearned(TeamSession(identity: team.channel.identity, isApprover: team.channel.isApprover,
                                                 fourEyes: team.channel.fourEyes)))
        default:
            break
        }
    }

    /// A channel call; whether it answered tells whether the team store is there (through the
    /// shared staleness when there is one, so one source decides).
    private func channel<T>(_ send: @Sendable (ConsoleAction) -> Void, _ work: () async throws -> T) async -> T? {
        do {
            let value = try await work()
            if let staleness = env.staleness { staleness.set(nil) } else { send(.teamStoreReachable(true)) }
            return value
        } catch {
            if let staleness = env.staleness { staleness.set(String(describing: error)) } else { send(.teamStoreReachable(false)) }
            return nil
        }
    }

    private func result<T>(_ work: () async throws(MusePayError) -> T) async -> Result<T, MusePayError> {
        do throws(MusePayError) { return .success(try await work()) } catch { return .failure(error) }
    }

    /// Waits (suspending) until the console's clock reaches `date`; at once without one.
    private func sleep(until date: Date?) async {
        guard let date else { return }
        let seconds = date.timeIntervalSince(env.now())
        if seconds > 0 { try? await Task.sleep(for: .milliseconds(Int(seconds * 1000) + 100)) }
    }
}
