"""Anchor for the checker figure: botocore validating and serializing the seed
requests, as the AWS CLI does once it has built the parameters.

usage: botocore_validate_bench.py REQUESTS.json   ([{"service","operation","input"}])
prints {"requests_per_second": N, "version": "..."}
"""
import json
import sys
import time

import botocore
import botocore.serialize
import botocore.session

requests = json.load(open(sys.argv[1]))
session = botocore.session.get_session()
work = []
for r in requests:
    model = session.get_service_model(r["service"])
    operation = model.operation_model(r["operation"])
    serializer = botocore.serialize.create_serializer(model.metadata["protocol"], include_validation=True)
    work.append((serializer, operation, r["input"]))

for serializer, operation, params in work:  # warm up
    serializer.serialize_to_request(params, operation)
count = 0
start = time.perf_counter()
while time.perf_counter() - start < 1.0:
    for serializer, operation, params in work:
        serializer.serialize_to_request(params, operation)
    count += len(work)
elapsed = time.perf_counter() - start
print(json.dumps({"requests_per_second": count / elapsed, "version": botocore.__version__}))
