import Catalog
import OrderedCollections

/// The account's replication set as a store keeps it (one per account).
public struct ReplicationSetRecord: Sendable, Hashable {
    public var account: String
    public var arn: String
    public var createdBy: String
    public var createdTime: Millis
    public var deletionProtected: Bool
    public var lastModifiedBy: String
    public var lastModifiedTime: Millis
    public var status: String
    /// The Regions, sorted by name.
    public var regions: [RegionRecord]

    public init(account: String, arn: String, createdBy: String, createdTime: Millis, deletionProtected: Bool,
                lastModifiedBy: String, lastModifiedTime: Millis, status: String, regions: [RegionRecord]) {
        self.account = account
        self.arn = arn
        self.createdBy = createdBy
        self.createdTime = createdTime
        self.deletionProtected = deletionProtected
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedTime = lastModifiedTime
        self.status = status
        self.regions = regions
    }
}

/// One Region of a replication set.
public struct RegionRecord: Sendable, Hashable {
    public var name: String
    public var sseKmsKeyId: String?
    public var status: String
    public var statusMessage: String?
    public var statusUpdateTime: Millis

    public init(name: String, sseKmsKeyId: String?, status: String, statusMessage: String?, statusUpdateTime: Millis) {
        self.name = name
        self.sseKmsKeyId = sseKmsKeyId
        self.status = status
        self.statusMessage = statusMessage
        self.statusUpdateTime = statusUpdateTime
    }
}

extension ReplicationSetRecord {
    /// The Regions as one value, for stores that keep them in a single column.
    public var encodedRegions: [UInt8] {
        ValueCodec.encode(.list(regions.map { region in
            var m = OrderedDictionary<String, Value>()
            m["name"] = .string(region.name)
            if let k = region.sseKmsKeyId { m["sseKmsKeyId"] = .string(k) }
            m["status"] = .string(region.status)
            if let s = region.statusMessage { m["statusMessage"] = .string(s) }
            m["statusUpdateTime"] = .integer(region.statusUpdateTime)
            return .structure(m)
        }))
    }

    public static func decodeRegions(_ bytes: [UInt8]) throws -> [RegionRecord] {
        guard case .list(let items) = try ValueCodec.decode(bytes) else { throw ValueCodec.DecodingFailure() }
        return items.map { item in
            RegionRecord(name: item["name"]?.string ?? "", sseKmsKeyId: item["sseKmsKeyId"]?.string,
                         status: item["status"]?.string ?? "ACTIVE", statusMessage: item["statusMessage"]?.string,
                         statusUpdateTime: item["statusUpdateTime"]?.integer ?? 0)
        }
    }
}
