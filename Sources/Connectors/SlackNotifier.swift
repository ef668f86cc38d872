import Channel

/// Notifications as Slack messages through the Web API, one thread per
/// incident: the first notification of an incident starts a thread in the
/// channel (`chat.postMessage`), later ones reply in it (`thread_ts`). Each
/// incident's notifications go out in the order they were published, one at
/// a time; different incidents do not wait for each other. Slack incoming
/// webhooks are replaced by the API; the channel's other webhooks (Teams,
/// Amazon Chime) still get theirs through the deliverer.
///
/// Threads are remembered in memory (the last `capacity` incidents): after a
/// restart, an incident's next notification starts a new thread.
public actor SlackNotifier: WebhookTransport {
    public nonisolated let api: SlackWebAPI
    public nonisolated let channelId: String
    nonisolated let deliverer: WebhookDeliverer
    /// The buttons notifications carry; nil: none.
    public nonisolated let buttons: NotificationButtons?
    let capacity: Int

    private var threads: [String: String] = [:]
    private var threadOrder: [String] = []
    nonisolated let queues = SerialQueues()

    public init(api: SlackWebAPI, channelId: String, deliverer: WebhookDeliverer, buttons: NotificationButtons? = nil,
                capacity: Int = 10_000) {
        self.api = api
        self.channelId = channelId
        self.deliverer = deliverer
        self.buttons = buttons
        self.capacity = capacity
    }

    public func enqueue(_ delivery: Delivery) async {
        let notification = delivery.notification
        queues.add(notification.incidentArn) { await self.post(notification) }
        for message in delivery.webhookMessages where message.kind != .slack {
            await deliverer.send(.init(url: message.url, kind: message.kind, body: message.body,
                                       incident: notification.incidentArn, subject: notification.headline))
        }
    }

    public func flush() async {
        await queues.flush()
        await deliverer.flush()
    }

    /// The thread of an incident's notifications, once one was posted.
    public func thread(of incident: String) -> String? { threads[incident] }

    /// Posts one notification: the start of its incident's thread, or a reply in it.
    private func post(_ notification: IncidentNotification) async {
        let incident = notification.incidentArn
        let thread = threads[incident]
        var blocks = NotificationFormatter.slackBlocks(notification)
        if let actions = buttons?.block(for: notification), case .array(let items) = blocks { blocks = .array(items + [actions]) }
        let ts = await api.postMessage(channel: channelId, text: NotificationFormatter.slackText(notification),
                                       blocks: blocks, thread: thread,
                                       incident: incident, subject: notification.headline)
        if thread == nil, let ts { remember(incident, ts) }
    }

    private func remember(_ incident: String, _ ts: String) {
        if threadOrder.count >= capacity {
            threads[threadOrder.removeFirst()] = nil
        }
        threads[incident] = ts
        threadOrder.append(incident)
    }
}
