import Foundation
import Testing
@testable import SigV4

/// Our signer against botocore's `SigV4Auth` on the same requests: the vectors
/// are generated at test time by `botocore_vectors.py` (skipped without botocore).
@Suite("SigV4: botocore's signatures")
struct BotocoreVectorTests {
    struct Vector: Decodable {
        var name: String
        var method: String
        var path: String
        var query: String
        var host: String
        var headers: [[String]]
        var body: [UInt8]
        var region: String
        var service: String
        var token: String?
        var authorization: String
        var amzDate: String
        var canonicalRequest: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("botocore_vectors.py").path

    /// The vectors, or `nil` when python3 or botocore is missing.
    static let vectors: [Vector]? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try? JSONDecoder().decode([Vector].self, from: data)
    }()

    static let when = Date(timeIntervalSince1970: 1795514400) // 2026-11-24T10:00:00Z

    @Test(.enabled(if: vectors != nil, "botocore is not installed (pip install botocore): no vectors to compare with"))
    func signaturesMatchBotocore() throws {
        let vectors = try #require(Self.vectors)
        #expect(vectors.count >= 10)
        for vector in vectors {
            let credentials = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                          sessionToken: vector.token)
            let signer = Signer(credentials: credentials, region: vector.region, service: vector.service)
            let headers = vector.headers.map { ($0[0], $0[1]) }
            let added = signer.sign(method: vector.method, path: vector.path, query: vector.query, headers: headers,
                                    body: vector.body, host: vector.host, date: Self.when)
            let authorization = added.first { $0.0 == "Authorization" }?.1
            #expect(added.first { $0.0 == "X-Amz-Date" }?.1 == vector.amzDate, "\(vector.name)")
            #expect(authorization == vector.authorization, "\(vector.name)")

            // And the verifier accepts botocore's signature.
            var received = headers + [("Host", vector.host), ("X-Amz-Date", vector.amzDate), ("Authorization", vector.authorization)]
            if let token = vector.token { received.append(("X-Amz-Security-Token", token)) }
            let verifier = Verifier(keys: [.init(credentials: credentials, user: "tester")], region: vector.region,
                                    services: [vector.service])
            #expect(throws: Never.self, "\(vector.name)") {
                try verifier.verify(method: vector.method, path: vector.path, query: vector.query, headers: received,
                                    body: vector.body, now: Self.when)
            }
        }
    }

    @Test(.enabled(if: vectors != nil, "botocore is not installed: no canonical requests to compare with"))
    func canonicalRequestsMatchBotocore() throws {
        for vector in try #require(Self.vectors) {
            var headers = vector.headers.map { ($0[0], $0[1]) } + [("host", vector.host), ("X-Amz-Date", vector.amzDate)]
            if let token = vector.token { headers.append(("X-Amz-Security-Token", token)) }
            let names = headers.map { $0.0.lowercased() }.filter { !Signer.unsignedHeaders.contains($0) }
            let hash = vector.body.isEmpty ? SigningKey.emptyPayloadHash : SigningKey.sha256Hex(vector.body)
            let canonical = CanonicalRequest(method: vector.method, path: vector.path, query: vector.query,
                                             headers: headers, signedHeaderNames: names, payloadHash: hash)
            #expect(canonical.text == vector.canonicalRequest, "\(vector.name)")
        }
    }
}
