#!/usr/bin/env python3
"""Generates chat commands from the service models for the differential test.

For every operation of ssm-incidents and ssm-contacts it writes commands that
set every member (rotating through the value encodings: JSON, shorthand with
nesting, quotes and `key=a,b` lists, several words for lists, --x/--no-x,
integers, timestamps in each accepted form, file:// values), one with only
the required members, a skeleton request, and commands that both sides must
reject (missing options, wrong JSON types, bad integers and timestamps).
Deterministic: the same models give the same commands.

usage: generate.py OUT-COMMANDS-FILE FILES-DIR
"""
import itertools
import json
import os
import shlex
import sys

import botocore.session
import regex

SERVICES = ["ssm-incidents", "ssm-contacts"]

# Example strings; a string shape takes the first that fits its pattern and length.
CANDIDATES = [
    "arn:aws:ssm-incidents::111122223333:incident-record/db-failover/6cc4f2a2-4e2b-8d5c-1f2a-0b7e3c9d4a61",
    "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice",
    "arn:aws:iam::111122223333:role/IncidentChatRole",
    "related-item/METRIC/0123456789ABCDEF0123456789ABCDEF",
    "5ab3f1b2-87f6-4c1e-9f4e-2d3c4b5a6f70",
    "team",
    "db-failover",
    "Database failover",
    "alice",
    "123456",
    "Équipe nuit",
    "runbook:v1",
]
# Strings with spaces, commas and quotes, where any string goes.
ODD_STRINGS = ["Replica promoted, writes restored", "say \"hi\"", "it's fine", "a=b", "{not json}"]

TIMESTAMPS = ["2026-11-24T10:00:00Z", "2026-11-24T10:00:00.123Z", "2026-11-24T10:00:00",
              "2026-11-24T12:30:00+02:00", "1795000000", "1795000000.25", "2026-11-24"]


