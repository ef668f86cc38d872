import Catalog
import OrderedCollections

/// CreateReplicationSet, GetReplicationSet, ListReplicationSets,
/// UpdateReplicationSet, UpdateDeletionProtection, DeleteReplicationSet.
extension IncidentsCommand {
    /// At most this many Regions in a replication set.
    static var maxRegions: Int { 3 }

    func createReplicationSet() throws -> Value {
        let regionsInput = try input.requiredStructure("regions")
        let tags = try input.stringMap("tags")
        guard !regionsInput.isEmpty else { throw ServiceError.validation("A replication set needs at least one Region.") }
        guard regionsInput.count <= Self.maxRegions else {
            throw ServiceError.validation("A replication set can have at most \(Self.maxRegions) Regions; got \(regionsInput.count).")
        }
        var regions: [RegionRecord] = []
        for (name, options) in regionsInput {
            try checkRegionName(name)
            regions.append(RegionRecord(name: name, sseKmsKeyId: options["sseKmsKeyId"]?.string,
                                        status: "ACTIVE", statusMessage: nil, statusUpdateTime: now))
        }
        regions.sort { $0.name < $1.name }
        if let existing = try store.replicationSet(account: context.accountId) {
            throw ServiceError.conflict(.replicationSet, existing.arn,
                "Account \(context.accountId) already has a replication set (\(existing.arn)); an account has only one. Change its Regions with UpdateReplicationSet.")
        }
        let arn = ARN.incidents(context, "replication-set/\(ids.uuidString())")
        try store.putReplicationSet(ReplicationSetRecord(
            account: context.accountId, arn: arn, createdBy: context.principalArn, createdTime: now,
            deletionProtected: false, lastModifiedBy: context.principalArn, lastModifiedTime: now,
            status: "ACTIVE", regions: regions))
        if let tags { try applyTags(tags, to: arn) }
        return structure(("arn", .string(arn)))
    }

    func getReplicationSet() throws -> Value {
        let set = try replicationSet(arn: try input.requiredString("arn"))
        var regionMap = OrderedDictionary<String, Value>()
        for region in set.regions {
            regionMap[region.name] = structure(
                ("sseKmsKeyId", .text(region.sseKmsKeyId)),
                ("status", .string(region.status)),
                ("statusMessage", .text(region.statusMessage)),
                ("statusUpdateDateTime", .time(region.statusUpdateTime)))
        }
        return structure(("replicationSet", structure(
            ("arn", .string(set.arn)),
            ("createdBy", .string(set.createdBy)),
            ("createdTime", .time(set.createdTime)),
            ("deletionProtected", .boolean(set.deletionProtected)),
            ("lastModifiedBy", .string(set.lastModifiedBy)),
            ("lastModifiedTime", .time(set.lastModifiedTime)),
            ("regionMap", .map(regionMap)),
            ("status", .string(set.status)))))
    }

    func listReplicationSets() throws -> Value {
        _ = try input.pageSize(limit: 100)
        // An account has at most one replication set: it is always on the first page.
        if let token = try input.string("nextToken") {
            _ = try PageToken.read(token, scope: queryScope, count: 1)
            return structure(("replicationSetArns", .list([])))
        }
        let arns = try store.replicationSet(account: context.accountId).map { [Value.string($0.arn)] } ?? []
        return structure(("replicationSetArns", .list(arns)))
    }

