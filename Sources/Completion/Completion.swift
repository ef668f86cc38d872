import Catalog
import Dispatch
import Syntax

/// What TAB offers: the candidates, and where in the line the word they
/// replace starts (a UTF-8 offset).
public struct Completion: Sendable, Equatable {
    public var start: Int
    public var candidates: [String]

    public init(start: Int, candidates: [String]) {
        self.start = start
        self.candidates = candidates
    }
}

/// Answers completion's questions about what exists now. `given` holds the
/// options already typed (name without dashes → value), so that timeline
/// event ids can come from the incident named by `--incident-record-arn`.
public protocol LiveValues: Sendable {
    func values(_ kind: LiveResource, given: [String: String]) -> [String]
}

/// Live values from asynchronous work (a backend), waited for while TAB is
/// pressed: completion is synchronous in the line editor.
public struct BlockingLiveValues: LiveValues {
    private let fetch: @Sendable (LiveResource, [String: String]) async -> [String]

    public init(_ fetch: @escaping @Sendable (LiveResource, [String: String]) async -> [String]) {
        self.fetch = fetch
    }

    public func values(_ kind: LiveResource, given: [String: String]) -> [String] {
        final class Box: @unchecked Sendable { var value: [String] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let fetch = self.fetch
        Task.detached {
            box.value = await fetch(kind, given)
            done.signal()
        }
        done.wait()
        return box.value
    }
}

/// Completes chat commands from the catalog and, for identifiers, from live values.
public struct Completer: Sendable {
    public var catalog: Catalog
    public var live: (any LiveValues)?
    /// Words a line may start with besides a command: `.help`, `help`, `let`.
    public var leadingWords: [String]

    public init(catalog: Catalog = .shared, live: (any LiveValues)? = nil, leadingWords: [String] = []) {
        self.catalog = catalog
        self.live = live
        self.leadingWords = leadingWords
    }

    static let mentions = ["@aws"]
    /// The AWS CLI's global options that every command takes; paging ones come from the operation.
    static let globalOptions = ["output", "query", "region", "profile", "endpoint-url", "cli-input-json",
                                "cli-input-yaml", "generate-cli-skeleton", "debug"]

    /// The candidates for the word that ends at `cursor` (a UTF-8 offset into `line`).
    public func complete(_ line: String, cursor: Int) -> Completion {
        let bytes = Array(line.utf8.prefix(cursor))
        var lexer = Lexer(bytes: bytes, mode: .message)
        var words: [(text: String, isOption: Bool, start: Int)] = []
        var lastEnd = 0
        loop: while true {
            switch lexer.next() {
            case .word(let w):
                words.append((w.text, false, w.range.start.offset))
                lastEnd = w.range.end.offset
            case .option(let o):
                words.append(("--" + o.name + (o.inlineValue.map { "=" + $0.text } ?? ""), true, o.range.start.offset))
                lastEnd = o.range.end.offset
            case .end:
                break loop
            default:
                continue
            }
        }
        // The word being typed: the last one, unless white space follows it.
        var partial = ""
        var start = bytes.count
        if let last = words.last, lastEnd == bytes.count {
            partial = last.text
            start = last.start
            words.removeLast()
        }
        let candidates = self.candidates(after: words.map { ($0.text, $0.isOption) }, partial: partial)
        return Completion(start: start, candidates: candidates)
    }

