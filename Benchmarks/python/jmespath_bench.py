#!/usr/bin/env python3
"""Times the Python jmespath package on the bench cases of benchmarks.json.

`parse` cases compile, `interpret` cases evaluate a compiled expression, `full` cases
do both; the parser's cache is bypassed, as the Swift side compiles every time.
Prints {"version": ..., "cases": [{"comment": ..., "seconds_per_op": ...}]}.
Run by Benchmarks/incident-chat-bench (JMESPathBenchmark.swift).
"""
import json
import sys
import time

import jmespath
from jmespath.parser import Parser

BUDGET = 0.2  # seconds per case


def seconds_per_op(body):
    for _ in range(10):
        body()
    batch, total, operations = 1, 0.0, 0
    while total < BUDGET:
        start = time.perf_counter()
        for _ in range(batch):
            body()
        total += time.perf_counter() - start
        operations += batch
        batch = min(batch * 2, 1 << 20)
    return total / operations


def main():
    with open(sys.argv[1], encoding="utf-8") as fixture:
        suites = json.load(fixture)
    results = []
    for suite in suites:
        given = suite["given"]
        for case in suite["cases"]:
            kind = case.get("bench")
            if kind is None:
                continue
            expression = case["expression"]
            if kind == "parse":
                body = lambda: Parser()._do_parse(expression)
            elif kind == "interpret":
                compiled = Parser()._do_parse(expression)
                body = lambda: compiled.search(given)
            else:
                body = lambda: Parser()._do_parse(expression).search(given)
            results.append({"comment": case.get("comment", expression),
                            "seconds_per_op": seconds_per_op(body)})
    print(json.dumps({"version": jmespath.__version__, "cases": results}))


if __name__ == "__main__":
    main()
