#!/usr/bin/env python3
"""The server refuses what the service refuses, in the service's own body.

With botocore's client-side validation off, every operation of ssm-incidents
and ssm-contacts that has a patterned member (top level or nested: the list
comes from botocore's service models) gets a value that breaks the pattern;
the answer must be 400 ValidationException naming the member and the pattern,
with the body ssm-incidents sends (`{"message": ...}`) or ssm-contacts sends
(`{"__type", "Message", "Reason", "Fields": [{"Name", "Message"}]}`).
Then the findings of issue 16 one by one, and a request that breaks no
constraint still succeeds.

Usage: constraints_driver.py ENDPOINT
"""
import datetime
import json
import re
import sys

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
KEY, SECRET = "AKIDINCIDENTCHAT", "incident-chat-local"
checks = 0


def ok(label):
    global checks
    checks += 1


def fail(label):
    print(f"  FAIL {label}")
    sys.exit(1)


def client(service):
    c = boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=KEY,
                     aws_secret_access_key=SECRET,
                     config=Config(parameter_validation=False, retries={"max_attempts": 1}))
    c.meta.events.register("after-call", remember_body)
    return c


last_body = {}


def remember_body(http_response, **_):
    last_body["status"] = http_response.status_code
    last_body["raw"] = http_response.content


# Candidates for a value that breaks a pattern: the first one that Python's
# re.search (the models' dialect) rejects and whose length fits is used.
BREAKERS = ["bad value!", "not-an-arn", "Bad Alias", "bad@name", "!", " ", "a b!", "\u00e9\u00e9!", "@@@@", "aws:x", "-", "\t"]


def python_pattern(pattern):
    """The models' patterns in Python's `re`, which lacks \\p{...}: letters, numbers, separators."""
    return (pattern.replace("\\p{L}", "a-zA-Z\u00c0-\u024f")
            .replace("\\p{N}", "0-9").replace("\\p{Z}", " \u00a0"))


def breaking(shape):
    pattern = python_pattern(shape.metadata["pattern"])
    lo, hi = shape.metadata.get("min", 0), shape.metadata.get("max", 10 ** 6)
    for text in BREAKERS:
        if re.search(pattern, text) is None and lo <= len(text) <= hi:
            return text
    for text in BREAKERS:
        if re.search(pattern, text) is None:
            return text
    return None


def is_union(shape):
    return bool(getattr(shape, "is_union", False) or shape.metadata.get("union"))


def minimal(shape, depth=0):
    """A value of the shape with only its required members (each minimal)."""
    kind = shape.type_name
    if kind == "structure":
        members = shape.members
        if is_union(shape):
            name = next(iter(members))
            return {name: minimal(members[name], depth + 1)}
        return {name: minimal(members[name], depth + 1) for name in shape.required_members}
    if kind == "list":
        return [minimal(shape.member, depth + 1)] if shape.metadata.get("min", 0) > 0 else []
    if kind == "map":
        return {}
    if kind == "string":
        if shape.enum:
            return shape.enum[0]
        return "x" * max(1, shape.metadata.get("min", 1))
    if kind in ("integer", "long"):
        return int(shape.metadata.get("min", 1))
    if kind in ("float", "double"):
        return float(shape.metadata.get("min", 1))
    if kind == "boolean":
        return False
    if kind == "timestamp":
        return datetime.datetime(2026, 11, 24, 10, 0, tzinfo=datetime.timezone.utc)
    if kind == "blob":
        return b"x"
    return None


