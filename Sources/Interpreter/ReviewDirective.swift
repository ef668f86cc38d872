import Backend
import Foundation
import JMESPath
import Review
import Syntax

/// `.review [ARN] [--format FORMAT] [--output-file PATH]`: the post-incident
/// review of an incident (the newest open one, else the newest, without an
/// ARN; `$name.path` reads a binding), read through the session's pipeline
/// to the backend (inside a runbook's batch when one is open).
extension Session {
    static let reviewUsage = ".review takes [ARN] [--format text|html|markdown|json] [--output-file PATH]\n"

    func runReview(arguments: [String]) async -> Status {
        var arguments = arguments
        if arguments.contains(where: { $0.contains("$") }) {
            // The REPL hands its dot commands over as plain words: read them
            // as a runbook line, so that `$incident.incidentRecordArn` has its value.
            let file = SourceFile(name: "<repl>", text: ".review " + arguments.joined(separator: " "))
            guard case .directive(let directive)? = Parser.parseScript(file).0.statements.first,
                  let resolved = resolvedArguments(directive, in: file) else { return .invalid }
            arguments = resolved
        }
        var arn: String?
        var format: ReviewFormat?
        var file: String?
        var rest = arguments[...]
        while let word = rest.popFirst() {
            switch word {
            case "--format":
                guard let value = rest.popFirst(), let chosen = ReviewFormat(rawValue: value) else {
                    sink.error(Self.reviewUsage)
                    return .invalid
                }
                format = chosen
            case "--output-file":
                guard let value = rest.popFirst(), !value.isEmpty else {
                    sink.error(Self.reviewUsage)
                    return .invalid
                }
                file = value
            default:
                guard arn == nil, !word.hasPrefix("-"), !word.isEmpty else {
                    sink.error(Self.reviewUsage)
                    return .invalid
                }
                arn = word
            }
        }
        let reader = ReviewReader(send: sendOnce())
        let facts: ReviewFacts
        do throws(ServiceError) {
            var target = arn
            if target == nil { target = try await reader.newestIncident() }
            guard let target else {
                sink.error("An error occurred (ResourceNotFoundException) when calling the GetIncidentRecord operation: there is no incident to review\n")
                return .serviceError
            }
            facts = try await reader.facts(of: target)
        } catch {
            sink.error("An error occurred (\(error.name)) when calling the GetIncidentRecord operation: \(error.message)\n")
            return .serviceError
        }
        let review = Review(facts: facts, now: now)
        let chosen = format ?? (file == nil ? .text : .html)
        let text = review.rendered(chosen, colors: chosen == .text && file == nil && settings.colors)
        guard let file else {
            sink.output(text)
            return .ok
        }
        do {
            // Written from the text's own bytes: a long review is not copied again.
            var text = text
            try text.withUTF8 { bytes in
                let data = bytes.baseAddress.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: bytes.count,
                                                        deallocator: .none) } ?? Data()
                try data.write(to: URL(fileURLWithPath: file))
            }
        } catch {
            sink.error(".review: cannot write \(file): \(error.localizedDescription)\n")
            return .failure
        }
        sink.output("The review of \(facts.arn) is in \(file)\n")
        return .ok
    }

    /// A directive's words with their references (`$incident.incidentRecordArn`,
    /// `${NAME}`) replaced by their values; nil (reported) when one has none.
    func resolvedArguments(_ directive: Directive, in file: SourceFile) -> [String]? {
        let resolver = BindingResolver(bindings: bindings, environment: environment)
        var words: [String] = []
        for word in directive.arguments {
            var bytes = Array(word.text.utf8)
            for interpolation in word.interpolations.sorted(by: { $0.offset > $1.offset }) {
                guard case .text(let value) = resolver.resolve(interpolation.reference) else {
                    var reason = "\(interpolation.reference.spelling) has no value"
                    if case .failure(let message) = resolver.resolve(interpolation.reference) { reason = message }
                    report([.error("unresolved-reference", reason, at: interpolation.reference.range)], in: file)
                    return nil
                }
                bytes.insert(contentsOf: Array(value.utf8), at: min(interpolation.offset, bytes.count))
            }
            words.append(String(decoding: bytes, as: UTF8.self))
        }
        return words
    }
}
