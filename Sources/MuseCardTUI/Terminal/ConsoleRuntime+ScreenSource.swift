import MuseCardViewModel

/// The view-model runtime is what the console draws: keys go in as `keyPressed`, pastes as `pasted`.
extension ConsoleRuntime: ScreenSource {
    public func send(key: String) {
        send(.keyPressed(key))
    }

    public func send(paste text: String) {
        send(.pasted(text))
    }

    public func terminalTooSmall(_ tooSmall: Bool) {
        send(.terminalTooSmall(tooSmall))
    }
}
