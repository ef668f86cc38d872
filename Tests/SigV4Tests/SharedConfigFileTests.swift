import Foundation
import Testing
@testable import SigV4

@Suite("SigV4: shared credentials and config files")
struct SharedConfigFileTests {
    static let credentialsText = """
    # local keys
    [default]
    aws_access_key_id = AKIDDEFAULT
    aws_secret_access_key = default-secret

    [alice]
    aws_access_key_id=AKIDALICE
    aws_secret_access_key=alice-secret ; inline comment
    aws_session_token = tok
    user = alice.smith

    [broken]
    aws_access_key_id = AKIDBROKEN
    """

    static let configText = """
    [default]
    region = eu-west-1
    [profile alice]
    region = us-west-2
    s3 =
      max_concurrent_requests = 10
    [sso-session corp]
    sso_region = us-east-1
    """

    @Test func readsProfiles() {
        let file = SharedConfigFile(text: Self.credentialsText, kind: .credentials)
        #expect(file.profiles.map(\.name) == ["default", "alice", "broken"])
        #expect(file.credentials(of: "default") == Credentials(accessKeyId: "AKIDDEFAULT", secretAccessKey: "default-secret"))
        #expect(file.credentials(of: "alice") == Credentials(accessKeyId: "AKIDALICE", secretAccessKey: "alice-secret", sessionToken: "tok"))
        #expect(file.credentials(of: "broken") == nil)
        #expect(file.verifierKeys.map(\.user) == ["default", "alice.smith"])
    }

    @Test func readsConfigProfiles() {
        let file = SharedConfigFile(text: Self.configText, kind: .config)
        #expect(file.profiles.map(\.name) == ["default", "alice"])
        #expect(file.settings(of: "alice")?["region"] == "us-west-2")
        #expect(file.settings(of: "alice")?["max_concurrent_requests"] == nil)
    }

    @Test func resolverOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sigv4-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.credentialsText.write(toFile: dir + "/credentials", atomically: true, encoding: .utf8)
        try Self.configText.write(toFile: dir + "/config", atomically: true, encoding: .utf8)
        let files = ["AWS_SHARED_CREDENTIALS_FILE": dir + "/credentials", "AWS_CONFIG_FILE": dir + "/config"]

        let plain = CredentialResolver(environment: files, home: dir)
        #expect(try plain.credentials().accessKeyId == "AKIDDEFAULT")
        #expect(plain.region() == "eu-west-1")
        #expect(try plain.credentials(profile: "alice").accessKeyId == "AKIDALICE")
        #expect(plain.region(profile: "alice") == "us-west-2")
        #expect(throws: CredentialResolver.Failure.unknownProfile("nobody")) { try plain.credentials(profile: "nobody") }

        var env = files
        env["AWS_ACCESS_KEY_ID"] = "AKIDENV"
        env["AWS_SECRET_ACCESS_KEY"] = "env-secret"
        env["AWS_REGION"] = "ap-south-1"
        env["AWS_PROFILE"] = "alice"
        let fromEnv = CredentialResolver(environment: env, home: dir)
        #expect(try fromEnv.credentials().accessKeyId == "AKIDENV")
        // An explicit profile wins over the environment's keys, as in the AWS CLI.
        #expect(try fromEnv.credentials(profile: "default").accessKeyId == "AKIDDEFAULT")
        #expect(fromEnv.region() == "ap-south-1")
        #expect(fromEnv.region("sa-east-1") == "sa-east-1")

        let empty = CredentialResolver(environment: [:], home: dir + "/nowhere")
        #expect(throws: CredentialResolver.Failure.self) { try empty.credentials() }
    }
}
