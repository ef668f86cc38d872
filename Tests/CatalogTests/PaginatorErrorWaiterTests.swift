import Testing
@testable import Catalog

@Suite struct PaginatorErrorWaiterTests {
    let incidents = Catalog.shared[.incidents]
    let contacts = Catalog.shared[.contacts]

    @Test func paginators() throws {
        #expect(incidents.operations.filter { $0.paginator != nil }.count == 7)
        #expect(contacts.operations.filter { $0.paginator != nil }.count == 11)
        let list = try #require(incidents.operation(named: "ListIncidentRecords")?.paginator)
        #expect(list.inputToken == ["nextToken"])
        #expect(list.outputToken == ["nextToken"])
        #expect(list.limitKey == "maxResults")
        #expect(list.resultKey == ["incidentRecordSummaries"])
        let resolutions = try #require(contacts.operation(named: "list-page-resolutions"))
        #expect(resolutions.paginator?.limitKey == nil)
        #expect(resolutions.pagingOptions == ["starting-token", "max-items"])
        #expect(contacts.operation(named: "ListContacts")?.paginator?.resultKey == ["Contacts"])
    }

    @Test func errors() throws {
        let create = try #require(incidents.operation(named: "CreateTimelineEvent"))
        #expect(create.errors.map(\.name) == [
            "ThrottlingException", "ResourceNotFoundException", "AccessDeniedException",
            "ValidationException", "ConflictException", "InternalServerException",
        ])
        #expect(create.canReturn("ConflictException"))
        #expect(incidents.error(named: "ResourceNotFoundException")?.httpStatusCode == 404)
        #expect(incidents.error(named: "ServiceQuotaExceededException")?.httpStatusCode == 402)
        #expect(incidents.error(named: "InternalServerException")?.isFault == true)
        // The JSON 1.1 model gives no statuses: the protocol's defaults stand in.
        let notFound = try #require(contacts.error(named: "ResourceNotFoundException"))
        #expect(notFound.httpStatusCode == 400 && !notFound.statusIsModeled)
        #expect(contacts.error(named: "InternalServerException")?.httpStatusCode == 500)
        #expect(contacts.error(named: "DataEncryptionException") != nil)
        for service in Catalog.shared.services {
            for error in service.errors { #expect(service[error.shape].isException, "\(error.name)") }
        }
    }

    @Test func httpBindings() throws {
        let create = try #require(incidents.operation(named: "CreateTimelineEvent"))
        #expect(create.http == HTTPBinding(method: "POST", requestURI: "/createTimelineEvent", responseCode: 201))
        #expect(create.isIdempotent)
        for operation in contacts.operations {
            #expect(operation.http.method == "POST" && operation.http.requestURI == "/")
        }
    }

    @Test func waiters() throws {
        #expect(incidents.waiters.map(\.name) == ["WaitForReplicationSetActive", "WaitForReplicationSetDeleted"])
        #expect(contacts.waiters.isEmpty)
        let active = try #require(incidents.waiter(named: "wait-for-replication-set-active"))
        #expect(active.operation == .incidents(.getReplicationSet))
        #expect(active.delay == 30 && active.maxAttempts == 5)
        #expect(active.acceptors.first == Waiter.Acceptor(
            matcher: .path, state: .success, argument: "replicationSet.status", expected: .string("ACTIVE")))
        let deleted = try #require(incidents.waiter(named: "WaitForReplicationSetDeleted"))
        #expect(deleted.acceptors.first?.matcher == .error)
        #expect(deleted.acceptors.first?.expected == .string("ResourceNotFoundException"))
    }
}
