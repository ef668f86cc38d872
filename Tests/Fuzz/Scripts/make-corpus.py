#!/usr/bin/env python3
"""Writes the seed corpora under Tests/Fuzz/Corpus/<target>/ from the examples,
the golden inputs and a few hand-written values. Run from the repository root;
the output is committed, so run it again only to change the seeds."""
import glob, hashlib, hmac, os, re, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CORPUS = os.path.join(ROOT, "Tests", "Fuzz", "Corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


shutil.rmtree(CORPUS, ignore_errors=True)

# Runbooks: the examples and the end-to-end scripts.
runbooks = sorted(glob.glob(os.path.join(ROOT, "Examples", "*.chat"))) + [
    os.path.join(ROOT, "Tests", "EndToEnd", n) for n in ("seed.chat", "failing.chat", "unbound.chat")]
for path in runbooks:
    for target in ("fuzz-script", "fuzz-runbook"):
        write(target, os.path.basename(path), read(path))

# Messages: some golden inputs, and single commands cut from the examples.
golden = sorted(glob.glob(os.path.join(ROOT, "Tests", "SyntaxTests", "Golden", "*.message")))
for path in golden[::8]:
    write("fuzz-message", os.path.basename(path), read(path))
commands = []
for path in runbooks[:5]:
    text = read(path).decode()
    for statement in re.sub(r"\\\n\s*", "", text).splitlines():
        if statement.startswith("@aws"):
            commands.append(re.sub(r"\$[A-Za-z_.]+", "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4", statement))
for i, command in enumerate(commands[::2][:12]):
    write("fuzz-message", f"example-{i}.message", command)
    write("fuzz-checker", f"example-{i}.message", command)
for path in golden[1::12]:
    write("fuzz-checker", os.path.basename(path), read(path))

write("fuzz-shorthand", "map", "key=value,nested={k=v,l=[a,b]},list=[x,y]")
write("fuzz-shorthand", "list", "a,b,c")
write("fuzz-shorthand", "quotes", "title=\"a, b\",summary='it''s',x=a\\,b")
write("fuzz-shorthand", "template", 'title="Primary database unreachable",impact=2,summary="Writes are failing"')
write("fuzz-shorthand", "empty", "k=,l=[],m={}")
write("fuzz-shorthand", "regions", "us-east-1={sseKmsKeyId=alias/x},us-west-2={}")

json_values = {
    "object": '{"title": "x", "impact": 1, "tags": {"a": "b"}, "list": [1, 2.5, -3e10, true, false, null]}',
    "escapes": '"a\\u00e9\\ud83d\\ude00\\n\\"\\\\"',
    "numbers": "[0, -0, 1.0, 1e308, 123456789012345678901234567890, -1.5E-3]",
    "nested": "[[[[{\"a\": [{}]}]]]]",
    "python": "[NaN, Infinity, -Infinity]",
    "string": '"Failover started"',
}
for name, value in json_values.items():
    for target in ("fuzz-json-checker", "fuzz-json-wire", "fuzz-json-jmespath"):
        write(target, name, value)

for name, expression in {
    "projection": "incidentRecordSummaries[*].{t: title, s: status}",
    "filter": "incidentRecordSummaries[?impact < `2`].arn | [0]",
    "functions": "sort_by(incidentRecordSummaries, &creationTime)[].title | join(', ', @)",
    "slice": "incidentRecordSummaries[::-1].tags.*",
    "pipe": "length(incidentRecordSummaries) && !empty || s",
    "literal": "`{\"a\": [1, 2]}`.a[-1]",
    "flatten": "incidentRecordSummaries[].related[][]",
    "max": "max_by(incidentRecordSummaries, &impact).title",
}.items():
    write("fuzz-jmespath", name, expression)

patterns = re.findall(r'pattern: #"(.*?)"#', read("Sources/Catalog/Generated/SSMIncidents.swift").decode())
patterns += re.findall(r'pattern: #"(.*?)"#', read("Sources/Catalog/Generated/SSMContacts.swift").decode())
subjects = ["arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4", "db-failover", "abc", "",
            "arn:aws:iam::111122223333:role/x", "related-item/INCIDENT/0123456789ABCDEF0123456789ABCDEF"]
for i, pattern in enumerate(sorted(set(patterns))[:10]):
    write("fuzz-pattern", f"model-{i}", pattern.encode() + b"\0" + subjects[i % len(subjects)].encode())
write("fuzz-pattern", "lookahead", b"^(?=.*[a-z])(?!x)\\w{2,5}$\0abcd")
write("fuzz-pattern", "unicode", b"^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$\0caf\xc3\xa9 1")

ARN = "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"
requests = {
    "create-timeline-event": ("POST", "/createTimelineEvent", "", [("Content-Type", "application/json")],
                              '{"incidentRecordArn": "%s", "eventTime": 1795514400, "eventType": "Custom Event", "eventData": "\\"x\\""}' % ARN),
    "get-incident-record": ("GET", "/getIncidentRecord", "arn=" + ARN.replace(":", "%3A").replace("/", "%2F"), [], ""),
    "list-incident-records": ("POST", "/listIncidentRecords", "", [("Content-Type", "application/json")],
                              '{"filters": [{"key": "status", "condition": {"equals": {"stringValues": ["OPEN"]}}}], "maxResults": 10}'),
    "tag-resource": ("POST", "/tags/" + ARN.replace(":", "%3A").replace("/", "%2F"), "", [("Content-Type", "application/json")],
                     '{"tags": {"team": "db"}}'),
    "untag-resource": ("DELETE", "/tags/" + ARN.replace(":", "%3A").replace("/", "%2F"), "tagKeys=team&tagKeys=sev", [], ""),
    "update-incident-record": ("POST", "/updateIncidentRecord", "", [("Content-Type", "application/json")],
                               '{"arn": "%s", "status": "RESOLVED", "impact": 2, "chatChannel": {"empty": {}}}' % ARN),
    "contacts-create-contact": ("POST", "/", "", [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "SSMContacts.CreateContact")],
                                '{"Alias": "alice", "Type": "PERSONAL", "Plan": {"Stages": [{"DurationInMinutes": 5, "Targets": []}]}}'),
    "contacts-list-contacts": ("POST", "/", "", [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "SSMContacts.ListContacts")],
                               '{"MaxResults": 5}'),
}


