import Foundation
import HTTPTypes
import Hummingbird
import MuseCardKit

/// The HTTP face of the sandbox: `/v1/…` for the API, `/_sandbox/…` for its own controls.
enum SandboxRoutes {
    static func router(core: SandboxCore) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/_sandbox/faults") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 16)
            let reply: Reply
            do {
                let json: JSONValue
                do { json = try JSONParser.parse(bytes.readableBytesView) } catch { throw Rejection.invalid("body", "is not valid JSON") }
                let (plan, seed) = try FaultPlan.parse(json)
                core.faults.update(plan, seed: seed)
                reply = .json(plan.json)
            } catch let rejection as Rejection {
                reply = .rejected(rejection, codeAsString: false)
            }
            core.stats.record(path: "/_sandbox/faults", reason: reply.reason)
            return response(reply)
        }
        router.get("/_sandbox/faults") { _, _ in response(.json(core.faults.plan.json)) }
        router.get("/_sandbox/stats") { _, _ in response(.json(core.stats.json)) }
        router.get("/_sandbox/card-requests") { _, _ in response(.json(core.cardRequests.json)) }
        router.post("/_sandbox/reset") { _, _ in
            core.reset()
            return response(.json(["reset": true]))
        }
        router.get("/_sandbox/reveal/:token") { _, context -> Response in
            // The token is a secret: it is never logged, and stats count the path without it.
            let token = context.parameters.get("token") ?? ""
            guard let payload = core.vault.redeem(token) else {
                core.stats.record(path: "/_sandbox/reveal", reason: "GONE")
                return response(Reply(status: 410, body: #"{"code":410,"message":"GONE: this link was used or has expired"}"#))
            }
            core.stats.record(path: "/_sandbox/reveal", reason: nil)
            return response(Reply(status: 200, body: payload.jsonText(), headers: ["Cache-Control": "no-store"]))
        }
        router.post("**") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            return response(await core.handle(path: request.uri.path, bytes: Array(bytes.readableBytesView)))
        }
        router.get("**") { request, _ in
            response(.rejected(.notFound(request.uri.path), codeAsString: false))
        }
        return router
    }

    static func response(_ reply: Reply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        if reply.drop, let marker = HTTPField.Name(DropConnectionHandler.marker) { headers[marker] = "1" }
        return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
