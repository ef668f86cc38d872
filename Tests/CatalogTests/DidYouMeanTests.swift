import Testing
@testable import Catalog

@Suite struct DidYouMeanTests {
    let catalog = Catalog.shared

    @Test func distance() {
        #expect(DidYouMean.distance("kitten", "sitting") == 3)
        #expect(DidYouMean.distance("abc", "abc") == 0)
        #expect(DidYouMean.distance("acb", "abc") == 1)
        #expect(DidYouMean.distance("", "abc") == 3)
        #expect(DidYouMean.distance("Create", "create") == 0)
        #expect(DidYouMean.distance("event_time", "event-time") == 0)
    }

    @Test func services() {
        #expect(catalog.suggestServices(for: "ssm-incident") == ["ssm-incidents"])
        #expect(catalog.suggestServices(for: "ssm-contact") == ["ssm-contacts"])
        #expect(catalog.suggestServices(for: "ec2").isEmpty)
    }

    @Test func operations() {
        let incidents = catalog[.incidents]
        #expect(incidents.suggestOperations(for: "create-timline-event") == ["create-timeline-event"])
        #expect(incidents.suggestOperations(for: "CreateTimelinEvent") == ["CreateTimelineEvent"])
        #expect(incidents.suggestOperations(for: "get-incident-recrod").first == "get-incident-record")
        #expect(incidents.suggestOperations(for: "list-timeline-event").first == "list-timeline-events")
        #expect(incidents.suggestOperations(for: "reboot").isEmpty)
    }

    @Test func options() throws {
        let incidents = catalog[.incidents]
        let create = try #require(incidents.operation(named: "create-timeline-event"))
        #expect(incidents.suggestOptions(for: "incident-recrd-arn", in: create) == ["incident-record-arn"])
        #expect(incidents.suggestOptions(for: "event-tyep", in: create).first == "event-type")
        let list = try #require(incidents.operation(named: "list-incident-records"))
        #expect(incidents.suggestOptions(for: "max-item", in: list).first == "max-items")
        #expect(incidents.suggestOptions(for: "zzzzzzzz", in: list).isEmpty)
    }

    @Test func members() throws {
        let condition = try #require(catalog[.incidents].shape(named: "Condition"))
        #expect(catalog[.incidents].suggestMembers(for: "befor", in: condition) == ["before"])
    }
}