def http_text(method, path, query, headers, body):
    target = path + ("?" + query if query else "")
    head = [f"{method} {target}"] + [f"{k}: {v}" for k, v in headers]
    return ("\n".join(head) + "\n\n" + body).encode()


for name, (method, path, query, headers, body) in requests.items():
    write("fuzz-wire-request", name, http_text(method, path, query, headers, body))

# SigV4: the same requests signed with the fuzz target's key at its fixed time.
KEY_ID, SECRET = "AKIDFUZZEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
STAMP, DATE = "20261124T100000Z", "20261124"


def sign(method, path, query, headers, body, service):
    headers = headers + [("Host", "localhost:4566"), ("X-Amz-Date", STAMP)]
    names = sorted({k.lower() for k, _ in headers})
    canonical_headers = "".join(f"{n}:{','.join(v.strip() for k, v in headers if k.lower() == n)}\n" for n in names)
    pairs = sorted(p.split("=", 1) if "=" in p else [p, ""] for p in query.split("&") if p)
    canonical_query = "&".join(f"{k}={v}" for k, v in pairs)
    canonical = "\n".join([method, path, canonical_query, canonical_headers, ";".join(names),
                           hashlib.sha256(body.encode()).hexdigest()])
    scope = f"{DATE}/us-east-1/{service}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", STAMP, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + SECRET).encode()
    for part in (DATE, "us-east-1", service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    auth = f"AWS4-HMAC-SHA256 Credential={KEY_ID}/{scope}, SignedHeaders={';'.join(names)}, Signature={signature}"
    return headers + [("Authorization", auth)]


for name, (method, path, query, headers, body) in requests.items():
    service = "ssm-contacts" if name.startswith("contacts") else "ssm-incidents"
    write("fuzz-sigv4", name, http_text(method, path, query, sign(method, path, query, headers, body, service), body))
write("fuzz-sigv4", "bad-scope", http_text("POST", "/", "", [("X-Amz-Date", STAMP), ("Authorization",
      "AWS4-HMAC-SHA256 Credential=AKIDFUZZEXAMPLE/20261124/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")], ""))

# YAML, as --cli-input-yaml and as a channel file: the channel files of the
# end-to-end tests, a command's input document, and the inputs of issue 14
# (deep flow and block nesting, an alias bomb).
for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "EndToEnd", "channel", "*.yaml"))):
    write("fuzz-yaml", os.path.basename(path), read(path))
write("fuzz-yaml", "input-document", 'incidentRecordArn: "%s"\nimpact: 2\ntitle: Primary database unreachable\n'
      'chatChannel: {empty: {}}\nnotificationTargets:\n  - snsTopicArn: arn:aws:sns:us-east-1:111122223333:x\n' % ARN)
# Past the limit of 256 levels, but under 4 KiB: libFuzzer's longest input is
# its longest seed's length, and longer inputs are slower without finding more.
write("fuzz-yaml", "deep-flow", "[" * 300)
write("fuzz-yaml", "deep-block", "- " * 300 + "x\n")
write("fuzz-yaml", "deep-block-mapping", "".join(" " * i + "k:\n" for i in range(85)) + " " * 85 + "x\n")
# What fuzz-yaml found: libyaml counts a lone CR as a line break (its mark then
# lies past the file's last line), and a stray continuation byte as a column.
write("fuzz-yaml", "mark-past-the-last-line", b'k: "x\r\r\r')
write("fuzz-yaml", "stray-continuation-byte", b"{\xaf: 1}")
bomb = ["a: &a [x,x,x,x,x,x,x,x,x]"] + ["%s: &%s [%s]" % (c, c, ",".join(["*" + p] * 9)) for p, c in zip("abcdefg", "bcdefgh")]
write("fuzz-yaml", "alias-bomb", "{" + ", ".join(bomb) + "}")
write("fuzz-yaml", "alias-bomb-channel", "workspace: acme\n" + "\n".join(bomb) + "\nmembers: *h\n")
write("fuzz-yaml", "aliases-small", "role:\n  policies:\n    - &p\n      Version: \"2012-10-17\"\n      Statement:\n"
      "        - Effect: Allow\n          Action: \"ssm-incidents:List*\"\n          Resource: \"*\"\nguardrails: [*p]\n")
update = "@aws ssm-incidents update-incident-record --arn " + ARN
write("fuzz-checker", "cli-input-yaml", update + " --cli-input-yaml 'title: x\nimpact: 2\nchatChannel: {empty: {}}'")
write("fuzz-checker", "cli-input-yaml-alias-bomb", update + " --cli-input-yaml '{" + ", ".join(bomb) + "}'")
write("fuzz-checker", "cli-input-yaml-deep", update + " --cli-input-yaml '" + "- " * 300 + "x'")
