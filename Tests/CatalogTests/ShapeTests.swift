import Testing
@testable import Catalog

/// Spot checks of shapes and members against facts of the models.
@Suite struct ShapeTests {
    let incidents = Catalog.shared[.incidents]
    let contacts = Catalog.shared[.contacts]

    @Test func createTimelineEventInput() throws {
        let operation = try #require(incidents.operation(named: "CreateTimelineEvent"))
        let input = try #require(incidents.input(of: operation))
        #expect(input.name == "CreateTimelineEventInput")
        #expect(input.members.map(\.name)
                == ["clientToken", "eventData", "eventReferences", "eventTime", "eventType", "incidentRecordArn"])
        #expect(input.requiredMembers.map { input.members[$0].name }
                == ["eventData", "eventTime", "eventType", "incidentRecordArn"])
        let eventData = try #require(input.member(named: "eventData"))
        let eventDataShape = incidents.shape(of: eventData)
        #expect(eventDataShape.kind == .string)
        #expect(eventDataShape.min == 0 || eventDataShape.min == 1 || eventDataShape.min == nil)
        #expect(eventDataShape.max == 12000)
        let time = try #require(input.member(named: "eventTime"))
        #expect(incidents.shape(of: time).kind == .timestamp)
        #expect(incidents.timestampFormat(of: time) == .unixTimestamp)
        let references = incidents.shape(of: try #require(input.member(named: "eventReferences")))
        #expect(references.kind == .list)
        #expect(references.max == 10)
        #expect(incidents[references.element!].kind == .union)
        #expect(incidents[references.element!].members.map(\.name) == ["relatedItemId", "resource"])
    }

    @Test func numbersAndEnums() throws {
        let impact = try #require(incidents.shape(named: "Impact"))
        #expect(impact.kind == .integer)
        #expect(impact.min == 1 && impact.max == 5)
        let status = try #require(incidents.shape(named: "IncidentRecordStatus"))
        #expect(status.enumValues == ["OPEN", "RESOLVED"])
        let hour = try #require(contacts.shape(named: "HourOfDay"))
        #expect(hour.min == 0 && hour.max == 23)
        let channelType = try #require(contacts.shape(named: "ChannelType"))
        #expect(channelType.enumValues == ["SMS", "VOICE", "EMAIL"])
    }

    @Test func patternsAreVerbatim() throws {
        let tagKey = try #require(incidents.shape(named: "TagKey"))
        #expect(tagKey.pattern == #"^(?!aws:)[A-Za-z0-9 _=@:.+-/]+$"#)
        #expect(tagKey.min == 1 && tagKey.max == 128)
        let name = try #require(contacts.shape(named: "ContactName"))
        #expect(name.pattern == #"^[\p{L}\p{Z}\p{N}_.\-]*$"#)
        let token = try #require(contacts.shape(named: "IdempotencyToken"))
        #expect(token.pattern == #"^[\\\/a-zA-Z0-9_+=\-]*$"#)
        let uuid = try #require(contacts.shape(named: "Uuid"))
        #expect(uuid.pattern?.hasPrefix("([a-fA-Z0-9]{8,11}") == true)
        // Every pattern the models hold is carried over: 8 + 23.
        #expect(incidents.shapes.filter { $0.pattern != nil }.count == 8)
        #expect(contacts.shapes.filter { $0.pattern != nil }.count == 23)
    }

    @Test func mapsUnionsAndLocations() throws {
        let tags = try #require(incidents.shape(named: "TagMap"))
        #expect(tags.kind == .map)
        #expect(incidents[tags.key!].name == "TagKey")
        #expect(incidents[tags.value!].name == "TagValue")
        let condition = try #require(incidents.shape(named: "Condition"))
        #expect(condition.kind == .union)
        #expect(condition.members.map(\.name) == ["after", "before", "equals"])

        let tag = try #require(incidents.operation(named: "tag-resource"))
        #expect(tag.http.method == "POST")
        #expect(tag.http.requestURI == "/tags/{resourceArn}")
        #expect(tag.http.uriLabels == ["resourceArn"])
        let arn = try #require(incidents.input(of: tag)?.member(named: "resourceArn"))
        #expect(arn.location == .uri)
        #expect(arn.locationName == "resourceArn")
        let untagOperation = try #require(incidents.operation(named: "UntagResource"))
        let untag = try #require(incidents.input(of: untagOperation))
        #expect(untag.member(named: "tagKeys")?.location == .querystring)
        #expect(untag.member(named: "tagKeys")?.locationName == "tagKeys")
        let get = try #require(incidents.operation(named: "get-incident-record"))
        #expect(get.http.method == "GET")
        #expect(incidents.input(of: get)?.member(named: "arn")?.location == .querystring)
        #expect(incidents.timestampFormat(of: Member("t", cli: "t", shape: 0, location: .querystring)) == .iso8601)
    }

    @Test func idempotencyTokens() {
        let count = incidents.shapes.reduce(0) { $0 + $1.members.filter(\.isIdempotencyToken).count }
        #expect(count == 10)
        let contactsCount = contacts.shapes.reduce(0) { $0 + $1.members.filter(\.isIdempotencyToken).count }
        #expect(contactsCount == 3)
    }

    @Test func kindsCoverTheModels() {
        var kinds = Set<Shape.Kind>()
        for service in Catalog.shared.services { for shape in service.shapes { kinds.insert(shape.kind) } }
        #expect(kinds.isSuperset(of: [.structure, .union, .list, .map, .string, .integer, .boolean, .timestamp]))
    }
}
