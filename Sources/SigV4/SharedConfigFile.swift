import Foundation

/// The AWS shared configuration files: `~/.aws/credentials` (sections named
/// by profile) and `~/.aws/config` (`[default]`, `[profile NAME]`). Lines are
/// `key = value`; `#` and `;` start comments; indented lines belong to a
/// nested setting and are skipped.
public struct SharedConfigFile: Sendable, Equatable {
    /// Which file the sections come from: the config file prefixes its section names with `profile `.
    public enum Kind: Sendable {
        case credentials, config
    }

    /// Settings by profile name, keys in lower case, in file order.
    public private(set) var profiles: [(name: String, settings: [String: String])] = []

    public static func == (a: SharedConfigFile, b: SharedConfigFile) -> Bool {
        a.profiles.count == b.profiles.count && zip(a.profiles, b.profiles).allSatisfy { $0.name == $1.name && $0.settings == $1.settings }
    }

    public init(text: String, kind: Kind) {
        var current: Int? = nil
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if rawLine.first == " " || rawLine.first == "\t" { continue }
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { current = nil; continue }
                var name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                if kind == .config {
                    if name.hasPrefix("profile ") {
                        name = String(name.dropFirst("profile ".count)).trimmingCharacters(in: .whitespaces)
                    } else if name != "default" {
                        current = nil // sso-session, services, ...: not profiles
                        continue
                    }
                }
                if let existing = profiles.firstIndex(where: { $0.name == name }) {
                    current = existing
                } else {
                    profiles.append((name, [:]))
                    current = profiles.count - 1
                }
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // An inline comment needs whitespace before it.
            for mark in [" #", "\t#", " ;", "\t;"] {
                if let range = value.range(of: mark) { value = value[..<range.lowerBound].trimmingCharacters(in: .whitespaces) }
            }
            profiles[current].settings[key] = value
        }
    }

    /// Reads a file; a missing file reads as empty.
    public init(path: String, kind: Kind) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            self.init(text: "", kind: kind)
            return
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        self.init(text: String(decoding: data, as: UTF8.self), kind: kind)
    }

    public func settings(of profile: String) -> [String: String]? {
        profiles.first { $0.name == profile }?.settings
    }

    /// The credentials of a profile, when it has both an access key id and a secret.
    public func credentials(of profile: String) -> Credentials? {
        guard let settings = settings(of: profile),
              let id = settings["aws_access_key_id"], !id.isEmpty,
              let secret = settings["aws_secret_access_key"], !secret.isEmpty else { return nil }
        let token = settings["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
        return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: token)
    }

    /// Every access key of the file and the user each stands for: the
    /// profile's `user` setting (our own key, ignored by the AWS tools), else
    /// the profile's name.
    public var verifierKeys: [Verifier.Key] {
        profiles.compactMap { profile in
            credentials(of: profile.name).map {
                Verifier.Key(credentials: $0, user: profile.settings["user"].flatMap { $0.isEmpty ? nil : $0 } ?? profile.name)
            }
        }
    }
}
