import Foundation

extension Fixtures {
    /// A fresh path `name-<uuid>` (not created) under this test run's scratch folder.
    public static func scratchPath(_ name: String) -> URL {
        scratchRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
    }

    /// A fresh folder `name-<uuid>` under this test run's scratch folder.
    public static func scratchFolder(_ name: String) -> URL {
        let url = scratchPath(name)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `$TMPDIR/musecard-tests/run-<seconds>-<pid>`: every file a test run leaves. The folders of
    /// the last two runs stay, so a failure can be inspected; older ones whose process has ended
    /// are removed when the next run starts. (Left in `$TMPDIR` one by one, they came to 1.8 GB in
    /// a day of runs.)
    public static let scratchRoot: URL = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("musecard-tests")
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeOldRuns(in: parent, keeping: 2)
        let root = parent.appendingPathComponent("run-\(Int(Date().timeIntervalSince1970))-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }()

    /// Removes the run folders older than the newest `keeping`, unless their process still runs.
    private static func removeOldRuns(in parent: URL, keeping: Int) {
        let runs = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .compactMap { name -> (name: String, started: Int, pid: Int32)? in
                let parts = name.split(separator: "-")
                guard parts.count == 3, parts[0] == "run", let started = Int(parts[1]), let pid = Int32(parts[2]) else { return nil }
                return (name, started, pid)
            }
            .sorted { $0.started > $1.started }
        for run in runs.dropFirst(keeping) where kill(run.pid, 0) != 0 {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(run.name))
        }
    }
}
