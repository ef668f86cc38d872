import JSON
import Backend
import Catalog
import OrderedCollections
import Testing
@testable import Wire

@Suite("Wire: both protocols over every operation")
struct CodecTests {
    let router = WireRouter()

    /// Every operation's input, filled with sample values: the client's
    /// encoding, routed and decoded by the server, gives the same request.
    @Test(arguments: ServiceName.allCases)
    func requestsRoundTrip(service name: ServiceName) throws {
        let service = Catalog.shared[name]
        let samples = SampleValues(service: service)
        for operation in service.operations {
            let input = service.input(of: operation).map { samples.structure($0) } ?? [:]
            let request = Request(operation.id, input: input)
            let wire = try Wire.codec(for: name).encodeRequest(request)
            let route = try router.route(wire)
            #expect(route.operation.name == operation.name)
            let decoded = try route.codec.decodeRequest(wire, operation: route.operation, labels: route.labels)
            #expect(decoded == request, "\(operation.name)")
        }
    }

    /// Every operation's output survives the server's encoding and the client's decoding.
    @Test(arguments: ServiceName.allCases)
    func responsesRoundTrip(service name: ServiceName) throws {
        let service = Catalog.shared[name]
        let samples = SampleValues(service: service)
        let codec = Wire.codec(for: name)
        for operation in service.operations {
            let output = Value.structure(service.output(of: operation).map { samples.structure($0) } ?? [:])
            let response = codec.encodeResponse(output, operation: operation)
            #expect(try codec.decodeResponse(response, operation: operation) == output, "\(operation.name)")
        }
    }

    @Test func restJSONBindings() throws {
        let arn = "arn:aws:ssm-incidents::111122223333:response-plan/db"
        let untag = try Wire.incidents.encodeRequest(Request(.incidents(.untagResource),
            input: ["resourceArn": .string(arn), "tagKeys": .list([.string("a b"), .string("c")])]))
        #expect(untag.method == "DELETE")
        #expect(untag.path == "/tags/arn%3Aaws%3Assm-incidents%3A%3A111122223333%3Aresponse-plan%2Fdb")
        #expect(untag.query == "tagKeys=a%20b&tagKeys=c")
        #expect(untag.body.isEmpty)

        let get = try Wire.incidents.encodeRequest(Request(.incidents(.getIncidentRecord), input: ["arn": .string(arn)]))
        #expect(get.method == "GET" && get.path == "/getIncidentRecord" && get.query.hasPrefix("arn=arn%3Aaws"))

        let event = try Wire.incidents.encodeRequest(Request(.incidents(.createTimelineEvent), input: [
            "eventData": .string("\"x\""), "eventTime": .timestamp(SampleValues.date), "eventType": .string("Custom Event"),
            "incidentRecordArn": .string(arn)]))
        #expect(String(decoding: event.body, as: UTF8.self)
                == #"{"eventData":"\"x\"","eventTime":1795514400.25,"eventType":"Custom Event","incidentRecordArn":"arn:aws:ssm-incidents::111122223333:response-plan/db"}"#)
        #expect(event.headers["Content-Type"] == "application/json")
    }

    @Test func jsonRPCBindings() throws {
        let wire = try Wire.contacts.encodeRequest(Request(.contacts(.listContacts), input: ["MaxResults": .integer(5)]))
        #expect(wire.method == "POST" && wire.path == "/")
        #expect(wire.headers["X-Amz-Target"] == "SSMContacts.ListContacts")
        #expect(wire.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(String(decoding: wire.body, as: UTF8.self) == #"{"MaxResults":5}"#)
    }

    // MARK: What the server refuses

    func decode(_ request: WireRequest) -> ServiceError? {
        do {
            let route = try router.route(request)
            _ = try route.codec.decodeRequest(request, operation: route.operation, labels: route.labels)
            return nil
        } catch {
            return error
        }
    }

    func rest(_ target: String, _ body: String, method: String = "POST", type: String? = "application/json") -> WireRequest {
        var headers = HTTPHeaders()
        if let type { headers["Content-Type"] = type }
        return WireRequest(method: method, target: target, headers: headers, body: Array(body.utf8))
    }

