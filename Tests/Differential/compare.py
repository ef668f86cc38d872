#!/usr/bin/env python3
"""The differential test: the same commands through `incident-chat check --json`
and through the installed AWS CLI (awscli_params.py); both must accept with the
same parameters, or both reject. Known AWS CLI bugs are listed, with the reason,
in exceptions.json beside this file.

usage: compare.py INCIDENT-CHAT-BINARY [WORK-DIR]
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def enum_blind(skeleton):
    """Skeleton strings hold a random enum value in the CLI: compare shapes only."""
    if isinstance(skeleton, dict):
        return {k: enum_blind(v) for k, v in skeleton.items()}
    if isinstance(skeleton, list):
        return [enum_blind(v) for v in skeleton]
    if isinstance(skeleton, str) and not skeleton.startswith("1970-"):
        return ""
    return skeleton


def main():
    binary = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="differential-")
    commands = os.path.join(work, "commands.chat")
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), commands, os.path.join(work, "files")], check=True)
    with open(os.path.join(HERE, "seed-commands.chat")) as f:
        seed = [l for l in f if l.strip() and not l.startswith("#")]
    with open(os.path.join(HERE, "extra-commands.chat")) as f:
        extra = [l for l in f if l.strip() and not l.startswith("#")]
    with open(commands, "a") as f:
        f.writelines(seed + extra)
    with open(commands) as f:
        lines = [l.rstrip("\n") for l in f]

    ours = {}
    run = subprocess.run([binary, "check", "--json", commands], capture_output=True, text=True)
    for row in run.stdout.splitlines():
        entry = json.loads(row)
        ours[entry["line"]] = entry
    cli = {}
    run = subprocess.run([sys.executable, os.path.join(HERE, "awscli_params.py"), commands],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("awscli_params.py failed:\n" + run.stderr)
    for row in run.stdout.splitlines():
        entry = json.loads(row)
        cli[entry["line"]] = entry

    with open(os.path.join(HERE, "exceptions.json")) as f:
        exceptions = json.load(f)["exceptions"]

    agree, excepted, failures = 0, 0, []
    for number, line in enumerate(lines, 1):
        if number not in cli:
            continue
        a, b = ours.get(number), cli[number]
        if a is None:
            failures.append((number, line, "no output from incident-chat", b))
            continue
        same = a["ok"] == b["ok"]
        if same and a["ok"]:
            if "skeleton" in b or "skeleton" in a:
                same = enum_blind(a.get("skeleton")) == enum_blind(b.get("skeleton"))
            else:
                same = (a.get("service"), a.get("operation"), a.get("input")) == (b.get("service"), b.get("operation"), b.get("input"))
        if same:
            agree += 1
            continue
        if any(e["contains"] in line for e in exceptions):
            excepted += 1
            continue
        failures.append((number, line, a, b))

    for number, line, a, b in failures[:20]:
        print("DISAGREE line %d: %s\n  incident-chat: %s\n  aws cli:       %s" % (number, line, json.dumps(a), json.dumps(b)))
    total = len(cli)
    print("differential: %d commands compared (%d seed), %d agree, %d listed exceptions, %d disagree"
          % (total, len(seed), agree, excepted, len(failures)))
    print("%d passed, %d failed" % (agree + excepted, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
