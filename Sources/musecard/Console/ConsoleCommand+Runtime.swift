import ArgumentParser
import MuseCardTUI

extension ConsoleCommand {
    /// Builds the view-model runtime for the session: profile → configuration (or the embedded
    /// sandbox when there is none), store, then `ConsoleRuntime` for user/ticket/read-only.
    ///
    /// integrator: build the `ConsoleRuntime` here (start the embedded sandbox when no profile is
    /// configured) and return it; `ConsoleRuntime+ScreenSource.swift` in MuseCardTUI makes it a
    /// `ScreenSource`. Configuration errors should print one line and `throw ExitCode(…)`.
    func makeScreenSource(_ options: ConsoleOptions) async throws -> ScreenSource {
        StandardError.print("musecard: the console runtime is not wired in yet (try `musecard tui --theme-preview`)")
        throw ExitCode(ExitStatus.configuration)
    }
}
