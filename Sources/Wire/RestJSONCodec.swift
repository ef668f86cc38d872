import JSON
import Backend
import Catalog
import Constraints
import Text
import struct Foundation.Data
import struct Foundation.CharacterSet
import OrderedCollections

/// The rest-json protocol (ssm-incidents): each operation has its own method
/// and URI; members travel in URI labels, the query string, headers or a JSON
/// body, as the model binds them. Errors carry `x-amzn-ErrorType` and a JSON
/// body `{"message": ...}` with the error's members; malformed JSON and values
/// of the wrong type are `ValidationException`s.
public struct RestJSONCodec: WireCodec {
    public let service: ServiceModel
    private let templates: [URITemplate]
    private let strings: StringValueCoding

    public init(service: ServiceModel) {
        self.service = service
        templates = service.operations.map { URITemplate($0.http.requestURI) }
        strings = StringValueCoding(service: service)
    }

    /// The URI template of an operation.
    public func template(of operation: Operation) -> URITemplate {
        templates[service.operationIndex(named: operation.name)!]
    }

    // MARK: Client

    public func encodeRequest(_ request: Request) throws(ServiceError) -> WireRequest {
        guard request.service == service.name, let index = service.operationIndex(named: request.operation.name) else {
            throw ServiceError(.unknownRoute, "\(service.name.rawValue) has no operation \(request.operation).")
        }
        let operation = service.operations[index]
        var headers = HTTPHeaders()
        var labels: [String: String] = [:]
        var query: [String] = templates[index].literalQuery.isEmpty ? [] : [templates[index].literalQuery]
        var body: [UInt8] = []
        if let shape = service.input(of: operation) {
            var hasBodyMembers = false
            for member in shape.members {
                let wireName = member.locationName ?? member.name
                let format = service.timestampFormat(of: member)
                switch member.location {
                case .body, .statusCode:
                    hasBodyMembers = true
                case .uri:
                    if let value = request.input[member.name], let text = strings.text(of: value, format: format) {
                        labels[wireName] = text
                    }
                case .querystring:
                    guard let value = request.input[member.name] else { continue }
                    switch value {
                    case .list(let items):
                        for item in items {
                            if let text = strings.text(of: item, format: format) {
                                query.append(PercentEncoding.encode(wireName) + "=" + PercentEncoding.encode(text))
                            }
                        }
                    case .map(let entries), .structure(let entries):
                        for (key, item) in entries {
                            if let text = strings.text(of: item, format: format) {
                                query.append(PercentEncoding.encode(key) + "=" + PercentEncoding.encode(text))
                            }
                        }
                    default:
                        if let text = strings.text(of: value, format: format) {
                            query.append(PercentEncoding.encode(wireName) + "=" + PercentEncoding.encode(text))
                        }
                    }
                case .header:
                    guard let value = request.input[member.name] else { continue }
                    if case .list(let items) = value {
                        headers[wireName] = items.compactMap { strings.text(of: $0, format: format) }.joined(separator: ",")
                    } else if member.isJSONValue || service.shape(of: member).isJSONValue, case .string(let s) = value {
                        headers[wireName] = Data(s.utf8).base64EncodedString()
                    } else if let text = strings.text(of: value, format: format) {
                        headers[wireName] = text
                    }
                case .headers:
                    if case .map(let entries) = request.input[member.name] ?? .map([:]) {
                        for (key, item) in entries {
                            if let text = strings.text(of: item, format: format) { headers[wireName + key] = text }
                        }
                    }
                }
            }
            if hasBodyMembers {
                body = encodeBody(request.input, shape: shape, bodyOnly: true)
                headers["Content-Type"] = "application/json"
            }
        }
        guard let path = templates[index].path(labels: labels) else {
            throw ServiceError(.validation, "\(operation.name) needs a value for every label of \(operation.http.requestURI).")
        }
        return WireRequest(method: operation.http.method, path: path, query: query.joined(separator: "&"),
                           headers: headers, body: body)
    }

    public func decodeResponse(_ response: WireResponse, operation: Operation) throws(ServiceError) -> Value {
        guard (200..<300).contains(response.status) else { throw decodeError(response) }
        return try decodeOutput(response, operation: operation, typeError: .validation)
    }

    // MARK: Server

    /// Matches raw path segments against the operations' URIs (the router's slow path).
    func match(method: String, segments: [Substring]) -> (Operation, [String: String])? {
        for (index, template) in templates.enumerated() where service.operations[index].http.method == method {
            if let labels = template.match(segments) { return (service.operations[index], labels) }
        }
        return nil
    }

    /// Whether any operation has this path under another method.
    func pathExists(segments: [Substring]) -> Bool {
        templates.contains { $0.match(segments) != nil }
    }

