import Foundation
import MuseCardKit
import MuseCardSandbox
import Synchronization

/// Times RSA-2048 SHA-1 signatures of a lock request's body with the project's own signer, on one
/// thread and then on one thread per core: the floor of a signed call's cost.
enum SigningProbe {
    static func measure(seconds: Double, threads: Int) throws -> (oneCore: Double, allCores: Double, library: String) {
        let signer = RequestSigner(key: try RSAKeyLoader.signingKey(text: DemoKeys.partnerPrivateKey, source: "demo partner key"))
        let body: [String: JSONValue] = ["user_id": "BU00000001", "card_id": "BC00000001", "partner_id": "200001", "sign_type": "RSA",
                                         "timestamp": "1764000000", "nonce": "0123456789abcdef0123456789abcdef"]
        return (rate(signer, body, seconds: seconds / 2, threads: 1), rate(signer, body, seconds: seconds / 2, threads: threads), signer.library)
    }

    /// RSA-2048 signatures a second on one core by `openssl speed rsa2048`, the measure
    /// of the limit; nil when the openssl command is missing or says nothing readable.
    static func openSSLSpeed(seconds: Int) -> Double? {
        let path = "/usr/bin/openssl"
        guard FileManager.default.isExecutableFile(atPath: path),
              let child = try? SpawnedProcess(path, ["speed", "-seconds", "\(seconds)", "-mr", "rsa2048"],
                                              environment: ["PATH": "/usr/bin:/bin"], captureOutput: true, quiet: true) else { return nil }
        // Machine-readable result: `+F2:<index>:2048:<signs a second>:<verifies a second>`.
        let line = child.readLines { $0.hasPrefix("+F2:") }.last { $0.hasPrefix("+F2:") }
        _ = child.wait()
        guard let fields = line?.split(separator: ":"), fields.count >= 4 else { return nil }
        return Double(fields[3])
    }

    private static func rate(_ signer: RequestSigner, _ body: [String: JSONValue], seconds: Double, threads: Int) -> Double {
        let total = Mutex(0)
        let deadline = Date().addingTimeInterval(seconds)
        let group = DispatchGroup()
        for _ in 0..<max(1, threads) {
            group.enter()
            Thread {
                var count = 0
                while Date() < deadline {
                    _ = try? signer.signed(body)
                    count += 1
                }
                total.withLock { $0 += count }
                group.leave()
            }.start()
        }
        group.wait()
        return Double(total.withLock { $0 }) / seconds
    }
}
