/// An HTTP request written as text, the input format of the wire and SigV4
/// targets (the seeds stay readable):
///
///     POST /createTimelineEvent?x=1
///     Content-Type: application/json
///
///     {"incidentRecordArn": "..."}
public struct HTTPText {
    public var method = ""
    public var path = ""
    public var query = ""
    public var headers: [(String, String)] = []
    public var body: [UInt8] = []

    public init(_ input: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        // The head ends at the first empty line; the rest is the body, as bytes.
        while i < input.count {
            if input[i] == UInt8(ascii: "\n") {
                let line = input[start..<i]
                start = i + 1
                if line.isEmpty || line == [UInt8(ascii: "\r")] {
                    body = Array(input[start...])
                    break
                }
                lines.append(line)
            }
            i += 1
        }
        if i >= input.count && start < input.count { lines.append(input[start...]) }
        guard let first = lines.first else { return }
        let requestLine = String(decoding: first, as: UTF8.self)
        let parts = requestLine.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        method = String(parts[0])
        let target = parts.count > 1 ? parts[1] : ""
        if let q = target.firstIndex(of: "?") {
            path = String(target[..<q])
            query = String(target[target.index(after: q)...])
        } else {
            path = String(target)
        }
        for line in lines.dropFirst() {
            let text = String(decoding: line, as: UTF8.self)
            if let colon = text.firstIndex(of: ":") {
                let value = text[text.index(after: colon)...].drop { $0 == " " }
                headers.append((String(text[..<colon]), String(value.hasSuffix("\r") ? value.dropLast() : value)))
            } else {
                headers.append((text, ""))
            }
        }
    }
}
