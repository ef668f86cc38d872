import JSON
import Backend
import Catalog
import Constraints
import OrderedCollections

/// One wire protocol of one service, for both ends: the client encodes
/// requests and decodes responses, the server decodes requests and encodes
/// responses. `Wire.codec(for:)` gives the codec of a service.
public protocol WireCodec: Sendable {
    var service: ServiceModel { get }

    /// A request as the SDKs send it (no host, no signature: the transport adds those).
    func encodeRequest(_ request: Request) throws(ServiceError) -> WireRequest
    /// The output of an operation from a successful response, or the error the response carries.
    func decodeResponse(_ response: WireResponse, operation: Operation) throws(ServiceError) -> Value

    /// A request that the router matched to `operation`, decoded and validated
    /// against the model. `labels` are the decoded URI labels (rest-json).
    func decodeRequest(_ request: WireRequest, operation: Operation, labels: [String: String]) throws(ServiceError) -> Request
    /// A successful response.
    func encodeResponse(_ output: Value, operation: Operation) -> WireResponse
    /// An error response.
    func encodeError(_ error: ServiceError) -> WireResponse
}

/// The codecs of the catalog's services.
public enum Wire {
    public static let incidents: any WireCodec = RestJSONCodec(service: Catalog.shared[.incidents])
    public static let contacts: any WireCodec = JSONRPCCodec(service: Catalog.shared[.contacts])

    public static func codec(for service: ServiceName) -> any WireCodec {
        switch service {
        case .incidents: incidents
        case .contacts: contacts
        }
    }
}

extension WireCodec {
    /// The error of a response whose status is not 2xx: the code from
    /// `x-amzn-ErrorType`, else `__type` (without a namespace), else `code`;
    /// the message from `message` or `Message`; the modeled members under
    /// either service's names (`resourceIdentifier`, `ResourceId`, ...).
    func decodeError(_ response: WireResponse) -> ServiceError {
        let json = response.body.isEmpty ? nil : try? JSON(reading: response.body)
        func member(_ names: String...) -> String? {
            for name in names { if case .string(let s)? = json?[name] { return s } }
            return nil
        }
        var name = response.headers["x-amzn-ErrorType"] ?? member("__type", "code", "Code")
        if let raw = name {
            // `Name:http://internal...` and `namespace#Name` both carry just the name.
            var cut = Substring(raw)
            if let colon = cut.firstIndex(of: ":") { cut = cut[..<colon] }
            if let hash = cut.lastIndex(of: "#") { cut = cut[cut.index(after: hash)...] }
            name = String(cut)
        }
        let fallback: String = switch response.status {
        case 403: "AccessDeniedException"
        case 404: "ResourceNotFoundException"
        case 429: "ThrottlingException"
        case 500...: "InternalServerException"
        default: "ValidationException"
        }
        let message = member("message", "Message", "errorMessage")
            ?? (response.body.isEmpty ? "HTTP \(response.status)" : String(decoding: response.body.prefix(500), as: UTF8.self))
        let errorName = name ?? fallback
        // The services' own errors keep their canonical codes (ssm-contacts sends every client error as 400).
        let code = Self.knownCodes.first { $0.name == errorName }
            ?? ServiceError.Code(name: errorName, httpStatus: response.status)
        var error = ServiceError(code, message, service: service.name)
        error.resourceIdentifier = member("resourceIdentifier", "ResourceId")
        error.resourceType = member("resourceType", "ResourceType")
        error.quotaCode = member("quotaCode", "QuotaCode")
        error.serviceCode = member("serviceCode", "ServiceCode")
        error.reason = member("reason", "Reason")
        if case .array(let fields)? = json?["Fields"] ?? json?["fields"] {
            error.fields = fields.compactMap { field in
                guard case .string(let name)? = field["Name"] ?? field["name"] else { return nil }
                if case .string(let text)? = field["Message"] ?? field["message"] { return .init(name: name, message: text) }
                return .init(name: name, message: "")
            }
        }
        return error
    }

    static var knownCodes: [ServiceError.Code] {
        [.validation, .accessDenied, .resourceNotFound, .conflict, .serviceQuotaExceeded, .throttling, .internalServer, .dataEncryption]
    }