def patterned(shape, path, seen):
    """The first place under `shape` that has a pattern: (path steps, breaking value), or None.
    A step is ("member", name), ("index",) or ("key",) for a map key."""
    kind = shape.type_name
    if kind == "string":
        if "pattern" in shape.metadata:
            bad = breaking(shape)
            if bad is not None:
                return path, bad
        return None
    if shape.name in seen:
        return None
    seen = seen | {shape.name}
    if kind == "structure":
        for name, member in shape.members.items():
            found = patterned(member, path + [("member", name)], seen)
            if found:
                return found
    elif kind == "list":
        return patterned(shape.member, path + [("index",)], seen)
    elif kind == "map":
        if "pattern" in shape.key.metadata:
            bad = breaking(shape.key)
            if bad is not None:
                return path + [("key", bad)], None
        return patterned(shape.value, path + [("value",)], seen)
    return None


def place(value, shape, steps, bad):
    """`value` (a minimal one of `shape`) with the breaking value put at `steps`."""
    if not steps:
        return bad
    step = steps[0]
    if step[0] == "member":
        name = step[1]
        member = shape.members[name]
        inner = value.get(name)
        if inner is None or len(steps) == 1:
            inner = minimal(member)
        # A union keeps one member: the one on the path.
        out = {} if is_union(shape) else dict(value)
        out[name] = place(inner, member, steps[1:], bad)
        return out
    if step[0] == "index":
        return [place(minimal(shape.member), shape.member, steps[1:], bad)]
    if step[0] == "key":
        return {step[1]: minimal(shape.value)}
    if step[0] == "value":
        return {"k": place(minimal(shape.value), shape.value, steps[1:], bad)}
    raise ValueError(step)


def service_path(steps):
    """The member path as the services write it: `incidentTemplate.title`, `tags.1.member`."""
    parts = []
    for step in steps:
        if step[0] == "member":
            parts.append(step[1])
        elif step[0] == "index":
            parts.append("1.member")
        elif step[0] == "key":
            parts.append(step[1])
        elif step[0] == "value":
            parts.append("k")
    return ".".join(parts)


def check_body(service, label, member_path):
    if last_body.get("status") != 400:
        fail(f"{label}: status {last_body.get('status')}, not 400")
    body = json.loads(last_body["raw"])
    if service == "ssm-incidents":
        if set(body) != {"message"}:
            fail(f"{label}: the ssm-incidents body has {sorted(body)}, not just message: {body}")
        message = body["message"]
    else:
        expected = {"__type", "Message", "Reason", "Fields"}
        if set(body) != expected:
            fail(f"{label}: the ssm-contacts body has {sorted(body)}, not {sorted(expected)}: {body}")
        if body["Reason"] != "FIELD_VALIDATION_FAILED" or not isinstance(body["Fields"], list) or not body["Fields"]:
            fail(f"{label}: Reason/Fields: {body}")
        for field in body["Fields"]:
            if set(field) != {"Name", "Message"}:
                fail(f"{label}: a field is {field}")
        if member_path is not None and member_path not in [f["Name"] for f in body["Fields"]]:
            fail(f"{label}: no field names {member_path}: {body['Fields']}")
        message = body["Message"]
    if member_path is not None and f"at '{member_path}' failed to satisfy constraint: Member must satisfy regular expression pattern" not in message:
        fail(f"{label}: the message does not name the pattern at {member_path}: {message}")
    ok(label)


def expect_validation(service, call, label, member_path=None):
    try:
        call()
    except ClientError as error:
        code = error.response["Error"]["Code"]
        if code != "ValidationException":
            fail(f"{label}: expected ValidationException, got {code}: {error}")
        check_body(service, label, member_path)
        return
    fail(f"{label}: expected ValidationException, the call succeeded")


def sweep(service):
    model = botocore.session.get_session().get_service_model(service)
    c = client(service)
    swept = 0
    for name in model.operation_names:
        operation = model.operation_model(name)
        shape = operation.input_shape
        if shape is None:
            continue
        found = patterned(shape, [], frozenset())
        if found is None:
            continue
        steps, bad = found
        params = place(minimal(shape), shape, steps, bad)
        method = getattr(c, botocore.xform_name(name))
        label = f"{service} {name} {service_path(steps)}={bad if bad is not None else steps[-1][1]!r}"
        expect_validation(service, lambda: method(**params), label, service_path(steps))
        swept += 1
    print(f"  ok {service}: {swept} operations with a patterned member, each answered 400 ValidationException in the service's body")
    return swept