class Generator:
    def __init__(self, files_dir):
        self.session = botocore.session.get_session()
        self.files_dir = files_dir
        self.counter = itertools.count()
        self.file_counter = itertools.count()

    def n(self):
        return next(self.counter)

    # Values -------------------------------------------------------------

    def string(self, shape, odd=False):
        if shape.enum:
            return shape.enum[self.n() % len(shape.enum)]
        lo = shape.metadata.get("min", 0)
        hi = shape.metadata.get("max", 10**6)
        pattern = shape.metadata.get("pattern")
        pool = (ODD_STRINGS + CANDIDATES) if odd else CANDIDATES
        for c in pool[self.n() % len(pool):] + pool:
            if lo <= len(c) <= hi and (pattern is None or regex.search(pattern, c)):
                return c
        for c in pool:
            padded = (c * 10)[:max(lo, min(hi, len(c)))]
            if lo <= len(padded) <= hi and (pattern is None or regex.search(pattern, padded)):
                return padded
        raise SystemExit("no example string for %s %r" % (shape.name, pattern))

    def value(self, shape, depth=0, odd=False):
        t = shape.type_name
        if t == "string":
            return self.string(shape, odd)
        if t in ("integer", "long"):
            lo = shape.metadata.get("min", 0)
            hi = shape.metadata.get("max", lo + 100)
            return lo + (self.n() % (hi - lo + 1))
        if t == "boolean":
            return self.n() % 2 == 0
        if t == "timestamp":
            return TIMESTAMPS[self.n() % len(TIMESTAMPS)]
        if t == "blob":
            return "blob-data"
        if t == "list":
            lo = shape.metadata.get("min", 1)
            count = max(1, min(lo, 2) if depth else 2)
            count = min(count, shape.metadata.get("max", count))
            return [self.value(shape.member, depth + 1) for _ in range(max(count, lo))]
        if t == "map":
            keys = []
            while len(keys) < max(1, shape.metadata.get("min", 1)):
                k = self.string(shape.key)
                keys.append(k if k not in keys else k + str(len(keys)))
            return {k: self.value(shape.value, depth + 1) for k in keys}
        if t == "structure":
            if shape.is_tagged_union:
                names = list(shape.members)
                chosen = [names[self.n() % len(names)]]
            else:
                chosen = [m for m in shape.members if m in shape.required_members or depth < 3]
            return {m: self.value(shape.members[m], depth + 1) for m in chosen}
        raise SystemExit("unexpected type " + t)

    # Encodings ----------------------------------------------------------

    def shorthand_ok(self, value, shape):
        """Whether a value can be written in shorthand without losing anything."""
        t = shape.type_name
        if t == "structure":
            return isinstance(value, dict) and all(self.shorthand_ok(v, shape.members[k]) for k, v in value.items())
        if t == "map":
            return all(self.shorthand_ok(v, shape.value) for v in value.values())
        if t == "list":
            return all(self.shorthand_ok(v, shape.member) for v in value)
        if t == "string":
            return value != "" and "\\" not in value
        return True

    def sh_scalar(self, v, shape):
        if shape.type_name == "boolean":
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        s = str(v)
        if any(c in s for c in ",=[]{}\"' ") or s != s.strip():
            q = "'" if "'" not in s else '"'
            return q + s.replace("\\", "\\\\").replace(q, "\\" + q) + q
        return s

    def shorthand(self, value, shape, top=True):
        t = shape.type_name
        if t in ("structure", "map"):
            members = shape.members if t == "structure" else None
            parts = []
            for k, v in value.items():
                s = members[k] if members else shape.value
                parts.append("%s=%s" % (k, self.shorthand(v, s, top=False)))
            inner = ",".join(parts)
            return inner if top else "{" + inner + "}"
        if t == "list":
            items = [self.shorthand(v, shape.member, top=False) for v in value]
            # A bare `key=a,b` list when the items are plain scalars, [a,b] otherwise.
            if not top and shape.member.type_name not in ("structure", "map", "list") and len(items) > 1 and self.n() % 2:
                return ",".join(items)
            return "[" + ",".join(items) + "]"
        return self.sh_scalar(value, shape)

    def write_file(self, text):
        path = os.path.join(self.files_dir, "value-%d.txt" % next(self.file_counter))
        with open(path, "w") as f:
            f.write(text)
        return "file://" + path

    def encode(self, name, member, value, style):
        """The words of one option, in the given style."""
        t = member.type_name
        opt = "--" + name
        if t == "boolean":
            return [opt if value else "--no-" + name]
        if t in ("structure", "map"):
            if style == "shorthand" and self.shorthand_ok(value, member):
                return [opt, self.shorthand(value, member)]
            if style == "file":
                return [opt, self.write_file(json.dumps(value))]
            return [opt, json.dumps(value)]
        if t == "list":
            scalar = member.member.type_name not in ("structure", "map", "list")
            if style == "json" or (not scalar and not self.shorthand_ok(value, member)):
                return [opt, json.dumps(value)]
            if style == "file":
                return [opt, self.write_file(json.dumps(value))]
            if scalar:
                return [opt] + [str(v) for v in value]
            return [opt] + [self.shorthand(v, member.member) for v in value]
        if style == "file" and t == "string":
            return [opt, self.write_file(str(value))]
        return [opt, str(value)]

    # Commands -----------------------------------------------------------

    def command(self, service, op, pairs):
        words = ["@aws", service, op] + [w for pair in pairs for w in pair]
        return " ".join(shlex.quote(w) if w not in ("@aws",) else w for w in words)

    def operations(self):
        for service in SERVICES:
            model = self.session.get_service_model(service)
            for name in model.operation_names:
                yield service, model, model.operation_model(name)

    def generate(self):
        from botocore import xform_name
        styles = ["json", "shorthand", "words", "file"]
        lines = []
        for service, model, op in self.operations():
            cli = xform_name(op.name, "-")
            shape = op.input_shape
            members = shape.members if shape else {}
            try:
                paginator = self.session.get_paginator_model(service).get_paginator(op.name)
            except Exception:
                paginator = None
            hidden = set()
            if paginator:
                it = paginator["input_token"]
                hidden |= set(it if isinstance(it, list) else [it])
                if paginator.get("limit_key"):
                    hidden.add(paginator["limit_key"])
            for variant in range(3):
                pairs = []
                for mname, mshape in members.items():
                    required = mname in shape.required_members
                    if variant == 2 and not required:
                        continue
                    if mname in hidden and variant != 1:
                        continue
                    if mshape.metadata.get("idempotencyToken") and variant == 2:
                        continue
                    value = self.value(mshape, odd=(variant == 1 and mshape.type_name == "string"))
                    style = styles[(self.n() + variant) % len(styles)]
                    pairs.append(self.encode(xform_name(mname, "-"), mshape, value, style))
                if variant == 0 and paginator:
                    pairs.append(["--max-items", "5"])
                lines.append(self.command(service, cli, pairs))
            lines.append(self.command(service, cli, [["--generate-cli-skeleton"]]))
            # Both sides reject these.
            required = [m for m in members if m in shape.required_members] if shape else []
            if required:
                lines.append(self.command(service, cli, []))
            for mname, mshape in members.items():
                t = mshape.type_name
                opt = "--" + xform_name(mname, "-")
                if t in ("integer", "long"):
                    lines.append(self.command(service, cli, [[opt, "twelve"]]))
                elif t == "timestamp":
                    lines.append(self.command(service, cli, [[opt, "not-a-time"]]))
                elif t == "structure" and not mshape.is_tagged_union:
                    lines.append(self.command(service, cli, [[opt, '{"noSuchMember": 1}']]))
                elif t == "list" and mshape.member.type_name == "structure":
                    lines.append(self.command(service, cli, [[opt, '[{"noSuchMember": 1}]']]))
                elif t == "map":
                    lines.append(self.command(service, cli, [[opt, '{"k": [1]}']]))
        return lines


def main():
    out, files_dir = sys.argv[1], sys.argv[2]
    os.makedirs(files_dir, exist_ok=True)
    lines = Generator(files_dir).generate()
    with open(out, "w") as f:
        for line in lines:
            f.write(line + "\n")
    print("%d commands" % len(lines), file=sys.stderr)


if __name__ == "__main__":
    main()
