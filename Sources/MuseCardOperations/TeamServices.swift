import MuseCardStore

/// What a team store adds to the operations layer: four-eyes approvals and the channel (identity,
/// events, viewers, per-card lock). `nil` in `CardOperations` is the embedded single-agent store.
public struct TeamServices: Sendable {
    public var approvals: any ApprovalStore
    public var channel: any TeamChannel

    public init(approvals: any ApprovalStore, channel: any TeamChannel) {
        self.approvals = approvals
        self.channel = channel
    }
}
