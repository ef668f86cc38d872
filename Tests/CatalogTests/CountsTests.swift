import Testing
@testable import Catalog

@Suite struct CountsTests {
    let catalog = Catalog.shared

    @Test func operationCounts() {
        #expect(catalog[.incidents].operations.count == 31)
        #expect(catalog[.contacts].operations.count == 39)
    }

    @Test func shapeCounts() {
        #expect(catalog[.incidents].shapes.count == 197)
        #expect(catalog[.contacts].shapes.count == 186)
    }

    @Test func version() {
        #expect(Catalog.botocoreVersion == "1.43.11")
    }

    @Test func metadata() {
        let incidents = catalog[.incidents].metadata
        #expect(incidents.protocol == .restJSON)
        #expect(incidents.signingName == "ssm-incidents")
        #expect(incidents.endpointPrefix == "ssm-incidents")
        #expect(incidents.apiVersion == "2018-05-10")
        #expect(incidents.serviceID == "SSM Incidents")
        #expect(incidents.targetPrefix == nil)
        let contacts = catalog[.contacts].metadata
        #expect(contacts.protocol == .json)
        #expect(contacts.jsonVersion == "1.1")
        #expect(contacts.targetPrefix == "SSMContacts")
        #expect(contacts.target(of: "AcceptPage") == "SSMContacts.AcceptPage")
        #expect(contacts.serviceID == "SSM Contacts")
        #expect(contacts.apiVersion == "2021-05-03")
    }

    @Test func everyReferenceIsInTheTable() {
        for service in catalog.services {
            let count = service.shapes.count
            for shape in service.shapes {
                for member in shape.members { #expect(member.shape.index < count) }
                for id in [shape.element, shape.key, shape.value].compactMap({ $0 }) { #expect(id.index < count) }
            }
            for operation in service.operations {
                #expect(!operation.summary.isEmpty)
                if let input = operation.input { #expect(service[input].kind == .structure) }
            }
        }
    }

    @Test func serviceLookup() {
        #expect(catalog.service(named: "ssm-incidents")?.name == .incidents)
        #expect(catalog.service(named: "ssm-contacts")?.name == .contacts)
        #expect(catalog.service(named: "ssm") == nil)
        #expect(catalog.services.map(\.name.rawValue) == ["ssm-contacts", "ssm-incidents"])
    }
}