    private func candidates(after typed: [(text: String, isOption: Bool)], partial: String) -> [String] {
        var words = typed[...]
        // let NAME = <command>
        if words.first?.text == "let" {
            guard words.count >= 3 else { return [] }
            words = words.dropFirst(3)
        }
        if words.isEmpty {
            return Self.filter(Self.mentions + catalog.serviceNames.map(\.rawValue) + leadingWords, by: partial)
        }
        if let first = words.first, first.text.lowercased() == "@aws" || first.text.lowercased() == "@q" {
            words = words.dropFirst()
        }
        if words.first?.text == "aws" { words = words.dropFirst() }
        guard let serviceWord = words.first else {
            return Self.filter(catalog.serviceNames.map(\.rawValue), by: partial)
        }
        if serviceWord.text == "help" {
            words = words.dropFirst()
            guard let name = words.first else { return Self.filter(catalog.serviceNames.map(\.rawValue), by: partial) }
            guard words.count == 1, let service = catalog.service(named: name.text) else { return [] }
            return Self.fuzzy(service.operations.map(\.cliName), partial)
        }
        guard let service = catalog.service(named: serviceWord.text) else { return [] }
        words = words.dropFirst()
        guard let operationWord = words.first else {
            return Self.fuzzy(service.operations.map(\.cliName), partial)
        }
        guard let operation = service.operation(named: operationWord.text) else { return [] }
        words = words.dropFirst()

        var given: [String: String] = [:]
        var lastOption: String? = nil
        for word in words {
            if word.isOption {
                let body = word.text.dropFirst(2)
                if let eq = body.firstIndex(of: "=") {
                    given[String(body[..<eq])] = String(body[body.index(after: eq)...])
                    lastOption = nil
                } else {
                    given[String(body)] = given[String(body)] ?? ""
                    lastOption = String(body)
                }
            } else if let option = lastOption, given[option] == "" {
                given[option] = word.text
            }
        }
        if !partial.hasPrefix("-"), let name = lastOption, let option = operation.option(named: name), option.form == .value {
            return values(member: option.memberName, shape: option.shape, of: operation, in: service, given: given, partial: partial)
        }
        return optionCandidates(operation, given: given, partial: partial)
    }

    /// `--name` for each option not given yet: required ones first, then the
    /// others, then the global options.
    private func optionCandidates(_ operation: Operation, given: [String: String], partial: String) -> [String] {
        let givenMembers = Set(operation.options.filter { given[$0.name] != nil }.map(\.memberName))
        let open = operation.options.filter { !givenMembers.contains($0.memberName) && !$0.isHidden }
        let required = open.filter(\.isRequired).map { "--" + $0.name }
        let optional = open.filter { !$0.isRequired }.map { "--" + $0.name }
        let paging = operation.paginator == nil ? [] : operation.pagingOptions + ["no-paginate"]
        let globals = (paging + Self.globalOptions).filter { given[$0] == nil }.map { "--" + $0 }
        let all = required + optional + globals
        return all.filter { $0.hasPrefix(partial.isEmpty ? "" : (partial.hasPrefix("--") ? partial : "--" + partial.drop { $0 == "-" })) }
    }

    private func values(member: String, shape id: ShapeID, of operation: Operation, in service: ServiceModel,
                        given: [String: String], partial: String) -> [String] {
        let shape = service[id]
        if !shape.enumValues.isEmpty { return Self.filter(shape.enumValues, by: partial) }
        if shape.kind == .list, let element = shape.element, !service[element].enumValues.isEmpty {
            return Self.filter(service[element].enumValues, by: partial)
        }
        if let kind = LiveResource.named(by: member, operation: operation.name, service: service.name),
           let live {
            return Self.filter(live.values(kind, given: given), by: partial)
        }
        if partial.isEmpty, let skeleton = ShapeSyntax(service: service).shorthand(id) {
            return [skeleton]
        }
        return []
    }

    static func filter(_ words: [String], by partial: String) -> [String] {
        let lower = partial.lowercased()
        return words.filter { $0.lowercased().hasPrefix(lower) }
    }

    /// Operation names by prefix, then by initials (`cte` → create-timeline-event),
    /// then by subsequence, as aws-shell matches them.
    static func fuzzy(_ names: [String], _ partial: String) -> [String] {
        let p = partial.lowercased()
        guard !p.isEmpty else { return names.sorted() }
        let prefix = names.filter { $0.hasPrefix(p) }.sorted()
        if !prefix.isEmpty { return prefix }
        let initials = names.filter { String($0.split(separator: "-").compactMap(\.first)).hasPrefix(p) }.sorted()
        if !initials.isEmpty { return initials }
        return names.filter { isSubsequence(p, of: $0) }.sorted()
    }

    static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var rest = Substring(haystack)
        for c in needle {
            guard let i = rest.firstIndex(of: c) else { return false }
            rest = rest[rest.index(after: i)...]
        }
        return true
    }
}
