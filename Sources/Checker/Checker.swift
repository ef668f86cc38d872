import Catalog
import Constraints
import JMESPath
import OrderedCollections
import Syntax

/// Checks a command's syntax tree against the catalog and builds the typed
/// request the AWS CLI would build from the same words, or diagnostics.
///
///     let result = Checker().check(command, in: file, context: .chat)
///     if let checked = result.command { ... checked.request ... }
///
/// The steps: the service and operation names; each option (the operation's
/// own, then the global ones) with its value decoded and validated; the
/// members `--cli-input-json`/`--cli-input-yaml` add; the required members,
/// all missing ones in one diagnostic.
public struct Checker: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog = .shared) {
        self.catalog = catalog
    }

    /// Checks one command of `file` (the diagnostics' ranges point into it).
    public func check(_ command: Command, in file: SourceFile, context: CheckContext) -> CheckResult {
        var diagnostics: [Diagnostic] = []

        // The service and the operation.
        guard let service = catalog.service(named: command.service.text) else {
            let suggestions = catalog.suggestServices(for: command.service.text)
            diagnostics.append(.error(.unknownService,
                "unknown service '\(command.service.text)'; the services are \(catalog.serviceNames.map(\.rawValue).joined(separator: ", "))",
                at: command.service.range, suggestion: suggestions.first.map { "did you mean \($0)?" }))
            return CheckResult(command: nil, diagnostics: diagnostics)
        }
        guard let operationIndex = service.operationIndex(named: command.operation.text) else {
            let suggestions = service.suggestOperations(for: command.operation.text)
            diagnostics.append(.error(.unknownOperation,
                "\(service.name.rawValue) has no operation '\(command.operation.text)'",
                at: command.operation.range,
                suggestion: suggestions.isEmpty ? "see: incident-chat help \(service.name.rawValue)"
                                                : "did you mean \(suggestions.joined(separator: " or "))?"))
            return CheckResult(command: nil, diagnostics: diagnostics)
        }
        let operation = service.operations[operationIndex]
        let patterns = PatternTable.of(service.name)

        for argument in command.arguments {
            diagnostics.append(.error(.unexpectedArgument,
                "unexpected value '\(argument.text)' before the first option; \(operation.cliName) takes only options",
                at: argument.range,
                suggestion: operation.requiredOptions.first.map { "name the option, as in --\($0.name) \(argument.text)" }))
        }

        // Sort the options: the operation's, the global ones, unknown ones.
        let memberCount = service.input(of: operation)?.members.count ?? 0
        var given = [Int](repeating: -1, count: memberCount)  // member → index into command.options
        var optionOf = [Int](repeating: -1, count: memberCount) // member → index into operation.options
        var globals = GlobalOptions()
        var seenGlobals: [String: SourceRange] = [:]
        var inputDocument: (name: String, option: Syntax.Option)? = nil
        for (i, syntax) in command.options.enumerated() {
            if diagnostics.count >= Diagnostic.limitPerCommand { break }
            if let index = operation.optionIndex(of: syntax.name) {
                let option = operation.options[index]
                if given[option.member] >= 0 {
                    let first = command.options[given[option.member]]
                    if first.name == syntax.name {
                        diagnostics.append(.error(.duplicateOption, "--\(syntax.name) is given twice", at: syntax.nameRange,
                                                  suggestion: "keep one; for a list, give all the values after one --\(syntax.name)"))
                    } else {
                        diagnostics.append(.error(.conflictingFlags, "--\(syntax.name) contradicts --\(first.name)", at: syntax.nameRange,
                                                  suggestion: "keep one of them"))
                    }
                    continue
                }
                given[option.member] = i
                optionOf[option.member] = index
                continue
            }
            if let kind = GlobalOptions.table[syntax.name],
               !GlobalOptions.pagingNames.contains(syntax.name) || operation.pagingOptions.contains(syntax.name) {
                if let first = seenGlobals[syntax.name] {
                    _ = first
                    diagnostics.append(.error(.duplicateOption, "--\(syntax.name) is given twice", at: syntax.nameRange))
                    continue
                }
                seenGlobals[syntax.name] = syntax.nameRange
                if let value = global(syntax, kind, file: file, context: context, into: &diagnostics) {
                    globals.set(syntax.name, text: value.text, integer: value.integer)
                    if syntax.name == "query", let text = value.text {
                        globals.query = compileQuery(text, syntax, file: file, into: &diagnostics)
                    }
                    if let advice = GlobalOptions.sessionWide[syntax.name] {
                        diagnostics.append(.warning(.sessionOptionIgnored,
                                                    "--\(syntax.name) is not taken from a command; it is ignored here",
                                                    at: syntax.nameRange, suggestion: advice))
                    }
                    if syntax.name == "cli-input-json" || syntax.name == "cli-input-yaml" {
                        if let other = inputDocument {
                            diagnostics.append(.error(.conflictingOptions, "--\(syntax.name) and --\(other.name) cannot be used together",
                                                      at: syntax.nameRange))
                        } else {
                            inputDocument = (syntax.name, syntax)
                        }
                    }
                }
                continue
            }
            var candidates = operation.options.filter { !$0.isHidden }.map(\.name) + operation.pagingOptions
            candidates += GlobalOptions.table.keys.filter { !GlobalOptions.pagingNames.contains($0) }.sorted()
            let suggestions = DidYouMean.candidates(for: syntax.name, among: candidates)
            var message = "\(operation.cliName) has no option --\(syntax.name)"
            if GlobalOptions.pagingNames.contains(syntax.name) { message += " (it is not a paginated operation)" }
            diagnostics.append(.error(.unknownOption, message, at: syntax.nameRange,
                suggestion: suggestions.isEmpty ? "see: incident-chat help \(service.name.rawValue) \(operation.cliName)"
                                                : "did you mean \(suggestions.map { "--" + $0 }.joined(separator: " or "))?"))
        }

        // Decode the operation's options.
        let decoder = OptionDecoder(service: service, patterns: patterns, context: context)
        var values = [Value?](repeating: nil, count: memberCount)
        var deferred = OrderedDictionary<String, String>()
        var present = [Bool](repeating: false, count: memberCount)
        let input = service.input(of: operation)
        for member in 0..<memberCount where given[member] >= 0 {
            if diagnostics.count >= Diagnostic.limitPerCommand { break }
            let syntax = command.options[given[member]]
            let option = operation.options[optionOf[member]]
            present[member] = true
            if case .flag(let flag) = option.form {
                if !syntax.values.isEmpty {
                    diagnostics.append(.error(.flagTakesNoValue, "--\(syntax.name) is a flag and takes no value",
                        at: syntax.values[0].range.union(syntax.values[syntax.values.count - 1].range),
                        suggestion: "write --\(option.memberName == syntax.name ? option.name : syntax.name) alone, or --\(flag ? "no-" + option.name : String(option.name.dropFirst(3))) for \(!flag)"))
                    continue
                }
                values[member] = .boolean(flag)
                continue
            }
            // The common case: one literal word for a string member.
            if syntax.values.count == 1, syntax.values[0].interpolations.isEmpty {
                let word = syntax.values[0]
                if let value = decoder.decodeLiteralString(option: option, word: word, into: &diagnostics) {
                    values[member] = value
                    continue
                }
                // Numbers and times that read cleanly; anything else takes the general path below.
                if let value = decoder.decodeLiteralInteger(option: option, word: word)
                    ?? decoder.decodeLiteralTimestamp(option: option, word: word) {
                    values[member] = value
                    continue
                }
            }
            var words: [ValueText] = []
            var isDeferred = false
            var failed = false
            for word in syntax.values {
                switch ValueText.splice(word, in: file, resolver: context.resolver) {
                case .text(let text): words.append(text)
                case .deferred: isDeferred = true
                case .failed(let problems):
                    diagnostics += problems
                    failed = true
                }
            }
            if failed { continue }
            if isDeferred {
                deferred[option.memberName] = syntax.values.map(\.spelled).joined(separator: " ")
                continue
            }
            values[member] = decoder.decode(option: option, words: words, optionRange: syntax.range, into: &diagnostics)
        }

        // The members of an input document fill in the rest.
        let skeletonInput = globals.generateCLISkeleton == .input
        if let document = inputDocument, let input, let text = document.name == "cli-input-json" ? globals.cliInputJSON : globals.cliInputYAML {
            mergeDocument(text, syntax: document.option, isJSON: document.name == "cli-input-json", input: input,
                          service: service, patterns: patterns, file: file, context: context,
                          values: &values, present: &present, into: &diagnostics)
        }

        // Every required member, at once.
        if !skeletonInput, let input {
            let missing = input.requiredMembers.filter { !present[$0] && !input.members[$0].isIdempotencyToken }
            if !missing.isEmpty {
                let names = missing.map { "--" + input.members[$0].cliName }
                let usage = missing.map { i -> String in
                    let member = input.members[i]
                    return service[member.shape].kind == .boolean ? "--\(member.cliName)" : "--\(member.cliName) <value>"
                }
                diagnostics.append(.error(.missingRequired,
                    "\(operation.cliName) needs \(names.count == 1 ? "the option" : "the options") \(names.joined(separator: ", "))",
                    at: command.operation.range, suggestion: "add " + usage.joined(separator: " ")))
            }
        }

        if diagnostics.count >= Diagnostic.limitPerCommand {
            diagnostics.append(.error(.tooManyErrors,
                "too many errors: the command was checked only as far as the first \(Diagnostic.limitPerCommand)",
                at: command.operation.range, suggestion: "fix these and check it again"))
        }
        if diagnostics.count > 1 {
            diagnostics = diagnostics.enumerated()
                .sorted { ($0.element.range.start.offset, $0.offset) < ($1.element.range.start.offset, $1.offset) }
                .map(\.element)
        }
        if diagnostics.hasErrors {
            return CheckResult(command: nil, diagnostics: diagnostics)
        }
        var request = Request(operation.id)
        if let input {
            // Member names are unique and already in model order: the input is
            // built in one go, without a lookup and a reallocation per member.
            var names: [String] = []
            var given: [Value] = []
            names.reserveCapacity(memberCount)
            given.reserveCapacity(memberCount)
            for (i, value) in values.enumerated() {
                if let value {
                    names.append(input.members[i].name)
                    given.append(value)
                }
            }
            request.input = OrderedDictionary(uncheckedUniqueKeys: names, values: given)
        }
        let checked = CheckedCommand(request: request, globals: globals, service: service, operation: operation, deferred: deferred)
        return CheckResult(command: checked, diagnostics: diagnostics)
    }

    /// A global option's value, checked against what the option takes.
    private func global(_ syntax: Syntax.Option, _ kind: GlobalOptions.Kind, file: SourceFile, context: CheckContext,
                        into diagnostics: inout [Diagnostic]) -> (text: String?, integer: Int?)? {
        if case .flag = kind {
            if !syntax.values.isEmpty {
                diagnostics.append(.error(.flagTakesNoValue, "--\(syntax.name) is a flag and takes no value",
                                          at: syntax.values[0].range))
                return nil
            }
            return (nil, nil)
        }
        if case .optionalChoice(_, let fallback) = kind, syntax.values.isEmpty {
            return (fallback, nil)
        }
        guard let word = syntax.values.first else {
            diagnostics.append(.error(.missingValue, "--\(syntax.name) needs a value", at: syntax.range))
            return nil
        }
        if syntax.values.count > 1 {
            diagnostics.append(.error(.tooManyValues, "--\(syntax.name) takes one value, got \(syntax.values.count)",
                                      at: syntax.values[1].range.union(syntax.values[syntax.values.count - 1].range)))
            return nil
        }
        var text: String
        switch ValueText.splice(word, in: file, resolver: context.resolver) {
        case .text(let value): text = value.text
        case .deferred: text = word.spelled
        case .failed(let problems):
            diagnostics += problems
            return nil
        }
        switch kind {
        case .choice(let choices), .optionalChoice(let choices, _):
            guard choices.contains(text) else {
                diagnostics.append(.error(.invalidGlobalValue,
                    "--\(syntax.name): '\(text)' is not one of: \(choices.joined(separator: ", "))", at: word.range,
                    suggestion: DidYouMean.candidates(for: text, among: choices).first.map { "did you mean \($0)?" }))
                return nil
            }
            return (text, nil)
        case .integer:
            guard case .value(let i) = PythonNumbers.integer(text), let n = Int(exactly: i) else {
                diagnostics.append(.error(.invalidInteger, "--\(syntax.name): '\(text)' is not an integer", at: word.range))
                return nil
            }
            // --max-items and --page-size count items; a timeout may be 0 (no limit), as in the AWS CLI.
            let lowest = GlobalOptions.pagingNames.contains(syntax.name) ? 1 : 0
            guard (lowest...Int(Int32.max)).contains(n) else {
                diagnostics.append(.error(.valueOutOfRange, "--\(syntax.name): \(n) is not from \(lowest) to \(Int32.max)", at: word.range))
                return nil
            }
            return (nil, n)
        case .text, .flag:
            if syntax.name == "cli-input-json" || syntax.name == "cli-input-yaml" {
                do {
                    switch try ParamFile.load(text, origin: context.origin) {
                    case .text(let contents)?: text = contents
                    case .bytes?:
                        diagnostics.append(.error(.fileNotText, "--\(syntax.name) reads a text document; use file://", at: word.range))
                        return nil
                    case nil: break
                    }
                } catch {
                    diagnostics.append(.error(error.code, error.message, at: word.range, suggestion: error.suggestion))
                    return nil
                }
            }
            return (text, nil)
        }
    }

    /// A `--query` expression compiled, or a diagnostic at its value (the
    /// column JMESPath names, when the value is written as it is read).
    private func compileQuery(_ text: String, _ syntax: Syntax.Option, file: SourceFile, into diagnostics: inout [Diagnostic]) -> JMESPath.Expression? {
        do throws(JMESPathError) {
            return try JMESPath.Expression(compiling: text)
        } catch {
            let word = syntax.values[0]
            var range = word.range
            if let column = error.column, column >= 1, word.text == text {
                let offset = text.unicodeScalars.prefix(column - 1).reduce(0) { $0 + String($1).utf8.count }
                range = ValueText(literal: word, in: file).range(of: offset..<Swift.min(offset + 1, text.utf8.count))
            }
            diagnostics.append(.error(.invalidQuery, "--query: \(error.message)", at: range,
                                      suggestion: "see the JMESPath syntax; quote the expression so the shell words stay together"))
            return nil
        }
    }

    /// Decodes the members of `--cli-input-json`/`--cli-input-yaml` that no
    /// explicit option set.
    private func mergeDocument(_ text: String, syntax: Syntax.Option, isJSON: Bool, input: Shape, service: ServiceModel,
                               patterns: PatternTable, file: SourceFile, context: CheckContext,
                               values: inout [Value?], present: inout [Bool], into diagnostics: inout [Diagnostic]) {
        guard let word = syntax.values.first else { return }
        var source = ValueText(literal: word, in: file)
        if text != word.text {
            source.text = text
            source.fromFile = true
        }
        if !isJSON { source.fromFile = true }
        let parsed = isJSON ? InputDocument.json(text) : InputDocument.yaml(text)
        let name = "--" + syntax.name
        switch parsed {
        case .failure(let failure):
            let range = failure.offset.map { source.range(of: $0..<Swift.min($0 + 1, text.utf8.count)) } ?? word.range
            diagnostics.append(.error(failure.code, "\(name): \(failure.message)", at: range))
        case .success(let node):
            guard case .object(let entries) = node.kind else {
                diagnostics.append(.error(.wrongType, "\(name): expected an object of the operation's members, got \(node.typeName)",
                                          at: word.range))
                return
            }
            var decoder = ShapeDecoder(service: service, patterns: patterns, source: source, mode: .json)
            for entry in entries {
                if diagnostics.count + decoder.diagnostics.count >= Diagnostic.limitPerCommand { break }
                guard let i = input.memberIndex(of: entry.key) else {
                    let suggestions = service.suggestMembers(for: entry.key, in: input)
                    diagnostics.append(.error(.unknownMember,
                        "\(name): unknown member '\(entry.key)'; the members are \(input.members.map(\.name).joined(separator: ", "))",
                        at: source.range(of: entry.keySpan), suggestion: suggestions.first.map { "did you mean \($0)?" }))
                    continue
                }
                if present[i] { continue }
                present[i] = true
                let member = input.members[i]
                values[i] = decoder.decode(entry.value, shape: member.shape, path: ValuePath(option: member.cliName))
            }
            diagnostics += decoder.diagnostics
        }
    }
}

extension Word {
    /// The word as written, references spelled out: `$incident.arn/x`.
    var spelled: String {
        guard !interpolations.isEmpty else { return text }
        var utf8 = Array(text.utf8)
        for interpolation in interpolations.sorted(by: { $0.offset > $1.offset }) {
            let at = Swift.min(Swift.max(0, interpolation.offset), utf8.count)
            utf8.insert(contentsOf: Array(interpolation.reference.spelling.utf8), at: at)
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
