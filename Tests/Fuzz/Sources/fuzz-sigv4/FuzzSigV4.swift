import Foundation
import FuzzSupport
import SigV4

/// The key the seeds are signed with.
let credentials = Credentials(accessKeyId: "AKIDFUZZEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
let verifier = Verifier(keys: [Verifier.Key(credentials: credentials, user: "fuzz")], region: nil,
                        services: ["ssm-incidents", "ssm-contacts"])
/// 2026-11-24T10:00:00Z, the time the seeds are signed at.
let now = Date(timeIntervalSince1970: 1_795_514_400)

/// An HTTP request (see `HTTPText`) verified: the `Authorization` header and
/// `X-Amz-Date` parsed, the scope checked, the signature recomputed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSigV4(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let http = HTTPText(bytes(data, size))
    _ = try? verifier.verify(method: http.method, path: http.path, query: http.query,
                             headers: http.headers, body: http.body, now: now)
    return 0
}

@main
enum FuzzSigV4Main {
    static func main() { runFuzzer(fuzzSigV4) }
}
