import Foundation
import Testing
@testable import Catalog

/// Names against botocore's `xform_name` and the AWS CLI's own argument tables.
@Suite struct NamesTests {
    let catalog = Catalog.shared

    /// For each service: operation CLI name → its arguments as the AWS CLI
    /// builds them (`name`, serialized member, required, hidden, kind).
    static let awsCLIScript = #"""
import json
from awscli.clidriver import create_clidriver
skip = ('CliInputJSONArgument', 'GenerateCliSkeletonArgument')
out = {}
table = create_clidriver()._get_command_table()
for service in ('ssm-incidents', 'ssm-contacts'):
    ops = {}
    for name, command in table[service]._get_command_table().items():
        if name == 'wait':
            continue
        args = []
        for arg_name, arg in command.arg_table.items():
            kind = type(arg).__name__
            if kind in skip:
                continue
            args.append([arg_name, getattr(arg, '_serialized_name', None) or '', bool(arg.required),
                         bool(getattr(arg, '_UNDOCUMENTED', False)), kind])
        ops[name] = {'api': command._operation_model.name, 'args': args}
    out[service] = ops
print(json.dumps(out))
"""#

    static let xformScript = #"""
import gzip, json, os, sys, botocore
from botocore import xform_name
base = os.path.join(os.path.dirname(botocore.__file__), 'data')
out = {}
for service, version in (('ssm-incidents', '2018-05-10'), ('ssm-contacts', '2021-05-03')):
    model = json.load(gzip.open(os.path.join(base, service, version, 'service-2.json.gz')))
    names = set(model['operations'])
    for shape in model['shapes'].values():
        names.update(shape.get('members', {}))
    out[service] = {n: xform_name(n, '-') for n in names}
print(json.dumps(out))
"""#

    @Test func cliNamesMatchXformName() throws {
        guard Support.hasPinnedBotocore, let result = Support.python(Self.xformScript), result.status == 0 else {
            print("notice: botocore 1.43.11 is not importable; skipping the xform_name comparison")
            return
        }
        let expected = try JSONDecoder().decode([String: [String: String]].self, from: Data(result.output.utf8))
        for service in catalog.services {
            let names = try #require(expected[service.name.rawValue])
            for operation in service.operations {
                #expect(operation.cliName == names[operation.name], "\(operation.name)")
            }
            for shape in service.shapes {
                for member in shape.members {
                    #expect(member.cliName == names[member.name], "\(shape.name).\(member.name)")
                }
            }
        }
    }

    @Test func optionsMatchTheAWSCLI() throws {
        guard let result = Support.python(Self.awsCLIScript), result.status == 0, Support.hasPinnedBotocore else {
            print("notice: the AWS CLI (awscli with botocore 1.43.11) is not importable; skipping the argument-table comparison")
            return
        }
        struct Command: Decodable { let api: String; let args: [[Arg]] }
        enum Arg: Decodable {
            case text(String), flag(Bool)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let b = try? c.decode(Bool.self) { self = .flag(b) } else { self = .text(try c.decode(String.self)) }
            }
            var text: String { if case .text(let s) = self { s } else { "" } }
            var flag: Bool { if case .flag(let b) = self { b } else { false } }
        }
        let table = try JSONDecoder().decode([String: [String: Command]].self, from: Data(result.output.utf8))
        for service in catalog.services {
            let commands = try #require(table[service.name.rawValue])
            #expect(Set(commands.keys) == Set(service.operations.map(\.cliName)))
            for operation in service.operations {
                let command = try #require(commands[operation.cliName])
                #expect(command.api == operation.name)
                let memberArgs = command.args.filter { $0[4].text != "PageArgument" }
                let pagingArgs = command.args.filter { $0[4].text == "PageArgument" }.map { $0[0].text }
                #expect(operation.pagingOptions == pagingArgs, "\(operation.cliName)")
                #expect(operation.options.count == memberArgs.count, "\(operation.cliName)")
                for arg in memberArgs {
                    let option = try #require(operation.option(named: arg[0].text), "\(operation.cliName) --\(arg[0].text)")
                    #expect(option.memberName == arg[1].text)
                    #expect(option.isRequired == arg[2].flag, "\(operation.cliName) --\(option.name) required")
                    #expect(option.isHidden == arg[3].flag, "\(operation.cliName) --\(option.name) hidden")
                    let isBoolean = arg[4].text == "BooleanArgument"
                    #expect(isBoolean == (option.form != .value), "\(operation.cliName) --\(option.name) form")
                }
            }
        }
    }

    @Test func operationLookupByBothForms() throws {
        let incidents = catalog[.incidents]
        let byCLI = try #require(incidents.operation(named: "create-timeline-event"))
        let byAPI = try #require(incidents.operation(named: "CreateTimelineEvent"))
        #expect(byCLI.name == "CreateTimelineEvent")
        #expect(byAPI.cliName == "create-timeline-event")
        #expect(incidents.operation(cliName: "CreateTimelineEvent") == nil)
        #expect(incidents.operation(apiName: "create-timeline-event") == nil)
        #expect(incidents.operation(named: "create-timeline-events") == nil)
        #expect(catalog[.contacts].operation(named: "list-pages-by-contact")?.name == "ListPagesByContact")
        for service in catalog.services {
            for (i, operation) in service.operations.enumerated() {
                #expect(service.operationIndex(named: operation.name) == i)
                #expect(service.operationIndex(named: operation.cliName) == i)
            }
        }
    }

    @Test func optionLookup() throws {
        let incidents = catalog[.incidents]
        let create = try #require(incidents.operation(named: "CreateTimelineEvent"))
        let arn = try #require(create.option(named: "incident-record-arn"))
        #expect(arn.memberName == "incidentRecordArn")
        #expect(arn.isRequired)
        #expect(arn.form == .value)
        let input = try #require(incidents.input(of: create))
        #expect(input.members[arn.member].name == "incidentRecordArn")
        // An idempotency token is an ordinary option, never required on the command line.
        let token = try #require(create.option(named: "client-token"))
        #expect(!token.isRequired)
        #expect(input.members[token.member].isIdempotencyToken)
        #expect(create.requiredOptions.map(\.name).sorted()
                == ["event-data", "event-time", "event-type", "incident-record-arn"])

        let protection = try #require(incidents.operation(named: "update-deletion-protection"))
        #expect(protection.option(named: "deletion-protected")?.form == .flag(true))
        #expect(protection.option(named: "no-deletion-protected")?.form == .flag(false))
        #expect(protection.option(named: "no-deletion-protected")?.memberName == "deletionProtected")

        let list = try #require(incidents.operation(named: "list-timeline-events"))
        #expect(list.option(named: "next-token")?.isHidden == true)
        #expect(list.option(named: "max-results")?.isHidden == true)
        #expect(list.pagingOptions == ["starting-token", "page-size", "max-items"])
        #expect(list.option(named: "starting-token") == nil)
    }
}
