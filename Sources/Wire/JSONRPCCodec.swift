import JSON
import Backend
import Catalog
import Constraints
import struct Foundation.Data
import struct Foundation.CharacterSet
import OrderedCollections

/// The AWS JSON 1.1 protocol (ssm-contacts): every call is `POST /` with
/// `X-Amz-Target: SSMContacts.<Operation>`, the content type
/// `application/x-amz-json-1.1`, and the whole input as a JSON object.
/// Errors carry `{"__type": ..., "message": ...}`; malformed JSON and values
/// of the wrong type are `SerializationException`s.
public struct JSONRPCCodec: WireCodec {
    public let service: ServiceModel
    public let contentType: String

    public init(service: ServiceModel) {
        self.service = service
        contentType = "application/x-amz-json-\(service.metadata.jsonVersion ?? "1.1")"
    }

    public func encodeRequest(_ request: Request) throws(ServiceError) -> WireRequest {
        guard request.service == service.name, let operation = service.operation(apiName: request.operation.name) else {
            throw ServiceError(.unknownTarget, "\(service.name.rawValue) has no operation \(request.operation).")
        }
        let body = service.input(of: operation).map { encodeBody(request.input, shape: $0, bodyOnly: false) } ?? Array("{}".utf8)
        var headers = HTTPHeaders()
        headers["X-Amz-Target"] = service.metadata.target(of: operation.name)
        headers["Content-Type"] = contentType
        return WireRequest(method: "POST", path: "/", headers: headers, body: body)
    }

    public func decodeResponse(_ response: WireResponse, operation: Operation) throws(ServiceError) -> Value {
        guard (200..<300).contains(response.status) else { throw decodeError(response) }
        return try decodeOutput(response, operation: operation, typeError: .serialization)
    }

    /// The operation an `X-Amz-Target` names, or `UnknownOperationException`.
    public func operation(forTarget target: String?) throws(ServiceError) -> Operation {
        guard let target, let dot = target.lastIndex(of: ".") else {
            throw ServiceError(.unknownTarget, "The request has no X-Amz-Target header naming an operation.")
        }
        let prefix = target[..<dot], name = String(target[target.index(after: dot)...])
        guard prefix == (service.metadata.targetPrefix ?? "")[...], let operation = service.operation(apiName: name) else {
            throw ServiceError(.unknownTarget, "The operation \(target) is not known.")
        }
        return operation
    }

    public func decodeRequest(_ request: WireRequest, operation: Operation, labels: [String: String]) throws(ServiceError) -> Request {
        if let type = request.headers["Content-Type"], !Self.isJSONContentType(type) {
            throw ServiceError(.unsupportedMediaType, "The content type \(type) is not supported; send \(contentType).")
        }
        guard let shape = service.input(of: operation) else {
            return Request(operation.id)
        }
        let json: JSON
        if request.body.isEmpty {
            json = .object([])
        } else {
            do { json = try JSON(reading: request.body) } catch {
                throw ServiceError(.serialization, "The request body is not valid JSON: \(error).")
            }
        }
        let input = try JSONValueDecoder(service: service, typeError: .serialization)
            .decodeStructure(json, shape: shape, path: ValuePath())
        try ConstraintValidator(service: service).validate(input, shape: shape)
        return Request(operation.id, input: input)
    }

    /// `application/x-amz-json-1.1` (or 1.0), with or without parameters.
    static func isJSONContentType(_ type: String) -> Bool {
        let media = type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media == "application/x-amz-json-1.1" || media == "application/x-amz-json-1.0"
    }

    public func encodeResponse(_ output: Value, operation: Operation) -> WireResponse {
        var headers = HTTPHeaders()
        headers["Content-Type"] = contentType
        let body: [UInt8]
        if let shape = service.output(of: operation), case .structure(let members) = output {
            body = encodeBody(members, shape: shape, bodyOnly: false)
        } else {
            body = Array("{}".utf8)
        }
        return WireResponse(status: 200, headers: headers, body: body)
    }

    public func encodeError(_ error: ServiceError) -> WireResponse {
        // A ValidationException is ssm-contacts' own shape, whoever raised it
        // (the protocol layer and the engine's shared helpers raise them in the
        // ssm-incidents form): `Message`, `Reason` and `Fields`, always.
        var error = error
        if error.code == .validation {
            error.service = .contacts
            if error.reason == nil { error.reason = error.fields.isEmpty ? "OTHER" : "FIELD_VALIDATION_FAILED" }
        }
        var headers = HTTPHeaders()
        headers["Content-Type"] = contentType
        var writer = JSONWriter()
        writer.raw("{\"__type\":")
        writer.string(error.name)
        writeErrorMembers(error, into: &writer, first: false)
        writer.raw(UInt8(ascii: "}"))
        return WireResponse(status: error.httpStatus, headers: headers, body: writer.bytes)
    }
}
