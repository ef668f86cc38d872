import Testing
@testable import Catalog

/// The typed operations and the tables keyed by them (Catalog/Tables).
@Suite struct OperationTablesTests {
    let catalog = Catalog.shared

    @Test func theEnumsAreTheModelsOperationsInModelOrder() {
        #expect(IncidentsOperation.allCases.map(\.rawValue) == catalog[.incidents].operations.map(\.name))
        #expect(ContactsOperation.allCases.map(\.rawValue) == catalog[.contacts].operations.map(\.name))
        #expect(OperationName.allCases.count == 70)
        for operation in OperationName.allCases {
            let model = catalog[operation]
            #expect(model.id == operation)
            #expect(model.name == operation.name)
            #expect(OperationName(service: operation.service, name: operation.name) == operation)
            #expect(catalog[operation.service].operation(apiName: operation.name) === model)
        }
    }

    @Test func namesOfNoOperationAreNoIdentifier() {
        #expect(OperationName(service: .incidents, name: "LaunchRocket") == nil)
        #expect(OperationName(service: .incidents, name: "AddRelatedItemsToIncident") == nil)
        // The same API name in two services is two operations.
        #expect(OperationName(service: .contacts, name: "TagResource") == .contacts(.tagResource))
        #expect(OperationName(service: .incidents, name: "TagResource") == .incidents(.tagResource))
        #expect(OperationName(service: .contacts, name: "StartIncident") == nil)
    }

    @Test func anOperationPrintsAsItsAPIName() {
        #expect("\(OperationName.incidents(.createTimelineEvent))" == "CreateTimelineEvent")
        #expect("\(ContactsOperation.listPagesByContact)" == "ListPagesByContact")
        #expect(OperationName.contacts(.acceptPage).service == .contacts)
    }

    /// Every resource row names a string member of the operation's input, and
    /// a name template is an ARN of its service.
    @Test func everyIAMResourceNamesAStringInputMember() {
        for operation in OperationName.allCases {
            let service = catalog[operation.service]
            let member: String?
            switch operation.iamResource {
            case .member(let name): member = name
            case .named(let name, let template):
                member = name
                #expect(template.hasPrefix("arn:aws:\(operation.service.rawValue):"), "\(operation)")
                #expect(template.hasSuffix("/{name}"), "\(operation)")
            case .any: member = nil
            }
            guard let member else { continue }
            let input = service.input(of: catalog[operation])
            let found = input?.member(named: member)
            #expect(found != nil, "\(operation): no input member \(member)")
            if let found { #expect(service.shape(of: found).kind == .string, "\(operation).\(member)") }
        }
    }

    @Test func theOperationsThatCreateANamedResourceBuildItsARN() {
        let named = OperationName.allCases.filter { if case .named = $0.iamResource { true } else { false } }
        #expect(named == [.incidents(.createResponsePlan), .contacts(.createContact), .contacts(.createRotation)])
        #expect(OperationName.incidents(.listIncidentRecords).iamResource == .any)
        #expect(OperationName.contacts(.tagResource).iamResource == .member("ResourceARN"))
    }

    /// The operations that notify the chat channel, and the members that name
    /// their incident exist where the notice says.
    @Test func theNotifyingOperations() {
        let notifying = OperationName.allCases.compactMap { op in op.channelNotice.map { (op, $0) } }
        #expect(notifying.map(\.0) == [.incidents(.createTimelineEvent), .incidents(.startIncident),
                                       .incidents(.updateIncidentRecord), .incidents(.updateRelatedItems)])
        #expect(Set(notifying.map(\.1)) == Set(ChannelNotice.allCases))
        let incidents = catalog[.incidents]
        for (operation, notice) in notifying {
            let model = catalog[operation]
            switch notice {
            case .incidentStarted:
                #expect(incidents.output(of: model)?.member(named: "incidentRecordArn") != nil)
            case .incidentUpdated:
                #expect(incidents.input(of: model)?.member(named: "arn") != nil)
            case .timelineEventAdded, .relatedItemsAdded:
                #expect(incidents.input(of: model)?.member(named: "incidentRecordArn") != nil)
            }
        }
    }
}
