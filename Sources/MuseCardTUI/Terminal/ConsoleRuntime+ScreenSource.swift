import MuseCardViewModel

/// The view-model runtime is what the console draws: keys go in as `keyPressed`.
extension ConsoleRuntime: ScreenSource {
    public func send(key: String) {
        send(.keyPressed(key))
    }
}
