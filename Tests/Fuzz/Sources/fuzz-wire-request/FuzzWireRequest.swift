import Catalog
import FuzzSupport
import Wire

let router = WireRouter(catalog: .shared)

/// An HTTP request (see `HTTPText`) routed to a catalog operation and decoded
/// by its protocol: rest-json (`ssm-incidents`: method, path labels, query,
/// headers, body) or JSON 1.1 (`ssm-contacts`: `POST /`, `X-Amz-Target`, body).
/// When it routes nowhere, the body is still decoded for the JSON 1.1
/// operation its length picks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let http = HTTPText(input)
    let request = WireRequest(method: http.method, path: http.path, query: http.query,
                              headers: HTTPHeaders(http.headers), body: http.body)
    do {
        let route = try router.route(request)
        _ = try? route.codec.decodeRequest(request, operation: route.operation, labels: route.labels)
    } catch {
        let operations = Catalog.shared[.contacts].operations
        guard !operations.isEmpty else { return 0 }
        let operation = operations[input.count % operations.count]
        _ = try? Wire.contacts.decodeRequest(request, operation: operation, labels: [:])
    }
    return 0
}

@main
enum FuzzWireRequestMain {
    static func main() { runFuzzer(fuzzWireRequest) }
}
