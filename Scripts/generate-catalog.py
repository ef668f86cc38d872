#!/usr/bin/env python3
"""Write the generated part of the Catalog module from botocore's service models.

    python3 Scripts/generate-catalog.py [--output DIR]

Reads the ssm-incidents and ssm-contacts models of the pinned botocore release
(service-2.json.gz, paginators-1.json, waiters-2.json) and the hand-written
one-line summaries in Scripts/catalog-summaries.json, and writes one Swift file
per service, Operations.swift (the typed operation identifiers) and
CatalogVersion.swift into Sources/Catalog/Generated/ (or DIR).

Facts of the API carry over (names, types, constraints, bindings, paginators,
waiters, errors); the models' documentation prose does not. Every key of the
models is either carried over or explicitly ignored: an unknown key stops the
generator, so a new botocore cannot drop a fact silently.
"""

import argparse
import gzip
import json
import os
import sys

PINNED_BOTOCORE = "1.43.11"
SERVICES = [
    # (CLI service name, API version, ServiceName case, Swift function suffix)
    ("ssm-incidents", "2018-05-10", "incidents", "SSMIncidents"),
    ("ssm-contacts", "2021-05-03", "contacts", "SSMContacts"),
]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARIES = os.path.join(ROOT, "Scripts", "catalog-summaries.json")
DEFAULT_OUTPUT = os.path.join(ROOT, "Sources", "Catalog", "Generated")
COMMAND = "python3 Scripts/generate-catalog.py (make catalog)"
SHAPES_PER_FUNCTION = 40

SHAPE_KINDS = {
    "structure", "list", "map", "string", "integer", "long", "float",
    "double", "boolean", "timestamp", "blob",
}
# Keys we read, per level. Anything else in a model is an error.
SHAPE_KEYS = {
    "type", "members", "required", "member", "key", "value", "enum", "min",
    "max", "pattern", "sensitive", "timestampFormat", "jsonvalue", "union",
    "box", "error", "exception", "fault", "documentation", "payload",
    "deprecated", "deprecatedMessage",
}
MEMBER_KEYS = {
    "shape", "location", "locationName", "idempotencyToken", "timestampFormat",
    "jsonvalue", "box", "documentation", "deprecated", "deprecatedMessage",
}
OPERATION_KEYS = {
    "name", "http", "input", "output", "errors", "documentation", "idempotent",
    "deprecated", "deprecatedMessage",
}
HTTP_KEYS = {"method", "requestUri", "responseCode"}
METADATA_KEYS = {
    "apiVersion", "endpointPrefix", "jsonVersion", "protocol", "protocols",
    "serviceAbbreviation", "serviceFullName", "serviceId", "signatureVersion",
    "signingName", "targetPrefix", "uid", "auth",
}
LOCATIONS = {
    None: ".body", "uri": ".uri", "querystring": ".querystring",
    "header": ".header", "headers": ".headers", "statusCode": ".statusCode",
}
TIMESTAMP_FORMATS = {
    "iso8601": ".iso8601", "unixTimestamp": ".unixTimestamp", "rfc822": ".rfc822",
}
PROTOCOLS = {"rest-json": ".restJSON", "json": ".json"}
PAGINATOR_KEYS = {"input_token", "output_token", "limit_key", "result_key", "more_results"}
WAITER_KEYS = {"description", "delay", "maxAttempts", "operation", "acceptors"}
ACCEPTOR_KEYS = {"matcher", "argument", "state", "expected"}


class GeneratorError(Exception):
    pass


def fail(message):
    raise GeneratorError(message)


def check_keys(where, mapping, allowed):
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        fail(f"{where}: keys this generator does not know: {', '.join(unknown)}")


# --- Swift literals -------------------------------------------------------

def swift_string(text):
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def swift_raw_string(text):
    """A raw literal keeps a pattern byte for byte, backslashes included."""
    if "\n" in text or "\r" in text:
        return swift_string(text)
    hashes = "#"
    while ('"' + hashes) in text:
        hashes += "#"
    return hashes + '"' + text + '"' + hashes


