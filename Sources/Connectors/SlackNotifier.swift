import Backend
import Channel
import Logging

/// Notifications as Slack messages through the Web API, one thread per
/// incident: the first notification of an incident starts a thread in the
/// channel (`chat.postMessage`), later ones reply in it (`thread_ts`). Each
/// incident's notifications go out in the order they were published, one at
/// a time; different incidents do not wait for each other. Slack incoming
/// webhooks are replaced by the API; the channel's other webhooks (Teams,
/// Amazon Chime) still get theirs through the deliverer.
///
/// Threads are remembered in the store's channel data (`slack-threads:C…`,
/// the last `capacity` incidents), so that after a restart an incident's
/// next notification still replies in its thread.
public actor SlackNotifier: WebhookTransport {
    public nonisolated let api: SlackWebAPI
    public nonisolated let channelId: String
    nonisolated let deliverer: WebhookDeliverer
    /// The buttons notifications carry; nil: none.
    public nonisolated let buttons: NotificationButtons?
    /// Incident ARN → the `ts` of its thread's first message.
    let threads: StoredRecords
    nonisolated let queues = SerialQueues()

    /// `store` (with `account`) keeps the threads across restarts; nil: in memory only.
    public init(api: SlackWebAPI, channelId: String, deliverer: WebhookDeliverer, buttons: NotificationButtons? = nil,
                store: (any ChannelDataStore)? = nil, account: String = ChannelConfiguration.defaultAccount, capacity: Int = 10_000,
                logger: Logger = Logger(label: "incident-chat.slack")) {
        self.api = api
        self.channelId = channelId
        self.deliverer = deliverer
        self.buttons = buttons
        self.threads = StoredRecords(store: store, account: account, kind: "slack-threads:" + channelId, capacity: capacity, logger: logger)
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
    public func thread(of incident: String) async -> String? { await threads.value(incident) }

    /// Posts one notification: the start of its incident's thread, or a reply in it.
    private func post(_ notification: IncidentNotification) async {
        let incident = notification.incidentArn
        let thread = await threads.value(incident)
        var blocks = NotificationFormatter.slackBlocks(notification)
        if let actions = buttons?.block(for: notification), case .array(let items) = blocks { blocks = .array(items + [actions]) }
        let ts = await api.postMessage(channel: channelId, text: NotificationFormatter.slackText(notification),
                                       blocks: blocks, thread: thread,
                                       incident: incident, subject: notification.headline)
        if thread == nil, let ts { await threads.set(incident, ts) }
    }
}
