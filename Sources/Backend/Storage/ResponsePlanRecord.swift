import Catalog
import OrderedCollections

/// A response plan as a store keeps it. The nested unions (chat channel,
/// actions, integrations) are kept whole as values: the engine never looks inside.
public struct ResponsePlanRecord: Sendable, Hashable {
    public var account: String
    public var arn: String
    public var name: String
    public var displayName: String?
    public var template: IncidentTemplateRecord
    public var chatChannel: Value?
    public var engagements: [String]?
    public var actions: Value?
    public var integrations: Value?

    public init(account: String, arn: String, name: String, displayName: String?, template: IncidentTemplateRecord,
                chatChannel: Value?, engagements: [String]?, actions: Value?, integrations: Value?) {
        self.account = account
        self.arn = arn
        self.name = name
        self.displayName = displayName
        self.template = template
        self.chatChannel = chatChannel
        self.engagements = engagements
        self.actions = actions
        self.integrations = integrations
    }
}

/// What a response plan gives every incident it starts.
public struct IncidentTemplateRecord: Sendable, Hashable {
    public var title: String
    public var impact: Int64
    public var summary: String?
    public var dedupeString: String?
    public var notificationTargets: [Value]?
    public var incidentTags: OrderedDictionary<String, String>?

    public init(title: String, impact: Int64, summary: String? = nil, dedupeString: String? = nil,
                notificationTargets: [Value]? = nil, incidentTags: OrderedDictionary<String, String>? = nil) {
        self.title = title
        self.impact = impact
        self.summary = summary
        self.dedupeString = dedupeString
        self.notificationTargets = notificationTargets
        self.incidentTags = incidentTags
    }

    /// The `IncidentTemplate` shape, members in model order.
    public var value: Value {
        var m = OrderedDictionary<String, Value>()
        if let dedupeString { m["dedupeString"] = .string(dedupeString) }
        m["impact"] = .integer(impact)
        if let incidentTags, !incidentTags.isEmpty { m["incidentTags"] = .map(incidentTags.mapValues { .string($0) }) }
        if let notificationTargets { m["notificationTargets"] = .list(notificationTargets) }
        if let summary { m["summary"] = .string(summary) }
        m["title"] = .string(title)
        return .structure(m)
    }

    /// Reads the `IncidentTemplate` shape back.
    public init(value: Value) {
        var tags: OrderedDictionary<String, String>?
        if let t = value["incidentTags"]?.members {
            tags = OrderedDictionary(uniqueKeysWithValues: t.map { ($0.key, $0.value.string ?? "") })
        }
        self.init(title: value["title"]?.string ?? "", impact: value["impact"]?.integer ?? 5,
                  summary: value["summary"]?.string, dedupeString: value["dedupeString"]?.string,
                  notificationTargets: value["notificationTargets"]?.list, incidentTags: tags)
    }
}