def findings():
    incidents, contacts = client("ssm-incidents"), client("ssm-contacts")
    cases = [
        ("ssm-contacts", lambda: contacts.create_contact(Alias="Bad Alias", Type="PERSONAL", Plan={"Stages": []}),
         "create-contact --alias 'Bad Alias'", "Alias"),
        ("ssm-incidents", lambda: incidents.create_response_plan(name="bad name!", incidentTemplate={"title": "t", "impact": 3}),
         "create-response-plan --name 'bad name!'", "name"),
        ("ssm-contacts", lambda: contacts.create_rotation(
            Name="bad@name", ContactIds=["arn:aws:ssm-contacts:us-east-1:111122223333:contact/a"], TimeZoneId="UTC",
            Recurrence={"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1, "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}]}),
         "create-rotation --name bad@name", "Name"),
        ("ssm-incidents", lambda: incidents.tag_resource(
            resourceArn="arn:aws:ssm-incidents::111122223333:response-plan/x", tags={"bad key!": "v"}),
         "tag-resource with the tag key 'bad key!'", "tags.bad key!"),
        ("ssm-incidents", lambda: incidents.get_incident_record(arn="not-an-arn"), "get-incident-record --arn not-an-arn", "arn"),
        ("ssm-incidents", lambda: incidents.start_incident(responsePlanArn="not-an-arn"),
         "start-incident --response-plan-arn not-an-arn", "responsePlanArn"),
        ("ssm-incidents", lambda: incidents.list_related_items(incidentRecordArn="not-an-arn"),
         "list-related-items --incident-record-arn not-an-arn", "incidentRecordArn"),
        # Not patterns: the other constraints answer in the same body.
        ("ssm-contacts", lambda: contacts.get_contact(ContactId=""), "ssm-contacts get-contact --contact-id ''", None),
        ("ssm-contacts", lambda: contacts.create_contact(Alias="ok", Type="NOBODY", Plan={"Stages": []}),
         "ssm-contacts create-contact --type NOBODY (enum)", None),
        ("ssm-contacts", lambda: contacts.list_contacts(MaxResults=2000), "ssm-contacts list-contacts --max-results 2000 (range)", None),
        ("ssm-contacts", lambda: contacts.create_contact(Type="PERSONAL", Plan={"Stages": []}), "ssm-contacts create-contact without Alias (required)", None),
        ("ssm-incidents", lambda: incidents.update_incident_record(arn="arn:aws:ssm-incidents::111122223333:incident-record/x/y", impact=9),
         "ssm-incidents update-incident-record --impact 9 (range)", None),
        ("ssm-incidents", lambda: incidents.create_response_plan(name="ok", incidentTemplate={"title": "t", "impact": 3},
                                                                 integrations=[{}]),
         "ssm-incidents an empty union (integrations[0])", None),
    ]
    for service, call, label, path in cases:
        expect_validation(service, call, label, path)
        print(f"  ok {label} -> 400 ValidationException")
    # Values that break nothing still go through.
    try:
        incidents.create_replication_set(regions={"us-east-1": {}})
    except ClientError as error:
        if error.response["Error"]["Code"] != "ConflictException":
            raise
    arn = incidents.create_response_plan(name="good-name_1", incidentTemplate={"title": "t", "impact": 3})["arn"]
    incidents.tag_resource(resourceArn=arn, tags={"good key": "v"})
    contact = contacts.create_contact(Alias="good-alias_1", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    if not contact.endswith("contact/good-alias_1"):
        fail(f"create-contact good-alias_1: {contact}")
    print("  ok values that match their patterns are accepted")


sweep("ssm-incidents")
sweep("ssm-contacts")
findings()
print(f"  constraints: {checks} checks passed")
