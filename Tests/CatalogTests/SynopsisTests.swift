import Testing
@testable import Catalog

/// `incident-chat help` texts against golden files (UPDATE_GOLDEN=1 rewrites them).
@Suite struct SynopsisTests {
    let catalog = Catalog.shared

    @Test func catalogHelp() throws {
        if let difference = try Support.checkGolden(Synopsis.catalog(), "help.txt") { Issue.record("\(difference)") }
    }

    @Test(arguments: ServiceName.allCases)
    func serviceHelp(_ name: ServiceName) throws {
        let text = Synopsis.service(catalog[name])
        if let difference = try Support.checkGolden(text, "\(name.rawValue).txt") { Issue.record("\(difference)") }
    }

    /// Every operation of both services has a golden synopsis.
    @Test(arguments: ServiceName.allCases)
    func operationHelp(_ name: ServiceName) throws {
        let service = catalog[name]
        for operation in service.operations {
            let text = Synopsis.operation(operation, in: service)
            if let difference = try Support.checkGolden(text, "\(name.rawValue)/\(operation.cliName).txt") {
                Issue.record("\(difference)")
            }
        }
    }

    @Test func filtersShorthand() throws {
        let incidents = catalog[.incidents]
        let list = try #require(incidents.operation(named: "list-timeline-events"))
        let filters = try #require(list.option(named: "filters"))
        #expect(ShapeSyntax(service: incidents).shorthand(filters.shape)
                == "condition={after=timestamp,before=timestamp,"
                + "equals={integerValues=[integer,integer],stringValues=[string,string]}},key=string ...")
    }

    @Test func synopsisPutsRequiredOptionsFirst() throws {
        let incidents = catalog[.incidents]
        let text = Synopsis.operation(try #require(incidents.operation(named: "create-timeline-event")), in: incidents)
        let lines = text.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "  create-timeline-event"))
        #expect(Array(lines[(start + 1)...(start + 6)]) == [
            "    --event-data <value>",
            "    --event-time <value>",
            "    --event-type <value>",
            "    --incident-record-arn <value>",
            "    [--client-token <value>]",
            "    [--event-references <value>]",
        ])
    }

    @Test func typeNames() throws {
        let incidents = catalog[.incidents]
        let syntax = ShapeSyntax(service: incidents)
        #expect(syntax.typeName(try #require(incidents.shapeID(named: "TagMap"))) == "map of string to string")
        #expect(syntax.typeName(try #require(incidents.shapeID(named: "EventReferenceList"))) == "list of union")
    }
}
