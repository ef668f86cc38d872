import JSON
import Backend
import Catalog
@testable import Checker
import Foundation
import MemoryBackend
import OrderedCollections
import Syntax
import Testing
import Text
import Time
@testable import Wire

/// Numbers of every magnitude in every numeric and timestamp member of every
/// operation, through the two ways a request arrives (a chat command, and a
/// wire body or query string): each is taken or refused, never trapped on,
/// and what is taken is inside the model's types (32-bit integers, times in
/// `InstantRange`) and runs on the memory backend without trapping.
@Suite("Numbers from users: range-checked on every path")
struct NumberRangeTests {
    /// The edges: ±1e308, beyond 64 bits, the ends of Int32/Int64, -0, the
    /// ends of the instants a timestamp may name, and the tiniest doubles.
    static let edges = [
        "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-0", "0", "-0.0", "1", "-1", "1.5",
        "2147483647", "2147483648", "-2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "-99999999999999999", "1e19", "-1e19",
        "253402300799.999", "253402300800", "-62135596800", "-62135596801", "1e18", "-1e18",
    ]

    /// The edges and random numbers of every magnitude, 10^-320 to 10^320 (seeded).
    static let numbers: [String] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var out = edges
        for _ in 0..<24 {
            let sign = next() % 2 == 0 ? "" : "-"
            let mantissa = Double(next() % 1_000_000) / 100_000
            let exponent = Int(next() % 641) - 320
            out.append("\(sign)\(mantissa)e\(exponent)")
        }
        return out
    }()

    /// Words only the command line reads as numbers (Python's `float()`).
    static let words = ["NaN", "nan", "inf", "-inf", "Infinity", "1_000", "+7", " 12 "]

    /// A numeric or timestamp member inside an operation's input.
    struct Site {
        /// The operation's API and CLI names.
        let operation: (name: String, cliName: String)
        /// Top-level member first, then the members, list elements (0) and map keys ("k") inside it.
        let path: [PathStep]
        let kind: Shape.Kind
        var top: Member { if case .member(let m) = path[0] { return m }; fatalError("a path starts at a member") }
    }

    enum PathStep {
        case member(Member), element, key
    }

    static func sites(_ service: ServiceModel) -> [Site] {
        var out: [Site] = []
        func walk(_ shape: Shape, _ path: [PathStep], _ operation: (name: String, cliName: String), depth: Int) {
            guard depth < 6 else { return }
            switch shape.kind {
            case .integer, .long, .float, .double, .timestamp:
                out.append(Site(operation: operation, path: path, kind: shape.kind))
            case .structure, .union:
                for member in shape.members { walk(service.shape(of: member), path + [.member(member)], operation, depth: depth + 1) }
            case .list:
                walk(service[shape.element!], path + [.element], operation, depth: depth + 1)
            case .map:
                walk(service[shape.value!], path + [.key], operation, depth: depth + 1)
            default:
                break
            }
        }
        for operation in service.operations {
            guard let input = service.input(of: operation) else { continue }
            for member in input.members {
                walk(service.shape(of: member), [PathStep.member(member)], (operation.name, operation.cliName), depth: 1)
            }
        }
        return out
    }

    /// JSON text holding `number` at `path` (member names as the wire or the CLI input document writes them).
    static func json(_ path: ArraySlice<PathStep>, _ number: String) -> String {
        guard let step = path.first else { return number }
        let inner = json(path.dropFirst(), number)
        switch step {
        case .member(let m): return "{\"\(m.name)\":\(inner)}"
        case .element: return "[\(inner)]"
        case .key: return "{\"k\":\(inner)}"
        }
    }

    /// Every value a checked request holds is inside the model's types.
    static func inRange(_ value: Value) -> Bool {
        switch value {
        case .timestamp(let date): return InstantRange.contains(date)
        case .list(let items): return items.allSatisfy(inRange)
        case .map(let members), .structure(let members): return members.values.allSatisfy(inRange)
        default: return true
        }
    }

    static func check(_ message: String) -> CheckResult? {
        let file = SourceFile(name: SourceFile.chatName, text: message)
        guard let command = Parser.parseMessage(file).command else { return nil }
        return Checker().check(command, in: file, context: .chat)
    }

    @Test(arguments: ServiceName.allCases)
    func chatCommands(service name: ServiceName) async throws {
        let service = Catalog.shared[name]
        let backend = MemoryBackend(clock: FixedWallClock(Date(timeIntervalSince1970: 1_795_514_400)), ids: SeededIDGenerator(seed: 3))
        let sites = Self.sites(service)
        #expect(sites.count > 10)
        var refusedTimes = 0, refusedIntegers = 0
        for site in sites {
            for number in Self.numbers + Self.words {
                var messages = ["@aws \(name.rawValue) \(site.operation.cliName) --cli-input-json '\(Self.json(site.path[...], number))'"]
                if site.path.count == 1 {
                    messages.append("@aws \(name.rawValue) \(site.operation.cliName) --\(site.top.cliName) '\(number)'")
                } else {
                    messages.append("@aws \(name.rawValue) \(site.operation.cliName) --\(site.top.cliName) '\(Self.json(site.path.dropFirst(), number))'")
                }
                for message in messages {
                    guard let result = Self.check(message) else { continue }
                    guard let checked = result.command, !result.diagnostics.hasErrors else {
                        let codes = result.diagnostics.map { $0.code }
                        if site.kind == .timestamp && codes.contains("value-out-of-range") { refusedTimes += 1 }
                        if site.kind == .integer && codes.contains("value-out-of-range") { refusedIntegers += 1 }
                        continue
                    }
                    #expect(Self.inRange(.structure(checked.request.input)), "\(message)")
                    if site.kind == .integer, case .integer(let i)? = Self.value(at: site.path[...], in: .structure(checked.request.input)) {
                        #expect(Int32(exactly: i) != nil, "\(message)")
                    }
                    // Whatever the checker takes, the engine answers without trapping.
                    _ = try? await backend.send(checked.request, context: CallContext(user: "alice"))
                }
            }
        }
        // The property is not vacuous: out-of-range numbers were met and refused as such.
        #expect(refusedTimes > 0)
        if sites.contains(where: { $0.kind == .integer }) { #expect(refusedIntegers > 0) }
    }

    @Test(arguments: ServiceName.allCases)
    func wireBodies(service name: ServiceName) async throws {
        let service = Catalog.shared[name]
        let router = WireRouter()
        let codec = Wire.codec(for: name)
        let samples = SampleValues(service: service)
        let backend = MemoryBackend(clock: FixedWallClock(Date(timeIntervalSince1970: 1_795_514_400)), ids: SeededIDGenerator(seed: 3))
        var refused = 0
        for site in Self.sites(service) {
            let operation = try #require(service.operation(named: site.operation.name))
            let input = service.input(of: operation).map { samples.structure($0) } ?? [:]
            let base = try codec.encodeRequest(Request(operation.id, input: input))
            for number in Self.numbers {
                var wire = base
                switch site.top.location {
                case .body:
                    // The sample body with the member replaced by the number's literal text.
                    var members: [(key: String, value: JSON)] = []
                    if case .object(let parsed)? = try? JSON(reading: base.body) { members = parsed.filter { $0.key != site.top.name } }
                    members.append((site.top.name, .string("number-placeholder-7f3a")))
                    let text = String(decoding: JSONWriter.encode(.object(members)), as: UTF8.self)
                        .replacingOccurrences(of: "\"number-placeholder-7f3a\"", with: Self.json(site.path.dropFirst(), number))
                    wire.body = Array(text.utf8)
                case .querystring:
                    guard site.path.count == 1 else { continue }
                    let key = site.top.locationName ?? site.top.name
                    let kept = base.query.split(separator: "&").filter { !$0.hasPrefix(key + "=") }
                    wire.query = (kept + ["\(key)=\(PercentEncoding.encode(number))"]).joined(separator: "&")
                default:
                    continue
                }
                do {
                    let route = try router.route(wire)
                    let request = try route.codec.decodeRequest(wire, operation: route.operation, labels: route.labels)
                    #expect(Self.inRange(.structure(request.input)), "\(site.operation.name) \(number)")
                    _ = try? await backend.send(request, context: CallContext(user: "alice"))
                } catch {
                    refused += 1
                }
            }
        }
        #expect(refused > 0)
    }

    static func value(at path: ArraySlice<PathStep>, in value: Value) -> Value? {
        guard let step = path.first else { return value }
        switch (step, value) {
        case (.member(let m), .structure(let members)): return members[m.name].flatMap { Self.value(at: path.dropFirst(), in: $0) }
        case (.element, .list(let items)): return items.first.flatMap { Self.value(at: path.dropFirst(), in: $0) }
        case (.key, .map(let members)): return members["k"].flatMap { Self.value(at: path.dropFirst(), in: $0) }
        default: return nil
        }
    }

    /// The cases of the issue, each refused with a located diagnostic.
    @Test func timestampsOutOfRangeAreRefused() {
        for before in ["1e308", "-99999999999999999", "253402300800", "-62135596801", "0000-12-31T00:00:00Z"] {
            let result = Self.check("@aws ssm-incidents list-incident-records --filters key=creationTime,condition={before=\(before)}")
            #expect(result?.command == nil || result?.diagnostics.hasErrors == true, "\(before)")
        }
        let result = Self.check("@aws ssm-incidents list-incident-records --filters key=creationTime,condition={before=1e308}")
        #expect(result?.diagnostics.map(\.code) == ["value-out-of-range"])
        #expect(Self.check("@aws ssm-incidents list-incident-records --filters key=creationTime,condition={before=253402300799}")?.diagnostics.isEmpty == true)
    }
}
