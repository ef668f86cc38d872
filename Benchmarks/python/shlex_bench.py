"""Anchor for the lexing figure: Python's shlex.split over the seed commands."""
import json
import shlex
import sys
import time

commands = json.load(open(sys.argv[1]))
total = sum(len(c.encode()) for c in commands)
rounds = 0
start = time.perf_counter()
while time.perf_counter() - start < 1.0:
    for c in commands:
        shlex.split(c)
    rounds += 1
elapsed = time.perf_counter() - start
print(json.dumps({"bytes_per_second": total * rounds / elapsed}))