    func rpc(_ operation: String?, _ body: [UInt8], type: String = "application/x-amz-json-1.1") -> WireRequest {
        var headers = HTTPHeaders()
        if let operation { headers["X-Amz-Target"] = "SSMContacts.\(operation)" }
        headers["Content-Type"] = type
        return WireRequest(method: "POST", path: "/", headers: headers, body: body)
    }

    @Test func restJSONErrorsAreValidationExceptions() {
        #expect(decode(rest("/updateIncidentRecord", #"{"arn": "#))?.code == .validation)
        #expect(decode(rest("/updateIncidentRecord", #"{"arn": 5}"#))?.code == .validation)
        #expect(decode(rest("/updateIncidentRecord", #"{"arn": "a", "impact": "high"}"#))?.code == .validation)
        #expect(decode(rest("/updateIncidentRecord", #"{"impact": 3}"#))?.message
                == "1 validation error detected: Value null at 'arn' failed to satisfy constraint: Member must not be null")
        let many = decode(rest("/updateIncidentRecord", #"{"arn": "a", "impact": 9, "status": "CLOSED", "title": "\#(String(repeating: "t", count: 201))"}"#))
        #expect(many?.message.hasPrefix("4 validation errors detected: ") == true, "\(many?.message ?? "")")
        #expect(many?.message.contains("Value 'a' at 'arn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:aws") == true)
        #expect(many?.message.contains("Member must satisfy enum value set: [OPEN, RESOLVED]") == true)
        #expect(decode(rest("/createTimelineEvent", #"{"eventTime": "yesterday"}"#))?.code == .validation)
        // Invalid UTF-8 inside a string.
        var bad = rest("/updateIncidentRecord", "")
        bad.body = Array(#"{"arn": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(decode(bad)?.code == .validation)
        #expect(decode(rest("/updateIncidentRecord", #"{"arn": "a"}"#, type: "text/plain"))?.code == .unsupportedMediaType)
        // A union with two members set.
        #expect(decode(rest("/updateRelatedItems", #"{"incidentRecordArn": "a", "relatedItemsUpdate": {"itemToAdd": {"identifier": {"type": "OTHER", "value": {"url": "u"}}}, "itemToRemove": {"type": "OTHER", "value": {"url": "u"}}}}"#))?.code == .validation)
    }

    /// Patterns are checked on the wire by the checker's own engine: a value
    /// that breaks one is a ValidationException wherever it sits (body, query,
    /// URI label, map key, list element), and a value that matches goes through.
    @Test func patternsAreValidatedOnTheWire() {
        let arn = "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"
        #expect(decode(rest("/getIncidentRecord?arn=not-an-arn", "", method: "GET"))?.message
                == "1 validation error detected: Value 'not-an-arn' at 'arn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:aws(-cn|-us-gov)?:[a-z0-9-]*:[a-z0-9-]*:([0-9]{12})?:.+$")
        #expect(decode(rest("/getIncidentRecord?arn=\(arn)", "", method: "GET")) == nil)
        #expect(decode(rest("/createResponsePlan", #"{"name": "bad name!", "incidentTemplate": {"title": "t", "impact": 3}}"#))?.message
                .contains("at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern") == true)
        let tags = decode(rest("/tags/\(arn.replacingOccurrences(of: "/", with: "%2F").replacingOccurrences(of: ":", with: "%3A"))",
                               #"{"tags": {"bad key!": "v", "good": "v"}}"#))
        #expect(tags?.message.hasPrefix("1 validation error detected: Value 'bad key!' at 'tags.bad key!'") == true, "\(tags?.message ?? "")")
        #expect(decode(rest("/listRelatedItems", #"{"incidentRecordArn": "not-an-arn"}"#))?.code == .validation)
        #expect(decode(rest("/listRelatedItems", #"{"incidentRecordArn": "\#(arn)"}"#)) == nil)
    }

    /// ssm-contacts answers every ValidationException with Message, Reason and
    /// Fields, whoever raised it.
    @Test func contactsValidationBodyShape() throws {
        let codec = Wire.contacts
        let bad = try #require(decode(rpc("CreateContact", Array(#"{"Alias": "Bad Alias", "Type": "PERSONAL", "Plan": {"Stages": []}}"#.utf8))))
        #expect(bad.reason == "FIELD_VALIDATION_FAILED" && bad.fields.map(\.name) == ["Alias"])
        for error in [bad, ServiceError(.validation, "raised in the ssm-incidents form")] {
            let body = codec.encodeError(error).body
            let json = try #require(try? JSON(reading: body))
            guard case .object(let members) = json else { Issue.record("not an object"); continue }
            #expect(members.map { $0.key } == ["__type", "Message", "Reason", "Fields"], "\(String(decoding: body, as: UTF8.self))")
        }
        // A list element and a range.
        let nested = decode(rpc("CreateRotation", Array(#"{"Name": "bad@name", "ContactIds": ["not-an-arn"], "TimeZoneId": "UTC", "Recurrence": {"NumberOfOnCalls": 0, "RecurrenceMultiplier": 1}}"#.utf8)))
        #expect(nested?.fields.map(\.name) == ["Name", "ContactIds.1.member", "Recurrence.NumberOfOnCalls"], "\(nested?.message ?? "")")
    }

    @Test func jsonRPCErrorsAreSerializationExceptions() {
        #expect(decode(rpc("ListContacts", Array("{".utf8)))?.code == .serialization)
        #expect(decode(rpc("ListContacts", Array(#"{"MaxResults": "five"}"#.utf8)))?.code == .serialization)
        #expect(decode(rpc("ListContacts", [0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D]))?.code == .serialization)
        #expect(decode(rpc("ListContacts", Array(#"{"MaxResults": 2000}"#.utf8)))?.code == .validation)
        #expect(decode(rpc("GetContact", Array("{}".utf8)))?.code == .validation)
        #expect(decode(rpc("NoSuchOperation", Array("{}".utf8)))?.code == .unknownTarget)
        #expect(decode(rpc(nil, Array("{}".utf8)))?.code == .unknownTarget)
        #expect(decode(rpc("ListContacts", Array("{}".utf8), type: "application/xml"))?.code == .unsupportedMediaType)
    }

    @Test func routesRefused() {
        #expect(decode(rest("/noSuchOperation", "{}"))?.code == .unknownRoute)
        #expect(decode(rest("/createTimelineEvent", "", method: "GET"))?.code == .unknownRoute)
        #expect(decode(rest("/tags/../getIncidentRecord", "", method: "GET"))?.code == .validation)
        #expect(decode(rest("/tags/%2e%2e", "", method: "GET"))?.code == .validation)
        #expect(decode(rest("/tags/arn%zz", "", method: "GET"))?.code == .unknownRoute)
        #expect(decode(rest("/tags/", "", method: "GET"))?.code == .unknownRoute)
    }

    @Test(arguments: ServiceName.allCases)
    func errorsRoundTrip(service name: ServiceName) throws {
        let codec = Wire.codec(for: name)
        var error = ServiceError(.resourceNotFound, "Incident record x does not exist.")
        error.resourceIdentifier = "x"
        error.resourceType = "INCIDENT_RECORD"
        let response = codec.encodeError(error)
        #expect(response.status == 404)
        let operation = codec.service.operations[0]
        do {
            _ = try codec.decodeResponse(response, operation: operation)
            Issue.record("an error response decoded as a success")
        } catch {
            #expect(error.code == .resourceNotFound && error.message == "Incident record x does not exist.")
            // ssm-contacts names these members resourceId and resourceType: they do not carry over.
            if name == .incidents { #expect(error.resourceIdentifier == "x" && error.resourceType == "INCIDENT_RECORD") }
        }
        if name == .incidents {
            #expect(response.headers["x-amzn-ErrorType"] == "ResourceNotFoundException")
        } else {
            #expect(String(decoding: response.body, as: UTF8.self).hasPrefix(#"{"__type":"ResourceNotFoundException","message":"#))
        }
    }
}
