import AsyncHTTPClient
import Connectors
import Foundation
import Logging
import NIOCore
import Server
import Testing

@Suite("The slash command route on the server")
struct SlackEndpointServerTests {
    func post(_ port: Int, _ path: String, method: String = "POST", body: [UInt8], headers: [(String, String)])
        async throws -> (status: UInt, type: String?, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let data = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, response.headers.first(name: "Content-Type"), String(buffer: data))
    }

    @Test func signedCommandsPassForgedOnesDoNot() async throws {
        let h = SlackHarness()
        try await h.setUp()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let endpoint = SlackCommandEndpoint(responder: SlashCommandResponder(
            signature: SlackSignature(secret: SlackHarness.secret), channel: h.responder.channel, backend: h.backend,
            settings: h.responder.settings, deliverer: h.deliverer, logger: logger))
        var configuration = ServerConfiguration(port: 0)
        configuration.endpoints = [endpoint]
        let server = try await IncidentServer(backend: h.backend, configuration: configuration, logger: logger).start()
        do {
            try await exchange(h, port: server.port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func exchange(_ h: SlackHarness, port: Int) async throws {
        let body = h.form("ssm-incidents list-incident-records --query 'length(incidentRecordSummaries)'")
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let good = SlackSignature(secret: SlackHarness.secret).sign(timestamp: timestamp, body: body)
        let ok = try await post(port, "/slack/commands", body: body,
                                headers: [("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", good),
                                          ("Content-Type", "application/x-www-form-urlencoded")])
        #expect(ok.status == 200 && ok.type?.hasPrefix("application/json") == true)
        #expect(ok.body == #"{"response_type":"in_channel","text":"```\n1\n```"}"#)

        let forged = SlackSignature(secret: "guess").sign(timestamp: timestamp, body: body)
        let refused = try await post(port, "/slack/commands", body: body,
                                     headers: [("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", forged)])
        #expect(refused.status == 401 && refused.body.contains("does not match"))
        // Only POST on that exact path reaches the connector; the rest is the service's.
        let other = try await post(port, "/slack/commands/x", body: body,
                                   headers: [("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", good)])
        #expect(other.status == 403)
    }
}