    /// The error body's string members in the error shape's order (always a
    /// message, under the shape's spelling of it).
    func errorMembers(_ error: ServiceError) -> [(String, String)] {
        let members = error.members
        let messageName = members.first?.name.lowercased() == "message" ? members.first!.name : "message"
        guard let shape = service.error(named: error.name).map({ service[$0.shape] }) else {
            return [(messageName, error.message)]
        }
        var out: [(String, String)] = []
        for member in shape.members {
            if let value = members.first(where: { $0.name == member.name })?.value { out.append((member.name, value)) }
        }
        if !out.contains(where: { $0.0.lowercased() == "message" }) { out.insert((messageName, error.message), at: 0) }
        return out
    }

    /// The error body: its string members, and `Fields` (ssm-contacts' validation errors:
    /// always, empty when the error is about the request as a whole).
    func writeErrorMembers(_ error: ServiceError, into writer: inout JSONWriter, first: Bool) {
        var first = first
        for (name, value) in errorMembers(error) {
            if !first { writer.raw(UInt8(ascii: ",")) }
            first = false
            writer.string(name)
            writer.raw(UInt8(ascii: ":"))
            writer.string(value)
        }
        if !error.fields.isEmpty || error.code == .validation, let shape = service.error(named: error.name).map({ service[$0.shape] }),
           let fieldsMember = shape.members.first(where: { $0.name.lowercased() == "fields" }) {
            if !first { writer.raw(UInt8(ascii: ",")) }
            writer.string(fieldsMember.name)
            writer.raw(UInt8(ascii: ":"))
            writer.raw(UInt8(ascii: "["))
            let upper = fieldsMember.name == "Fields"
            for (i, field) in error.fields.enumerated() {
                if i > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.raw(UInt8(ascii: "{"))
                writer.string(upper ? "Name" : "name")
                writer.raw(UInt8(ascii: ":"))
                writer.string(field.name)
                writer.raw(UInt8(ascii: ","))
                writer.string(upper ? "Message" : "message")
                writer.raw(UInt8(ascii: ":"))
                writer.string(field.message)
                writer.raw(UInt8(ascii: "}"))
            }
            writer.raw(UInt8(ascii: "]"))
        }
    }

    /// Decodes a JSON body into an operation's output (members bound to headers are read there).
    func decodeOutput(_ response: WireResponse, operation: Operation, typeError: ServiceError.Code) throws(ServiceError) -> Value {
        guard let shape = service.output(of: operation) else { return .structure([:]) }
        var members = OrderedDictionary<String, Value>()
        if !response.body.isEmpty {
            let json: JSON
            do { json = try JSON(reading: response.body) } catch {
                throw ServiceError(.internalServer, "The response of \(operation.name) is not JSON: \(error)")
            }
            members = try JSONValueDecoder(service: service, typeError: typeError)
                .decodeStructure(json, shape: shape, path: ValuePath(), bodyOnly: true)
        }
        let strings = StringValueCoding(service: service)
        for member in shape.members where member.location == .header {
            guard let text = response.headers[member.locationName ?? member.name] else { continue }
            members[member.name] = try strings.value(of: text, shape: service.shape(of: member),
                                                     format: service.timestampFormat(of: member), where: "the header \(member.name)")
        }
        if shape.members.contains(where: { $0.location == .statusCode }) {
            for member in shape.members where member.location == .statusCode {
                members[member.name] = .integer(Int64(response.status))
            }
        }
        // Model order, whatever order the body used.
        var ordered = OrderedDictionary<String, Value>(minimumCapacity: members.count)
        for member in shape.members { if let v = members[member.name] { ordered[member.name] = v } }
        return .structure(ordered)
    }

    /// The input of an operation as one JSON object (body members only when `bodyOnly`).
    func encodeBody(_ input: OrderedDictionary<String, Value>, shape: Shape, bodyOnly: Bool) -> [UInt8] {
        var writer = JSONWriter()
        JSONValueEncoder(service: service).writeStructure(input, shape: shape, bodyOnly: bodyOnly, into: &writer)
        return writer.bytes
    }
}