def swift_strings(items):
    return "[" + ", ".join(swift_string(i) for i in items) + "]"


def swift_int(value, where):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        fail(f"{where}: expected a whole number, found {value!r}")
    return str(int(value))


def swift_value(value, where):
    """A waiter's expected value as a `Value`."""
    if isinstance(value, bool):
        return ".boolean(%s)" % ("true" if value else "false")
    if isinstance(value, int):
        return ".integer(%d)" % value
    if isinstance(value, float):
        return ".double(%r)" % value
    if isinstance(value, str):
        return ".string(%s)" % swift_string(value)
    fail(f"{where}: unsupported expected value {value!r}")


# --- model reading -------------------------------------------------------

def load_models(service, version):
    import botocore
    base = os.path.join(os.path.dirname(botocore.__file__), "data", service, version)
    with gzip.open(os.path.join(base, "service-2.json.gz"), "rt", encoding="utf-8") as f:
        model = json.load(f)
    paginators = {}
    path = os.path.join(base, "paginators-1.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            paginators = json.load(f).get("pagination", {})
    waiters = {}
    path = os.path.join(base, "waiters-2.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            waiters = json.load(f).get("waiters", {})
    return model, paginators, waiters


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class ServiceWriter:
    def __init__(self, cli_name, version, case, suffix, summaries, xform_name, botocore_version):
        self.cli_name = cli_name
        self.version = version
        self.case = case
        self.suffix = suffix
        self.xform = xform_name
        self.botocore_version = botocore_version
        self.model, self.paginators, self.waiters = load_models(cli_name, version)
        entry = summaries.get(cli_name)
        if not isinstance(entry, dict) or not isinstance(entry.get("service"), str):
            fail(f"{SUMMARIES}: no summary for service {cli_name}")
        self.service_summary = entry["service"]
        self.op_summaries = entry.get("operations", {})
        self.member_summaries = entry.get("members", {})
        self.shape_names = sorted(self.model["shapes"])
        self.shape_ids = {name: i for i, name in enumerate(self.shape_names)}

    def ref(self, name, where):
        if name not in self.shape_ids:
            fail(f"{self.cli_name}: {where} refers to unknown shape {name}")
        return str(self.shape_ids[name])

    # shapes

    def member_call(self, owner, name, member, required):
        where = f"{self.cli_name}: {owner}.{name}"
        check_keys(where, member, MEMBER_KEYS)
        args = [
            swift_string(name),
            "cli: " + swift_string(self.xform(name, "-")),
            "shape: " + self.ref(member["shape"], where),
        ]
        if required:
            args.append("required: true")
        if member.get("idempotencyToken"):
            args.append("idempotencyToken: true")
        location = member.get("location")
        if location not in LOCATIONS:
            fail(f"{where}: unknown location {location!r}")
        if location is not None:
            args.append("location: " + LOCATIONS[location])
        if "locationName" in member:
            args.append("locationName: " + swift_string(member["locationName"]))
        if "timestampFormat" in member:
            fmt = member["timestampFormat"]
            if fmt not in TIMESTAMP_FORMATS:
                fail(f"{where}: unknown timestamp format {fmt!r}")
            args.append("timestampFormat: " + TIMESTAMP_FORMATS[fmt])
        if member.get("jsonvalue"):
            args.append("jsonValue: true")
        if member.get("deprecated"):
            args.append("deprecated: true")
        summary = self.member_summaries.get(f"{owner}.{name}")
        if summary:
            args.append("summary: " + swift_string(summary))
        return "Member(" + ", ".join(args) + ")"

    def shape_statement(self, name):
        shape = self.model["shapes"][name]
        where = f"{self.cli_name}: shape {name}"
        check_keys(where, shape, SHAPE_KEYS)
        kind = shape["type"]
        if kind not in SHAPE_KINDS:
            fail(f"{where}: unknown type {kind!r}")
        if kind == "structure" and shape.get("union"):
            kind = "union"
        args = [swift_string(name), "." + kind]
        if shape["type"] == "structure":
            required = set(shape.get("required", []))
            missing = required - set(shape.get("members", {}))
            if missing:
                fail(f"{where}: required members that do not exist: {sorted(missing)}")
            members = [
                self.member_call(name, m, spec, m in required)
                for m, spec in shape.get("members", {}).items()
            ]
            if members:
                args.append("members: [\n            " + ",\n            ".join(members) + ",\n        ]")
            if "payload" in shape:
                args.append("payload: " + swift_string(shape["payload"]))
        if kind == "list":
            check_keys(where + " member", shape["member"], MEMBER_KEYS)
            args.append("element: " + self.ref(shape["member"]["shape"], where))
        if kind == "map":
            check_keys(where + " key", shape["key"], MEMBER_KEYS)
            check_keys(where + " value", shape["value"], MEMBER_KEYS)
            args.append("key: " + self.ref(shape["key"]["shape"], where))
            args.append("value: " + self.ref(shape["value"]["shape"], where))
        if "enum" in shape:
            args.append("enumValues: " + swift_strings(shape["enum"]))
        if "min" in shape:
            args.append("min: " + swift_int(shape["min"], where + " min"))
        if "max" in shape:
            args.append("max: " + swift_int(shape["max"], where + " max"))
        if "pattern" in shape:
            args.append("pattern: " + swift_raw_string(shape["pattern"]))
        if shape.get("sensitive"):
            args.append("sensitive: true")
        if "timestampFormat" in shape:
            fmt = shape["timestampFormat"]
            if fmt not in TIMESTAMP_FORMATS:
                fail(f"{where}: unknown timestamp format {fmt!r}")
            args.append("timestampFormat: " + TIMESTAMP_FORMATS[fmt])
        if shape.get("jsonvalue"):
            args.append("jsonValue: true")
        if shape.get("deprecated"):
            args.append("deprecated: true")
        if shape.get("exception"):
            args.append("exception: true")
        return "    shapes.append(Shape(" + ", ".join(args) + "))"

    # errors

    def error_shapes(self):
        """Every shape that some operation names as an error, in name order."""
        names = set()
        for op in self.model["operations"].values():
            for err in op.get("errors", []):
                names.add(err["shape"])
        errors = []
        for name in sorted(names):
            shape = self.model["shapes"].get(name)
            if shape is None:
                fail(f"{self.cli_name}: error {name} has no shape")
            info = shape.get("error", {})
            fault = bool(shape.get("fault"))
            explicit = "httpStatusCode" in info
            status = info.get("httpStatusCode", 500 if fault else 400)
            code = info.get("code", name)
            errors.append((name, code, status, explicit, fault))
        return errors

    # operations

    def operation_statement(self, name, error_index):
        op = self.model["operations"][name]
        where = f"{self.cli_name}: operation {name}"
        check_keys(where, op, OPERATION_KEYS)
        check_keys(where + " http", op["http"], HTTP_KEYS)
        summary = self.op_summaries.get(name)
        if not isinstance(summary, str) or not summary.strip():
            fail(f"{SUMMARIES}: no summary for {self.cli_name} {name}; write one in our own words")
        http = op["http"]
        http_args = [
            "method: " + swift_string(http["method"]),
            "requestURI: " + swift_string(http["requestUri"]),
        ]
        if "responseCode" in http:
            http_args.append("responseCode: " + swift_int(http["responseCode"], where))
        args = [
            f".{self.case}(.{case_name(name)})",
            "cli: " + swift_string(self.xform(name, "-")),
            "summary: " + swift_string(summary),
            "http: HTTPBinding(" + ", ".join(http_args) + ")",
        ]
        if "input" in op:
            args.append("input: " + self.ref(op["input"]["shape"], where))
        if "output" in op:
            args.append("output: " + self.ref(op["output"]["shape"], where))
        errs = [f"errors[{error_index[e['shape']]}]" for e in op.get("errors", [])]
        if errs:
            args.append("errors: [" + ", ".join(errs) + "]")
        if op.get("idempotent"):
            args.append("idempotent: true")
        if op.get("deprecated"):
            args.append("deprecated: true")
        pag = self.paginators.get(name)
        if pag is not None:
            check_keys(where + " paginator", pag, PAGINATOR_KEYS)
            pargs = [
                "inputToken: " + swift_strings(as_list(pag["input_token"])),
                "outputToken: " + swift_strings(as_list(pag["output_token"])),
            ]
            if "limit_key" in pag:
                pargs.append("limitKey: " + swift_string(pag["limit_key"]))
            pargs.append("resultKey: " + swift_strings(as_list(pag.get("result_key"))))
            if "more_results" in pag:
                pargs.append("moreResults: " + swift_string(pag["more_results"]))
            args.append("paginator: Paginator(" + ", ".join(pargs) + ")")
        args.append("shapes: shapes")
        return "    operations.append(Operation(" + ", ".join(args) + "))"

    def waiter_expr(self, name, waiter):
        where = f"{self.cli_name}: waiter {name}"
        check_keys(where, waiter, WAITER_KEYS)
        if waiter["operation"] not in self.model["operations"]:
            fail(f"{where}: unknown operation {waiter['operation']}")
        acceptors = []
        for acc in waiter["acceptors"]:
            check_keys(where + " acceptor", acc, ACCEPTOR_KEYS)
            if acc["matcher"] not in ("path", "pathAll", "pathAny", "status", "error"):
                fail(f"{where}: unknown matcher {acc['matcher']!r}")
            if acc["state"] not in ("success", "retry", "failure"):
                fail(f"{where}: unknown state {acc['state']!r}")
            aargs = ["matcher: ." + acc["matcher"], "state: ." + acc["state"]]
            if "argument" in acc:
                aargs.append("argument: " + swift_string(acc["argument"]))
            aargs.append("expected: " + swift_value(acc["expected"], where))
            acceptors.append("Waiter.Acceptor(" + ", ".join(aargs) + ")")
        return (
            "Waiter(name: %s, cli: %s, operation: %s, delay: %s, maxAttempts: %s, acceptors: [\n"
            "            %s,\n        ])"
        ) % (
            swift_string(name), swift_string(self.xform(name, "-")),
            f".{self.case}(.{case_name(waiter['operation'])})",
            swift_int(waiter["delay"], where), swift_int(waiter["maxAttempts"], where),
            ",\n            ".join(acceptors),
        )

    def metadata_expr(self):
        meta = self.model["metadata"]
        check_keys(f"{self.cli_name}: metadata", meta, METADATA_KEYS)
        if meta["protocol"] not in PROTOCOLS:
            fail(f"{self.cli_name}: protocol {meta['protocol']!r} is not supported")
        args = [
            "apiVersion: " + swift_string(meta["apiVersion"]),
            "endpointPrefix: " + swift_string(meta["endpointPrefix"]),
            "signingName: " + swift_string(meta.get("signingName", meta["endpointPrefix"])),
            "protocol: " + PROTOCOLS[meta["protocol"]],
            "serviceID: " + swift_string(meta["serviceId"]),
            "serviceFullName: " + swift_string(meta["serviceFullName"]),
            "signatureVersion: " + swift_string(meta["signatureVersion"]),
        ]
        if "jsonVersion" in meta:
            args.append("jsonVersion: " + swift_string(meta["jsonVersion"]))
        if "targetPrefix" in meta:
            args.append("targetPrefix: " + swift_string(meta["targetPrefix"]))
        if "uid" in meta:
            args.append("uid: " + swift_string(meta["uid"]))
        return "ServiceMetadata(\n                " + ",\n                ".join(args) + ")"

    def render(self):
        ops = list(self.model["operations"])
        known = set(ops)
        extra = sorted(set(self.op_summaries) - known)
        if extra:
            fail(f"{SUMMARIES}: summaries for operations {self.cli_name} does not have: {extra}")
        for op_name in self.paginators:
            if op_name not in known:
                fail(f"{self.cli_name}: paginator for unknown operation {op_name}")

        lines = [header(self.botocore_version, f"{self.cli_name} {self.version}"), ""]
        # Shapes, in chunks so that no function grows too large to compile quickly.
        chunks = [self.shape_names[i:i + SHAPES_PER_FUNCTION]
                  for i in range(0, len(self.shape_names), SHAPES_PER_FUNCTION)]
        lines.append(f"/// The {self.cli_name} API {self.version}: {len(ops)} operations, "
                     f"{len(self.shape_names)} shapes.")
        lines.append("extension ServiceModel {")
        lines.append("    // Run once per process: optimizing this code buys nothing and costs")
        lines.append("    // seconds of release-build time, so the optimizer leaves it alone.")
        lines.append("    @_optimize(none)")
        lines.append(f"    static func make{self.suffix}() -> ServiceModel {{")
        lines.append("        var shapes: [Shape] = []")
        lines.append(f"        shapes.reserveCapacity({len(self.shape_names)})")
        for i in range(len(chunks)):
            lines.append(f"        add{self.suffix}Shapes{i}(&shapes)")
        errors = self.error_shapes()
        error_index = {e[0]: i for i, e in enumerate(errors)}
        lines.append("        let errors: [ErrorShape] = [")
        for name, code, status, explicit, fault in errors:
            lines.append(
                f"            ErrorShape(name: {swift_string(name)}, code: {swift_string(code)}, "
                f"shape: {self.shape_ids[name]}, httpStatusCode: {status}, "
                f"statusIsModeled: {'true' if explicit else 'false'}, "
                f"fault: {'true' if fault else 'false'}),"
            )
        lines.append("        ]")
        lines.append("        var operations: [Operation] = []")
        lines.append(f"        operations.reserveCapacity({len(ops)})")
        lines.append(f"        add{self.suffix}Operations(&operations, errors, shapes)")
        if self.waiters:
            lines.append("        let waiters: [Waiter] = [")
            for wname in sorted(self.waiters):
                lines.append("            " + self.waiter_expr(wname, self.waiters[wname]).replace("\n", "\n    ") + ",")
            lines.append("        ]")
        else:
            lines.append("        let waiters: [Waiter] = []")
        lines.append("        return ServiceModel(")
        lines.append(f"            name: .{self.case},")
        lines.append(f"            summary: {swift_string(self.service_summary)},")
        lines.append("            metadata: " + self.metadata_expr() + ",")
        lines.append("            shapes: shapes, errors: errors, operations: operations, waiters: waiters)")
        lines.append("    }")
        lines.append("}")
        lines.append("")
        for i, chunk in enumerate(chunks):
            lines.append("@_optimize(none)")
            lines.append(f"private func add{self.suffix}Shapes{i}(_ shapes: inout [Shape]) {{")
            for name in chunk:
                lines.append(self.shape_statement(name))
            lines.append("}")
            lines.append("")
        lines.append("@_optimize(none)")
        lines.append(f"private func add{self.suffix}Operations(_ operations: inout [Operation], "
                     f"_ errors: [ErrorShape], _ shapes: [Shape]) {{")
        for name in ops:
            lines.append(self.operation_statement(name, error_index))
        lines.append("}")
        return "\n".join(lines) + "\n"


def case_name(api_name):
    """The Swift case of an operation: `CreateTimelineEvent` is `createTimelineEvent`."""
    return api_name[0].lower() + api_name[1:]


def operations_file(botocore_version, writers):
    """The typed identifiers of the operations: one enum a service, in model
    order, and `OperationName`, which names an operation of either service."""
    services = ", ".join(f"{s} {v}" for s, v, _, _ in SERVICES)
    lines = [header(botocore_version, services), ""]
    for w in writers:
        enum = w.case.capitalize() + "Operation"
        ops = list(w.model["operations"])
        lines.append(f"/// The {len(ops)} operations of {w.cli_name}, by API name, in model order.")
        lines.append(f"public enum {enum}: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {{")
        for name in ops:
            lines.append(f"    case {case_name(name)} = {swift_string(name)}")
        lines.append("")
        lines.append("    /// The API name, as a message or a log shows it.")
        lines.append("    public var description: String { rawValue }")
        lines.append("}")
        lines.append("")
    lines.append("/// One operation of either service: what a `Request` and an `Operation` carry.")
    lines.append("public enum OperationName: Sendable, Hashable, CustomStringConvertible {")
    for w in writers:
        lines.append(f"    case {w.case}({w.case.capitalize()}Operation)")
    lines.append("")
    lines.append("    /// The service the operation belongs to.")
    lines.append("    public var service: ServiceName {")
    lines.append("        switch self {")
    for w in writers:
        lines.append(f"        case .{w.case}: .{w.case}")
    lines.append("        }")
    lines.append("    }")
    lines.append("")
    lines.append("    /// The API name, `CreateTimelineEvent`.")
    lines.append("    public var name: String {")
    lines.append("        switch self {")
    for w in writers:
        lines.append(f"        case .{w.case}(let operation): operation.rawValue")
    lines.append("        }")
    lines.append("    }")
    lines.append("")
    lines.append("    /// The API name, as a message or a log shows it.")
    lines.append("    public var description: String { name }")
    lines.append("")
    lines.append("    /// The operation of `service` with this API name, if it has one.")
    lines.append("    public init?(service: ServiceName, name: String) {")
    lines.append("        switch service {")
    for w in writers:
        enum = w.case.capitalize() + "Operation"
        lines.append(f"        case .{w.case}:")
        lines.append(f"            guard let operation = {enum}(rawValue: name) else {{ return nil }}")
        lines.append(f"            self = .{w.case}(operation)")
    lines.append("        }")
    lines.append("    }")
    lines.append("")
    lines.append("    /// Every operation of every service, service by service in model order.")
    lines.append("    public static let allCases: [OperationName] =")
    lines.append("        " + " + ".join(f"{w.case.capitalize()}Operation.allCases.map(OperationName.{w.case})"
                                       for w in writers))
    lines.append("}")
    return "\n".join(lines) + "\n"


def header(botocore_version, source):
    return (
        f"// GENERATED FILE: do not edit by hand.\n"
        f"// Written by `{COMMAND}` from botocore {botocore_version} ({source}).\n"
        f"// Change the generator or Scripts/catalog-summaries.json and run it again."
    )


def version_file(botocore_version):
    services = ", ".join(f"{s} {v}" for s, v, _, _ in SERVICES)
    return (
        header(botocore_version, services) + "\n\n"
        "extension Catalog {\n"
        "    /// The botocore release whose service models this catalog was generated from.\n"
        f"    public static let botocoreVersion: String = {swift_string(botocore_version)}\n"
        "}\n"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="folder for the generated Swift files")
    parser.add_argument("--summaries", default=SUMMARIES, help="our one-line summaries (JSON)")
    args = parser.parse_args()
    try:
        import botocore
        from botocore import xform_name
    except ImportError:
        sys.exit(f"error: botocore is not installed; pip install botocore=={PINNED_BOTOCORE}")
    if botocore.__version__ != PINNED_BOTOCORE:
        sys.exit(
            f"error: botocore {botocore.__version__} is installed, but the catalog is pinned to "
            f"{PINNED_BOTOCORE}; pip install botocore=={PINNED_BOTOCORE}"
        )
    with open(args.summaries, encoding="utf-8") as f:
        summaries = json.load(f)
    try:
        files = {}
        writers = []
        for service, version, case, suffix in SERVICES:
            writer = ServiceWriter(service, version, case, suffix, summaries, xform_name,
                                   botocore.__version__)
            files[f"{suffix}.swift"] = writer.render()
            writers.append(writer)
        files["Operations.swift"] = operations_file(botocore.__version__, writers)
        files["CatalogVersion.swift"] = version_file(botocore.__version__)
    except GeneratorError as error:
        sys.exit(f"error: {error}")
    os.makedirs(args.output, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(args.output, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {len(files)} files to {os.path.relpath(args.output)}")


if __name__ == "__main__":
    main()
