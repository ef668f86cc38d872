#!/usr/bin/env python3
"""Prints documents with the installed AWS CLI's own output formatters.

Reads JSON lines {"document": ..., "title": ..., "format": "json"|"text"|"table"|"yaml",
"color": "off"|"on", "width": N} from the file named by the first argument and prints
one JSON line per case: {"output": TEXT} or {"error": EXCEPTION}. The document goes
through the CLI's formatter as a response; one that is not an object goes as the result
of a `--query` over a response holding it, as the CLI handles query results. With
"color": "on" the stream is wrapped the way colorama wraps standard output under
`--color on` (a reset after every write). "width" stands for the terminal width.
"yaml" is not the AWS CLI v1's (it has none): it is PyYAML's emitter, from which
ruamel.yaml's derives, set up as AWS CLI v2 sets up ruamel.yaml's safe dumper (block
style, sorted keys, unicode kept, YAML 1.2 core schema for quoting).
Exits 3 when awscli is missing. Used by Tests/RendererTests/DifferentialTests.swift.
"""
import argparse
import io
import json
import re
import sys

try:
    import colorama
    import jmespath
    import yaml
    from awscli import formatter, table
except ImportError:
    print("the awscli package is not installed", file=sys.stderr)
    sys.exit(3)

class V2Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper resolving plain scalars by the YAML 1.2 core schema."""


V2Dumper.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?: ~ |null|Null|NULL | )$", ["~", "n", "N", ""]),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
    ("yaml", r"^(?:!|&|\*)$", "!&*"),
]:
    V2Dumper.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern, re.X), list(first))
V2Dumper.add_representer(
    float, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", repr(value).lower()))


def dump_yaml(document):
    if document == {}:
        return ""
    return yaml.dump(document, Dumper=V2Dumper, default_flow_style=False, sort_keys=True, allow_unicode=True)


# colorama.init (run by the colour styler) replaces sys.stdout; keep the real one.
out = sys.stdout
QUERY = jmespath.compile("result")


def render(case):
    document = case["document"]
    if case["format"] == "yaml":
        return dump_yaml(document)
    width = case.get("width", 80)
    table.determine_terminal_width = lambda default_width=80: width
    color = case.get("color", "off")
    query = None
    if not isinstance(document, dict):
        document, query = {"result": document}, QUERY
    args = argparse.Namespace(query=query, color=color)
    buffer = io.StringIO()
    stream = buffer
    if color == "on":
        stream = colorama.AnsiToWin32(buffer, convert=False, strip=False, autoreset=True).stream
    formatter.get_formatter(case["format"], args)(case["title"], document, stream)
    return buffer.getvalue()


with open(sys.argv[1], encoding="utf-8") as cases:
    for line in cases:
        try:
            answer = {"output": render(json.loads(line))}
        except Exception as error:  # the CLI would fail here too
            answer = {"error": type(error).__name__ + ": " + str(error)}
        out.write(json.dumps(answer) + "\n")
out.flush()
