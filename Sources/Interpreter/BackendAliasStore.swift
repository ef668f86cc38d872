import Backend
import Channel
import Foundation

/// The channel's aliases, kept in the backend's store (so they outlive the
/// process), one record per alias under the kind `alias`.
struct BackendAliasStore: AliasStore {
    let store: any ChannelDataStore
    let account: String
    /// Aliases from the channel file: there unless the store holds one of the same name.
    let configured: [Alias]

    private static let kind = "alias"

    func alias(named name: String) async throws -> Alias? {
        try await all()[name]
    }

    func save(_ alias: Alias, replace: Bool) async throws {
        if !replace, try await all()[alias.name] != nil {
            throw AliasError(.alreadyExists, "there is already an alias \(alias.name)", suggestion: "@aws alias update \(alias.name) ... replaces it")
        }
        try await store.setChannelData(kind: Self.kind, account: account, key: alias.name, value: alias.command)
    }

    func delete(named name: String) async throws {
        guard try await all()[name] != nil else {
            throw AliasError(.notFound, "there is no alias \(name)", suggestion: "@aws alias list")
        }
        try await store.setChannelData(kind: Self.kind, account: account, key: name, value: nil)
    }

    func list() async throws -> [Alias] {
        try await all().values.sorted { $0.name < $1.name }
    }

    private func all() async throws -> [String: Alias] {
        var aliases = Dictionary(configured.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        for (name, command) in try await store.channelData(kind: Self.kind, account: account) {
            aliases[name] = try Alias(name: name, command: command)
        }
        return aliases
    }
}
