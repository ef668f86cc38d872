import Foundation

/// Where calls go: a URL given with `--endpoint-url`, or the service's
/// regional AWS endpoint (`https://ssm-incidents.us-east-1.amazonaws.com`).
public struct Endpoint: Sendable, Hashable {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// A path the endpoint URL carries, prefixed to every request path ("" for none).
    public var basePath: String

    /// Parses `http://127.0.0.1:4590` and the like; `nil` when it is no http(s) URL.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    /// The AWS endpoint of a service in a region.
    public init(service endpointPrefix: String, region: String) {
        scheme = "https"
        host = "\(endpointPrefix).\(region).amazonaws.com"
        port = nil
        basePath = ""
    }

    /// The `Host` header: the port only when it is not the scheme's default.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        guard let port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) else { return bracketed }
        return "\(bracketed):\(port)"
    }

    /// The full URL of a request target (`/path?query`).
    public func url(target: String) -> String {
        "\(scheme)://\(hostHeader)\(basePath)\(target)"
    }
}
