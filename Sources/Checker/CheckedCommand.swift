import JSON
import Catalog
import OrderedCollections
import Syntax

/// A command the checker accepted: the typed request, the global options,
/// and the model of its service and operation.
public struct CheckedCommand: Sendable {
    public var request: Request
    public var globals: GlobalOptions
    public let service: ServiceModel
    public let operation: Operation
    /// Members whose words hold references known only when the command runs
    /// (see `Resolution.deferred`): member name → the words as written.
    public var deferred: OrderedDictionary<String, String>

    public init(request: Request, globals: GlobalOptions, service: ServiceModel, operation: Operation,
                deferred: OrderedDictionary<String, String> = [:]) {
        self.request = request
        self.globals = globals
        self.service = service
        self.operation = operation
        self.deferred = deferred
    }

    /// What `--generate-cli-skeleton` asks to print instead of sending the
    /// request: the input sample (`input`) or the output sample (`output`,
    /// after the request was checked); nil without the option.
    public var skeleton: JSON? {
        switch globals.generateCLISkeleton {
        case .input?: Skeleton.input(of: operation, in: service)
        case .output?: Skeleton.output(of: operation, in: service)
        case nil: nil
        }
    }
}

/// The outcome of checking one command: a checked command, or diagnostics
/// (warnings may come with a checked command).
public struct CheckResult: Sendable {
    public var command: CheckedCommand?
    public var diagnostics: [Diagnostic]

    public init(command: CheckedCommand?, diagnostics: [Diagnostic]) {
        self.command = command
        self.diagnostics = diagnostics
    }
}
