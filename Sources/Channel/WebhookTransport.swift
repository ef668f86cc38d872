/// Where a session hands the notifications it delivers, for their webhook
/// requests to be sent (to Slack's incoming webhooks, to Amazon Chime's).
///
/// `enqueue` only takes the work: sending happens in the background, and a
/// webhook that fails never fails, nor holds up, the command that caused the
/// notification. `flush` waits until everything taken has been sent or has
/// been recorded as failed (before a process exits).
public protocol WebhookTransport: Sendable {
    func enqueue(_ delivery: Delivery) async
    func flush() async
}
