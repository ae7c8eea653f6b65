import Foundation
import MuseCardOperations
import MuseCardTUI

/// Keeps SIGINT, SIGTERM and SIGHUP from ending a command between "sent" and "recorded": a
/// signal waits up to `grace` for the in-flight operation to be recorded, then ends the process.
enum SignalDeferral {
    static let grace: TimeInterval = 10

    static func whileRecording<T>(_ inFlight: InFlightRegistry, _ work: () async -> T) async -> T {
        let signals = StopSignals()
        let watcher = Thread {
            var noticed: Date?
            while !Thread.current.isCancelled {
                if let number = signals.pending {
                    if noticed == nil {
                        noticed = Date()
                        StandardError.print("musecard: waiting up to \(Int(grace)) s for the answer to be recorded…")
                    }
                    if let since = noticed, inFlight.current > 0, Date().timeIntervalSince(since) >= grace { exit(128 + number) }
                }
                usleep(50_000)
            }
        }
        watcher.start()
        let result = await work()
        watcher.cancel()
        signals.cancel()
        return result
    }
}
