#!/usr/bin/env python3
"""Signs a fixed set of requests with botocore's SigV4Auth and prints them as
JSON, so that the Swift tests can check that our signer agrees byte for byte.
Exits with 3 when botocore is not installed (the tests then skip)."""
import datetime
import json
import sys

try:
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    sys.exit(3)

WHEN = datetime.datetime(2026, 11, 24, 10, 0, 0, tzinfo=datetime.timezone.utc)
botocore.auth.get_current_datetime = lambda: WHEN

ARN = "arn%3Aaws%3Assm-incidents%3A%3A111122223333%3Aresponse-plan%2Fdb"
CASES = [
    ("get-with-query", "GET", "http://127.0.0.1:4590/getIncidentRecord?arn=arn%3Aaws%3Assm-incidents%3A%3A111122223333%3Aincident-record%2Fdb%2Fabc", {}, b"", None),
    ("post-json-body", "POST", "http://127.0.0.1:4590/createTimelineEvent",
     {"Content-Type": "application/json"}, b'{"eventData":"\\"note\\"","eventTime":1795000000,"eventType":"Custom Event"}', None),
    ("json-1.1-target", "POST", "https://ssm-contacts.us-east-1.amazonaws.com/",
     {"X-Amz-Target": "SSMContacts.ListContacts", "Content-Type": "application/x-amz-json-1.1"}, b"{}", None),
    ("encoded-label", "GET", f"http://localhost:4590/tags/{ARN}", {}, b"", None),
    ("repeated-query", "DELETE", f"http://localhost:4590/tags/{ARN}?tagKeys=b%20c&tagKeys=a", {}, b"", None),
    ("session-token", "POST", "http://127.0.0.1:4590/listResponsePlans",
     {"Content-Type": "application/json"}, b"{}", "FwoGZXIvYXdzEBYaDtoken+/=="),
    ("whitespace-and-unsigned", "POST", "http://127.0.0.1:4590/listIncidentRecords",
     {"Content-Type": "application/json", "X-Custom": "  a   b \t c  ", "User-Agent": "test/1.0"}, b'{"maxResults":5}', None),
    ("utf8", "POST", "http://127.0.0.1:4590/updateIncidentRecord/%C3%A9t%C3%A9",
     {"Content-Type": "application/json; charset=utf-8"}, '{"title":"Réseau en panne ☂"}'.encode(), None),
    ("unsorted-query", "GET", "http://127.0.0.1:4590/getTimelineEvent?incidentRecordArn=x~y&eventId=a%2Ab&Zeta=1", {}, b"", None),
    ("dot-segments", "GET", "http://127.0.0.1:4590/a/./b/../c//d/", {}, b"", None),
    ("default-port", "POST", "https://ssm-incidents.eu-west-1.amazonaws.com:443/startIncident",
     {"Content-Type": "application/json"}, b'{"responsePlanArn":"arn"}', None),
]

out = []
for name, method, url, headers, body, token in CASES:
    region = "eu-west-1" if "eu-west-1" in url else "us-east-1"
    service = "ssm-contacts" if "X-Amz-Target" in headers else "ssm-incidents"
    creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token)
    request = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    signer = botocore.auth.SigV4Auth(creds, service, region)
    seen = []
    original = signer.canonical_request
    signer.canonical_request = lambda r: seen.append(original(r)) or seen[-1]
    signer.add_auth(request)
    canonical = seen[0]
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    out.append({
        "name": name, "method": method, "path": parts.path, "query": parts.query,
        "host": botocore.auth._host_from_url(url),
        "headers": [[k, v] for k, v in headers.items()],
        "body": list(body), "region": region, "service": service, "token": token,
        "authorization": request.headers["Authorization"], "amzDate": request.headers["X-Amz-Date"],
        "canonicalRequest": canonical,
    })
print(json.dumps(out, indent=1))
