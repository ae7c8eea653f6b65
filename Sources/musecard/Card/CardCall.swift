import ArgumentParser
import Foundation
import MuseCardKit

/// Runs one request from the command line: validate, configure, send, print, exit code.
enum CardCall {
    static func run<Request: MusePayRequest>(
        _ request: Request, connection: ConnectionOptions, json: Bool,
        render: (Request.Response) -> [String]
    ) async throws {
        LogSetup.commandLine()
        do { try request.validate() } catch { throw ExitStatus.fail(error) }
        let configuration: ClientConfiguration
        do { configuration = try connection.resolved().clientConfiguration() } catch { throw ExitStatus.fail(error) }
        let client = MusePayClient(configuration: configuration)
        let result: Result<Request.Response, MusePayError>
        do { result = .success(try await client.send(request)) } catch { result = .failure(error) }
        await client.shutdown()
        switch result {
        case .success(let answer):
            let lines = json ? [answer.json.prettyText()] : render(answer)
            print(lines.joined(separator: "\n"))
        case .failure(let error):
            throw ExitStatus.fail(error)
        }
    }
}

/// A fresh idempotency key: a prefix, the date and random letters.
enum RequestID {
    static func make(prefix: String) -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        return "\(prefix)-\(stamp)-\(Nonce.make().prefix(10))"
    }
}