    public func decodeRequest(_ request: WireRequest, operation: Operation, labels: [String: String]) throws(ServiceError) -> Request {
        guard let shape = service.input(of: operation) else {
            return Request(operation.id)
        }
        var input = OrderedDictionary<String, Value>()
        if !request.body.isEmpty {
            if let type = request.headers["Content-Type"], !Self.isJSONContentType(type) {
                throw ServiceError(.unsupportedMediaType, "The content type \(type) is not supported; send application/json.")
            }
            let json: JSON
            do { json = try JSON(reading: request.body) } catch {
                throw ServiceError(.validation, "The request body is not valid JSON: \(error).")
            }
            input = try JSONValueDecoder(service: service, typeError: .validation)
                .decodeStructure(json, shape: shape, path: ValuePath(), bodyOnly: true)
        }
        var queryItems: [(name: String, value: String)]? = nil
        for member in shape.members where member.location != .body {
            let wireName = member.locationName ?? member.name
            let memberShape = service.shape(of: member)
            let format = service.timestampFormat(of: member)
            switch member.location {
            case .uri:
                if let text = labels[wireName] {
                    input[member.name] = try strings.value(of: text, shape: memberShape, format: format, where: "the URI label \(wireName)")
                }
            case .querystring:
                if queryItems == nil {
                    guard let items = PercentEncoding.queryItems(request.query) else {
                        throw ServiceError(.validation, "The query string has a broken percent-escape or is not UTF-8.")
                    }
                    queryItems = items
                }
                let items = queryItems!
                switch memberShape.kind {
                case .list:
                    let element = service[memberShape.element!]
                    let values = items.filter { $0.name == wireName }
                    if !values.isEmpty {
                        var list: [Value] = []
                        for item in values {
                            list.append(try strings.value(of: item.value, shape: element, format: format, where: "the query parameter \(wireName)"))
                        }
                        input[member.name] = .list(list)
                    }
                case .map:
                    // A map bound to the query takes the parameters no other member claims.
                    let claimed = Set(shape.members.filter { $0.location == .querystring && $0.name != member.name }
                        .map { $0.locationName ?? $0.name })
                    var map = OrderedDictionary<String, Value>()
                    for item in items where !claimed.contains(item.name) && map[item.name] == nil {
                        map[item.name] = .string(item.value)
                    }
                    if !map.isEmpty { input[member.name] = .map(map) }
                default:
                    if let item = items.first(where: { $0.name == wireName }) {
                        input[member.name] = try strings.value(of: item.value, shape: memberShape, format: format,
                                                               where: "the query parameter \(wireName)")
                    }
                }
            case .header:
                guard let text = request.headers[wireName] else { continue }
                if memberShape.kind == .list, let element = memberShape.element.map({ service[$0] }) {
                    var list: [Value] = []
                    for part in text.split(separator: ",") {
                        list.append(try strings.value(of: part.trimmingCharacters(in: .whitespaces), shape: element,
                                                      format: format, where: "the header \(wireName)"))
                    }
                    input[member.name] = .list(list)
                } else if member.isJSONValue || memberShape.isJSONValue {
                    guard let data = Data(base64Encoded: text), let s = String(data: data, encoding: .utf8) else {
                        throw ServiceError(.validation, "The header \(wireName) must carry base64-encoded JSON.")
                    }
                    input[member.name] = .string(s)
                } else {
                    input[member.name] = try strings.value(of: text, shape: memberShape, format: format, where: "the header \(wireName)")
                }
            case .headers:
                var map = OrderedDictionary<String, Value>()
                for field in request.headers where field.name.lowercased().hasPrefix(wireName.lowercased()) {
                    map[String(field.name.dropFirst(wireName.count))] = .string(field.value)
                }
                if !map.isEmpty { input[member.name] = .map(map) }
            case .body, .statusCode:
                break
            }
        }
        // Model order, whatever order the parts came in.
        var ordered = OrderedDictionary<String, Value>(minimumCapacity: input.count)
        for member in shape.members { if let v = input[member.name] { ordered[member.name] = v } }
        try ConstraintValidator(service: service).validate(ordered, shape: shape)
        return Request(operation.id, input: ordered)
    }

    /// `application/json` and the amz JSON types, with or without parameters.
    static func isJSONContentType(_ type: String) -> Bool {
        let media = type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media == "application/json" || media.hasPrefix("application/x-amz-json-")
    }

    public func encodeResponse(_ output: Value, operation: Operation) -> WireResponse {
        let status = operation.http.responseCode ?? 200
        var headers = HTTPHeaders()
        guard let shape = service.output(of: operation), case .structure(let members) = output else {
            if status == 204 { return WireResponse(status: status) }
            headers["Content-Type"] = "application/json"
            return WireResponse(status: status, headers: headers, body: Array("{}".utf8))
        }
        var hasBody = false
        for member in shape.members {
            switch member.location {
            case .body: hasBody = true
            case .header:
                if let value = members[member.name],
                   let text = strings.text(of: value, format: service.timestampFormat(of: member)) {
                    headers[member.locationName ?? member.name] = text
                }
            default: break
            }
        }
        if status == 204 && !hasBody { return WireResponse(status: status, headers: headers) }
        headers["Content-Type"] = "application/json"
        return WireResponse(status: status, headers: headers, body: encodeBody(members, shape: shape, bodyOnly: true))
    }

    public func encodeError(_ error: ServiceError) -> WireResponse {
        var headers = HTTPHeaders()
        headers["x-amzn-ErrorType"] = error.name
        headers["Content-Type"] = "application/json"
        var writer = JSONWriter()
        writer.raw(UInt8(ascii: "{"))
        writeErrorMembers(error, into: &writer, first: true)
        writer.raw(UInt8(ascii: "}"))
        return WireResponse(status: error.httpStatus, headers: headers, body: writer.bytes)
    }
}
