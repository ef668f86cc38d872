#!/usr/bin/env python3
"""Evaluates JMESPath cases with the Python reference implementation.

Reads JSON lines {"expression": ..., "given": ...} from the file named by the first
argument and prints one JSON line per case: {"result": ...} or {"error": KIND,
"class": EXCEPTION}. KIND uses the compliance suite's names. Exits 3 when the
jmespath package is missing. Used by Tests/JMESPathTests/DifferentialTests.swift.
"""
import json
import sys

try:
    import jmespath
    from jmespath import exceptions
except ImportError:
    print("the jmespath package is not installed", file=sys.stderr)
    sys.exit(3)

KINDS = {
    "ParseError": "syntax",
    "LexerError": "syntax",
    "IncompleteExpressionError": "syntax",
    "EmptyExpressionError": "syntax",
    "ArityError": "invalid-arity",
    "VariadictArityError": "invalid-arity",
    "JMESPathTypeError": "invalid-type",
    "UnknownFunctionError": "unknown-function",
    # Not JMESPath errors, but what the suite calls them: a zero slice step.
    "ValueError": "invalid-value",
}


def evaluate(case):
    try:
        result = jmespath.compile(case["expression"]).search(case["given"])
        return json.dumps({"result": result})
    except Exception as error:  # every failure is reported, never fatal
        name = type(error).__name__
        return json.dumps({"error": KINDS.get(name, "python-" + name), "class": name})


def main():
    with open(sys.argv[1], encoding="utf-8") as cases:
        for line in cases:
            try:
                print(evaluate(json.loads(line)))
            except (TypeError, ValueError, RecursionError) as error:
                print(json.dumps({"error": "python-unserializable", "class": type(error).__name__}))


if __name__ == "__main__":
    main()
