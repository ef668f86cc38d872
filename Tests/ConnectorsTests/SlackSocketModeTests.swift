import Channel
import Connectors
import Foundation
import Logging
import Testing

@Suite("Slack Socket Mode envelopes")
struct SlackSocketModeTests {
    @Test func envelopesAreAcknowledgedAndRun() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let socket = SlackSocketMode(appToken: "xapp-t", deliverer: h.deliverer, events: h.responder, interactivity: nil,
                                     commands: h.base.responder, logger: logger)
        let before = try await h.base.eventCount()
        let event = String(decoding: h.body("<@U0APP> " + h.addEvent, user: "U0BOB", eventId: "EvS1"), as: UTF8.self)
        let step = await socket.handle(#"{"envelope_id":"e-1","type":"events_api","payload":\#(event),"retry_attempt":0}"#)
        #expect(step.ack == #"{"envelope_id":"e-1"}"# && !step.reconnect)
        // Slack's retry of the same event over the socket: acknowledged, not run again.
        let again = await socket.handle(#"{"envelope_id":"e-2","type":"events_api","payload":\#(event),"retry_attempt":1}"#)
        #expect(again.ack == #"{"envelope_id":"e-2"}"#)
        await h.responder.flush()
        #expect(try await h.base.eventCount() == before + 1)
        #expect(h.slack.calls("chat.postMessage").count == 1)
        // A slash command's answer rides on its acknowledgement.
        let slash = await socket.handle(#"{"envelope_id":"e-3","type":"slash_commands","payload":{"command":"/aws","text":"ssm-incidents list-incident-records --query 'length(incidentRecordSummaries)'","user_name":"alice","user_id":"U0ALICE"}}"#)
        #expect(slash.ack == #"{"envelope_id":"e-3","payload":{"response_type":"in_channel","text":"```\n1\n```"}}"#)
        // Garbage, and an envelope without an id: ignored; Slack's disconnect: connect again.
        #expect(await socket.handle("not json") == (nil, false))
        #expect(await socket.handle(#"{"type":"events_api","payload":{}}"#) == (nil, false))
        #expect(await socket.handle(#"{"type":"hello"}"#) == (nil, false))
        #expect(await socket.handle(#"{"type":"disconnect","reason":"refresh_requested"}"#) == (nil, true))
    }
}
