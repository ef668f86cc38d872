"""Anchor for the JSON reading figure: Python's json.loads (what botocore reads responses with)."""
import json
import sys
import time

data = open(sys.argv[1], "rb").read()
rounds = 0
start = time.perf_counter()
while time.perf_counter() - start < 1.0:
    json.loads(data)
    rounds += 1
elapsed = time.perf_counter() - start
print(json.dumps({"bytes_per_second": len(data) * rounds / elapsed}))
