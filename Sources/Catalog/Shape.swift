/// One shape of a service model: its kind and the constraints on its values.
///
/// `min` and `max` mean a length for strings and blobs, a count for lists and
/// maps, and a value for numbers, as in the models.
public final class Shape: Sendable {
    /// The type of a shape, as the models name it.
    public enum Kind: String, Sendable, CaseIterable {
        case structure, union, list, map
        case string, integer, long, float, double, boolean, timestamp, blob
    }

    /// The model's name, `CreateTimelineEventInput`.
    public let name: String
    public let kind: Kind
    /// The members of a structure or union, in model order.
    public let members: [Member]
    /// The API member names, aligned with `members`.
    public let memberNames: NameTable
    /// Positions in `members` of the members the model requires.
    public let requiredMembers: [Int]
    /// The member carried as the HTTP payload (rest protocols), if any.
    public let payload: String?
    /// The element shape of a list.
    public let element: ShapeID?
    /// The key and value shapes of a map.
    public let key: ShapeID?
    public let value: ShapeID?
    /// The allowed values of an enum string; empty when any string goes.
    public let enumValues: [String]
    /// The same values, for constant-time checks.
    public let enumNames: NameTable
    public let min: Int64?
    public let max: Int64?
    /// The model's regular expression, verbatim (not anchored unless it says so).
    public let pattern: String?
    public let isSensitive: Bool
    /// An explicit timestamp format; `nil` means the protocol's default.
    public let timestampFormat: TimestampFormat?
    /// A string that carries a JSON document.
    public let isJSONValue: Bool
    public let isDeprecated: Bool
    /// The shape of an error the service returns.
    public let isException: Bool

    @inline(never)
    public init(
        _ name: String, _ kind: Kind,
        members: [Member] = [], payload: String? = nil,
        element: Int? = nil, key: Int? = nil, value: Int? = nil,
        enumValues: [String] = [], min: Int64? = nil, max: Int64? = nil, pattern: String? = nil,
        sensitive: Bool = false, timestampFormat: TimestampFormat? = nil, jsonValue: Bool = false,
        deprecated: Bool = false, exception: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.members = members
        var required: [Int] = []
        for (i, member) in members.enumerated() where member.isRequired { required.append(i) }
        self.memberNames = NameTable(members.map(\.name))
        self.requiredMembers = required
        self.payload = payload
        self.element = element.map(ShapeID.init)
        self.key = key.map(ShapeID.init)
        self.value = value.map(ShapeID.init)
        self.enumValues = enumValues
        self.enumNames = NameTable(enumValues)
        self.min = min
        self.max = max
        self.pattern = pattern
        self.isSensitive = sensitive
        self.timestampFormat = timestampFormat
        self.isJSONValue = jsonValue
        self.isDeprecated = deprecated
        self.isException = exception
    }

    /// Structures and unions: shapes with named members.
    public var hasMembers: Bool { kind == .structure || kind == .union }
    /// Strings, numbers, booleans, timestamps and blobs.
    public var isScalar: Bool { !hasMembers && kind != .list && kind != .map }
    public var isEnum: Bool { !enumValues.isEmpty }

    /// The member with this API name.
    public func member(named name: String) -> Member? {
        memberNames.index(of: name).map { members[$0] }
    }

    /// The position in `members` of the member with this API name.
    @inline(__always)
    public func memberIndex(of name: String) -> Int? { memberNames.index(of: name) }
    @inline(__always)
    public func memberIndex(of name: Substring) -> Int? { memberNames.index(of: name) }
    @inline(__always)
    public func memberIndex(of bytes: UnsafeRawBufferPointer) -> Int? { memberNames.index(of: bytes) }

    /// Whether an enum allows this value (any value when the shape is no enum).
    @inline(__always)
    public func allows(enumValue value: String) -> Bool {
        enumValues.isEmpty || enumNames.index(of: value) != nil
    }
}
