import Backend
import Catalog
import Testing

@Suite("Conformance: replication sets")
struct ReplicationSetConformance {
    @Test(arguments: BackendKind.allCases)
    func createGetList(kind: BackendKind) async throws {
        let h = try kind.make()
        #expect(try await h.call(.listReplicationSets)["replicationSetArns"]!.strings == [])
        let arn = try await h.createReplicationSet(["us-west-2", "us-east-1"])
        #expect(arn.hasPrefix("arn:aws:ssm-incidents::111122223333:replication-set/"))
        let set = try await h.call(.getReplicationSet, ["arn": .string(arn)])["replicationSet"]!
        #expect(set.keys == ["arn", "createdBy", "createdTime", "deletionProtected", "lastModifiedBy",
                             "lastModifiedTime", "regionMap", "status"])
        #expect(set["createdBy"] == .string("arn:aws:iam::111122223333:user/alice"))
        #expect(set["createdTime"] == .timestamp(Harness.start))
        #expect(set["status"] == .string("ACTIVE"))
        #expect(set["deletionProtected"] == .boolean(false))
        #expect(set["regionMap"]!.keys == ["us-east-1", "us-west-2"])
        #expect(set["regionMap"]!["us-east-1"]!["status"] == .string("ACTIVE"))
        #expect(try await h.call(.listReplicationSets)["replicationSetArns"]!.strings == [arn])

        try await h.expectError(.conflict, .createReplicationSet, ["regions": .map(["eu-west-1": .structure([:])])])
        try await h.expectError(.resourceNotFound, .getReplicationSet,
                                ["arn": .string("arn:aws:ssm-incidents::111122223333:replication-set/nope")])
        try await h.expectError(.validation, .createReplicationSet, ["regions": .map(["moon-1": .structure([:])])])
    }

    @Test(arguments: BackendKind.allCases)
    func updateRegions(kind: BackendKind) async throws {
        let h = try kind.make()
        let arn = try await h.createReplicationSet()
        func update(_ action: String, _ region: String) -> OrderedInput {
            ["actions": .list([.structure([action: .structure(["regionName": .string(region)])])]), "arn": .string(arn)]
        }
        h.clock.advance(by: 60)
        try await h.call(.updateReplicationSet, update("addRegionAction", "eu-west-1"), as: h.bob)
        let set = try await h.call(.getReplicationSet, ["arn": .string(arn)])["replicationSet"]!
        #expect(set["regionMap"]!.keys == ["eu-west-1", "us-east-1"])
        #expect(set["lastModifiedBy"] == .string("arn:aws:iam::111122223333:user/bob"))
        #expect(set["lastModifiedTime"] == time(60))
        try await h.expectError(.validation, .updateReplicationSet, update("addRegionAction", "eu-west-1"))
        try await h.call(.updateReplicationSet, update("addRegionAction", "ap-south-1"))
        try await h.expectError(.serviceQuotaExceeded, .updateReplicationSet, update("addRegionAction", "sa-east-1"))
        try await h.call(.updateReplicationSet, update("deleteRegionAction", "ap-south-1"))
        try await h.call(.updateReplicationSet, update("deleteRegionAction", "eu-west-1"))
        try await h.expectError(.validation, .updateReplicationSet, update("deleteRegionAction", "us-east-1"))
        try await h.expectError(.validation, .updateReplicationSet, update("deleteRegionAction", "eu-north-1"))
        try await h.expectError(.resourceNotFound, .updateReplicationSet,
                                ["actions": update("addRegionAction", "eu-west-3")["actions"]!,
                                 "arn": .string("arn:aws:ssm-incidents::111122223333:replication-set/x")])
    }

    @Test(arguments: BackendKind.allCases)
    func deletionProtectionAndDelete(kind: BackendKind) async throws {
        let h = try kind.make()
        let arn = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let incident = try await h.startIncident(plan)
        try await h.call(.updateDeletionProtection, ["arn": .string(arn), "deletionProtected": .boolean(true)])
        #expect(try await h.call(.getReplicationSet, ["arn": .string(arn)])["replicationSet"]!["deletionProtected"] == .boolean(true))
        try await h.expectError(.validation, .deleteReplicationSet, ["arn": .string(arn)])
        try await h.expectError(.resourceNotFound, .updateDeletionProtection,
                                ["arn": .string("arn:aws:ssm-incidents::111122223333:replication-set/x"), "deletionProtected": .boolean(false)])
        try await h.call(.updateDeletionProtection, ["arn": .string(arn), "deletionProtected": .boolean(false)])
        let empty = try await h.call(.deleteReplicationSet, ["arn": .string(arn)])
        #expect(empty == .structure([:]))
        // Deleting the replication set deletes all the account's data.
        try await h.expectError(.resourceNotFound, .getReplicationSet, ["arn": .string(arn)])
        try await h.expectError(.resourceNotFound, .getResponsePlan, ["arn": .string(plan)])
        try await h.expectError(.resourceNotFound, .getIncidentRecord, ["arn": .string(incident)])
        #expect(try await h.call(.listIncidentRecords)["incidentRecordSummaries"] == .list([]))
        try await h.expectError(.resourceNotFound, .deleteReplicationSet, ["arn": .string(arn)])
    }
}