    func updateReplicationSet() throws -> Value {
        var set = try replicationSet(arn: try input.requiredString("arn"))
        guard let actions = try input.list("actions"), actions.count == 1, let action = actions[0].members,
              action.count == 1 else {
            throw ServiceError.validation("UpdateReplicationSet takes exactly one action: addRegionAction or deleteRegionAction.")
        }
        if let add = action["addRegionAction"] {
            guard let name = add["regionName"]?.string else { throw ServiceError.validation("addRegionAction needs a regionName.") }
            try checkRegionName(name)
            if set.regions.contains(where: { $0.name == name }) {
                throw ServiceError.validation("Region \(name) is already in replication set \(set.arn).")
            }
            guard set.regions.count < Self.maxRegions else {
                throw ServiceError(.serviceQuotaExceeded, "Replication set \(set.arn) already has the most Regions allowed (\(Self.maxRegions)).",
                                   resourceIdentifier: set.arn, resourceType: ResourceKind.replicationSet.rawValue,
                                   quotaCode: "replication-set-regions", serviceCode: "ssm-incidents")
            }
            set.regions.append(RegionRecord(name: name, sseKmsKeyId: add["sseKmsKeyId"]?.string, status: "ACTIVE",
                                            statusMessage: nil, statusUpdateTime: now))
            set.regions.sort { $0.name < $1.name }
        } else if let delete = action["deleteRegionAction"] {
            guard let name = delete["regionName"]?.string else { throw ServiceError.validation("deleteRegionAction needs a regionName.") }
            guard let index = set.regions.firstIndex(where: { $0.name == name }) else {
                throw ServiceError.validation("Region \(name) is not in replication set \(set.arn).")
            }
            guard set.regions.count > 1 else {
                throw ServiceError.validation("Region \(name) is the last Region of replication set \(set.arn); delete the replication set instead.")
            }
            set.regions.remove(at: index)
        } else {
            throw ServiceError.validation("UpdateReplicationSet takes exactly one action: addRegionAction or deleteRegionAction.")
        }
        set.lastModifiedBy = context.principalArn
        set.lastModifiedTime = now
        try store.putReplicationSet(set)
        return emptyOutput
    }

    func updateDeletionProtection() throws -> Value {
        var set = try replicationSet(arn: try input.requiredString("arn"))
        guard let protected = try input.boolean("deletionProtected") else {
            throw ServiceError.validation("Missing required member deletionProtected.")
        }
        set.deletionProtected = protected
        set.lastModifiedBy = context.principalArn
        set.lastModifiedTime = now
        try store.putReplicationSet(set)
        return emptyOutput
    }

    /// Deletes the replication set and, with it, every response plan, incident
    /// and resource policy of the account.
    func deleteReplicationSet() throws -> Value {
        let set = try replicationSet(arn: try input.requiredString("arn"))
        guard !set.deletionProtected else {
            throw ServiceError.validation("Replication set \(set.arn) is protected from deletion. Turn protection off with UpdateDeletionProtection first.")
        }
        var planArns: [String] = []
        try store.scanResponsePlans(account: set.account, afterName: nil) { planArns.append($0.arn); return true }
        for arn in planArns { try removeResponsePlan(arn: arn) }
        var incidents: [(Int64, String)] = []
        try store.scanIncidents(account: set.account, before: nil) { incidents.append(($0.seq, $0.arn)); return true }
        for (seq, arn) in incidents {
            try store.deleteIncident(seq: seq)
            try store.removeAllTags(resourceArn: arn)
        }
        try store.removeAllTags(resourceArn: set.arn)
        try store.deleteIdempotency(account: set.account)
        try store.deleteReplicationSet(account: set.account)
        return emptyOutput
    }

    // MARK: Helpers

    /// The replication set named by `arn`, or `ResourceNotFoundException`.
    func replicationSet(arn: String) throws -> ReplicationSetRecord {
        let account = ARN(arn)?.account ?? context.accountId
        guard let set = try store.replicationSet(account: account), set.arn == arn else {
            throw ServiceError.notFound(.replicationSet, arn, "Replication set \(arn) does not exist.")
        }
        return set
    }

    /// The caller's replication set, which must exist before plans and incidents.
    func requireReplicationSet() throws {
        guard try store.replicationSet(account: context.accountId) != nil else {
            throw ServiceError.notFound(.replicationSet, context.accountId,
                "Account \(context.accountId) has no replication set. Create one with CreateReplicationSet before response plans and incidents.")
        }
    }

    /// Region names look like `us-east-1`, `eu-central-2`, `us-gov-west-1`.
    private func checkRegionName(_ name: String) throws {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        let ok = parts.count >= 3 && parts.last!.allSatisfy(\.isNumber)
            && parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase } }
        guard ok else { throw ServiceError.validation("\(name) is not a Region name (like us-east-1).") }
    }
}
