import Foundation

/// Finds credentials and a region the way the AWS CLI and SDKs do, from the
/// environment and the shared files:
///
/// - credentials: with an explicit profile, that profile's (credentials file,
///   then config file); otherwise `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`
///   (`AWS_SESSION_TOKEN`), then the profile of `AWS_PROFILE` or `default`;
/// - region: the explicit one, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the
///   profile's `region` in the config file;
/// - files: `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`, else
///   `~/.aws/credentials` and `~/.aws/config`.
public struct CredentialResolver: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case noCredentials(profile: String)
        case unknownProfile(String)
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .noCredentials(let profile):
                "Unable to locate credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give the profile '\(profile)' aws_access_key_id and aws_secret_access_key in the shared credentials file."
            case .unknownProfile(let name):
                "The config profile (\(name)) could not be found."
            case .unreadable(let path, let reason):
                "Cannot read \(path): \(reason)"
            }
        }
    }

    public var environment: [String: String]
    public var home: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, home: String = NSHomeDirectory()) {
        self.environment = environment
        self.home = home
    }

    private func env(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var credentialsPath: String { env("AWS_SHARED_CREDENTIALS_FILE").map(expand) ?? home + "/.aws/credentials" }
    public var configPath: String { env("AWS_CONFIG_FILE").map(expand) ?? home + "/.aws/config" }

    private func expand(_ path: String) -> String {
        path.hasPrefix("~/") ? home + path.dropFirst() : path
    }

    /// The profile in use: the explicit one, `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, or `default`.
    public func profileName(_ explicit: String?) -> String {
        explicit ?? env("AWS_PROFILE") ?? env("AWS_DEFAULT_PROFILE") ?? "default"
    }

    private func files() throws(Failure) -> (credentials: SharedConfigFile, config: SharedConfigFile) {
        do {
            return (try SharedConfigFile(path: credentialsPath, kind: .credentials), try SharedConfigFile(path: configPath, kind: .config))
        } catch {
            throw .unreadable(path: credentialsPath + " or " + configPath, reason: "\(error)")
        }
    }

    public func credentials(profile explicit: String? = nil) throws(Failure) -> Credentials {
        if explicit == nil, let id = env("AWS_ACCESS_KEY_ID"), let secret = env("AWS_SECRET_ACCESS_KEY") {
            return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: env("AWS_SESSION_TOKEN"))
        }
        let name = profileName(explicit)
        let (credentialsFile, configFile) = try files()
        if let found = credentialsFile.credentials(of: name) ?? configFile.credentials(of: name) { return found }
        if explicit != nil, credentialsFile.settings(of: name) == nil, configFile.settings(of: name) == nil {
            throw .unknownProfile(name)
        }
        throw .noCredentials(profile: name)
    }

    public func region(_ explicit: String? = nil, profile: String? = nil) -> String? {
        if let explicit { return explicit }
        if let region = env("AWS_REGION") ?? env("AWS_DEFAULT_REGION") { return region }
        guard let config = try? SharedConfigFile(path: configPath, kind: .config) else { return nil }
        return config.settings(of: profileName(profile))?["region"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
