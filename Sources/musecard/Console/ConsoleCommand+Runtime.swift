import Foundation
import ArgumentParser
import MuseCardTUI
import MuseCardViewModel

extension ConsoleCommand {
    /// What the terminal draws, and how to stop what was started for it.
    struct OpenSource: Sendable {
        let source: any ScreenSource
        let stop: @Sendable () async -> Void
        /// The session summary as Markdown; `nil` for the theme preview.
        var markdown: (@Sendable (Date) -> String)? = nil
        /// OSC 52 copies for the terminal thread; `nil` for the theme preview.
        var clipboard: OSC52Clipboard? = nil
    }

    /// The runtime for the session (configured service, or the embedded sandbox with demo data),
    /// or the theme preview, which needs neither.
    func openSource(settings: ConnectionSettings, themeName: String) async throws -> OpenSource {
        if themePreview {
            return OpenSource(source: ThemePreview(themeName: themeName), stop: {})
        }
        let launch = try await ConsoleWiring.launch(settings: settings, userId: userId, readOnly: readOnly)
        let runtime = launch.runtime
        return OpenSource(source: runtime, stop: launch.stop, markdown: { runtime.summaryMarkdown(now: $0) }, clipboard: launch.clipboard)
    }
}
