import ArgumentParser
import Channel
import Foundation

/// `incident-chat policy`: the channel's permissions.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Explain the channel's permissions.",
        subcommands: [PolicySimulateCommand.self]
    )
}

/// `incident-chat policy simulate`: decides one action as the policy gate
/// would and says why. Exit 0 when allowed, 254 when denied (the service's
/// AccessDeniedException), 253 for a bad channel file, 252 for a bad action.
struct PolicySimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Decide whether the channel allows an action, and explain the decision.",
        discussion: """
        Exits 0 when the action is allowed, 254 when it is denied, 253 when the \
        channel file is invalid and 252 when the action is malformed.
        """
    )

    @Option(help: "The channel file (YAML or JSON); without one, the default local Slack channel.")
    var channel: String?

    @Option(help: "The chat user who runs the command (their own role, membership, aws:username).")
    var user: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("A condition key and its value; repeat a key for several values.", valueName: "key=value"))
    var context: [String] = []

    @Argument(help: "The IAM action, such as ssm-incidents:UpdateIncidentRecord.")
    var action: String

    @Argument(help: "The resource ARN (default: *).")
    var resource: String = "*"

    func run() throws {
        let configuration: ChannelConfiguration
        if let channel {
            do {
                configuration = try ChannelConfiguration.load(path: channel)
            } catch {
                printError(error.rendered(colors: colorsAllowed(fileDescriptor: 2)))
                throw ArgumentParser.ExitCode(error.exitCode)
            }
        } else {
            configuration = .default
        }
        if let problem = ChannelPolicyText.actionProblem(action) {
            printError("error: \(problem)\n")
            throw ArgumentParser.ExitCode(ExitCode.commandInvalid)
        }

        let authorizer = ChannelAuthorizer(configuration)
        var requestContext = authorizer.context(user: user, now: Date())
        var multi: [String: [String]] = [:]
        var order: [String] = []
        for pair in context {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                printError("error: --context \(pair): expected key=value\n")
                throw ArgumentParser.ExitCode(ExitCode.commandInvalid)
            }
            let key = String(pair[..<eq])
            if multi[key] == nil { order.append(key) }
            multi[key, default: []].append(String(pair[pair.index(after: eq)...]))
        }
        for key in order {
            let values = multi[key]!
            if values.count == 1 && key.lowercased() != "aws:tagkeys" { requestContext[key] = values[0] } else { requestContext.set(key, values: values) }
        }

        let decision = authorizer.authorize(action: action, resource: resource, user: user, context: requestContext)
        print(decision.explanation)
        print("channel: \(configuration.displayName)\(configuration.source == nil ? " (the default channel)" : "")")
        if let message = decision.message {
            print("\(decision.errorCode ?? "error"): \(message)")
            throw ArgumentParser.ExitCode(ExitCode.serviceError)
        }
    }
}
