/// Where aliases are kept. The backend store will hold them later; the
/// in-memory store serves tests and sessions without one.
public protocol AliasStore: Sendable {
    func alias(named name: String) async throws -> Alias?
    /// Adds an alias; `replace: false` refuses a name already taken.
    func save(_ alias: Alias, replace: Bool) async throws
    /// Removes an alias; throws `.notFound` when there is none.
    func delete(named name: String) async throws
    /// All aliases, by name.
    func list() async throws -> [Alias]
}

extension AliasStore {
    /// Looks an alias up and expands it with `Variable=value` arguments.
    public func expand(_ name: String, arguments: [String]) async throws -> String {
        try Alias.validate(name: name)
        guard let alias = try await alias(named: name) else {
            throw AliasError(.notFound, "there is no alias \(name)", suggestion: "@aws alias list")
        }
        return try alias.expand(arguments: arguments)
    }
}

/// Aliases in memory, for one process.
public actor MemoryAliasStore: AliasStore {
    private var aliases: [String: Alias]

    public init(_ aliases: [Alias] = []) {
        self.aliases = Dictionary(aliases.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    public func alias(named name: String) -> Alias? { aliases[name] }

    public func save(_ alias: Alias, replace: Bool) throws {
        if !replace && aliases[alias.name] != nil {
            throw AliasError(.alreadyExists, "alias \(alias.name) already exists", suggestion: "@aws alias delete \(alias.name)")
        }
        aliases[alias.name] = alias
    }

    public func delete(named name: String) throws {
        guard aliases.removeValue(forKey: name) != nil else {
            throw AliasError(.notFound, "there is no alias \(name)", suggestion: "@aws alias list")
        }
    }

    public func list() -> [Alias] { aliases.values.sorted { $0.name < $1.name } }
}
