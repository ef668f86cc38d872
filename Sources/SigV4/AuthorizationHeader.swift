/// The parts of an `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` header.
struct AuthorizationHeader {
    struct Scope {
        var date: String
        var region: String
        var service: String
        var terminator: String
    }

    var accessKeyId: String
    var scope: Scope
    /// Lower-case names, in the order given.
    var signedHeaders: [String]
    var signature: String

    init(_ header: String) throws(VerificationFailure) {
        let algorithm = "AWS4-HMAC-SHA256"
        let trimmed = header.drop { $0 == " " }
        guard trimmed.hasPrefix(algorithm) else {
            let name = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            throw VerificationFailure(.incompleteSignature,
                "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Unsupported algorithm '\(name.prefix(40))'; use \(algorithm).")
        }
        var credential: String?, signed: String?, signature: String?
        for part in trimmed.dropFirst(algorithm.count).split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = pair[0].trimmingSpaces, value = pair[1].trimmingSpaces
            switch name {
            case "Credential": credential = value
            case "SignedHeaders": signed = value
            case "Signature": signature = value
            default: break
            }
        }
        var missing: [String] = []
        if credential == nil { missing.append("Authorization header requires 'Credential' parameter.") }
        if signature == nil { missing.append("Authorization header requires 'Signature' parameter.") }
        if signed == nil { missing.append("Authorization header requires 'SignedHeaders' parameter.") }
        guard let credential, let signed, let signature, missing.isEmpty else {
            throw VerificationFailure(.incompleteSignature, missing.joined(separator: " "))
        }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, !parts[0].isEmpty else {
            throw VerificationFailure(.incompleteSignature,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '\(credential.prefix(100))'.")
        }
        accessKeyId = parts[0]
        scope = Scope(date: parts[1], region: parts[2], service: parts[3], terminator: parts[4])
        signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
        guard !signature.isEmpty else {
            throw VerificationFailure(.incompleteSignature, "Authorization header requires 'Signature' parameter.")
        }
        self.signature = signature
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
