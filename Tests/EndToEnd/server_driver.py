#!/usr/bin/env python3
"""Drives `incident-chat serve` with boto3 and raw HTTP (see server.sh).

Usage: server_driver.py ENDPOINT PHASE [PID]
  PHASE sdk        every ssm-incidents operation, paginators, error classes, the main ssm-contacts ones
  PHASE auth       wrong credentials, tampered and unsigned requests are refused
  PHASE hostile    malformed requests never crash the server nor change state
  PHASE shutdown   SIGTERM during a request: the request still completes
Prints one line per check; exits non-zero on the first failure.
"""
import datetime
import http.client
import json
import os
import signal
import socket
import sys
import threading
import time
import urllib.parse

import boto3
import botocore.auth
from botocore import UNSIGNED
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
PHASE = sys.argv[2]
HOST = urllib.parse.urlsplit(ENDPOINT).hostname
PORT = urllib.parse.urlsplit(ENDPOINT).port
KEY, SECRET = "AKIDINCIDENTCHAT", "incident-chat-local"
checks = 0


def ok(label):
    global checks
    checks += 1
    print(f"  ok {label}")


def fail(label):
    print(f"  FAIL {label}")
    sys.exit(1)


def expect(condition, label):
    ok(label) if condition else fail(label)


def client(service, key=KEY, secret=SECRET, **config):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=secret, config=Config(retries={"max_attempts": 1}, **config))


def expect_error(code, call, label, exception=None):
    try:
        call()
    except ClientError as error:
        got = error.response["Error"]["Code"]
        if got != code:
            fail(f"{label}: expected {code}, got {got}: {error}")
        if exception is not None and not isinstance(error, exception):
            fail(f"{label}: raised {type(error).__name__}, not the modeled class")
        ok(f"{label} -> {code}")
        return error
    fail(f"{label}: expected {code}, the call succeeded")


def state(incidents):
    """A digest of everything the account holds, to show that nothing changed."""
    records = incidents.list_incident_records()["incidentRecordSummaries"]
    out = {"plans": incidents.list_response_plans()["responsePlanSummaries"],
           "sets": incidents.list_replication_sets()["replicationSetArns"], "records": records}
    for record in records:
        events = incidents.list_timeline_events(incidentRecordArn=record["arn"])["eventSummaries"]
        out[record["arn"]] = [(e["eventId"], e["eventType"], str(e["eventUpdatedTime"])) for e in events]
    return json.dumps(out, default=str, sort_keys=True)


def signed(method, path, body=b"", headers=None, service="ssm-incidents", query=""):
    """A request signed by botocore, then sent as it is (whatever it holds)."""
    url = f"{ENDPOINT}{path}" + (f"?{query}" if query else "")
    request = AWSRequest(method=method, url=url, data=body, headers=dict(headers or {}))
    botocore.auth.SigV4Auth(Credentials(KEY, SECRET), service, "us-east-1").add_auth(request)
    return raw(method, path + (f"?{query}" if query else ""), body, dict(request.headers))


def raw(method, target, body=b"", headers=None):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    headers = dict(headers or {})
    if not any(k.lower() == "host" for k in headers):
        headers["Host"] = f"{HOST}:{PORT}"
    for name, value in headers.items():
        connection.putheader(name, value)
    if body and not any(k.lower() == "content-length" for k in headers):
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body or None)
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    error = response.getheader("x-amzn-ErrorType")
    if error is None and payload.startswith(b"{"):
        error = json.loads(payload).get("__type")
    return response.status, error, payload


def sdk():
    incidents = client("ssm-incidents")
    ok_ = incidents.create_replication_set(regions={"us-east-1": {}})
    set_arn = ok_["arn"]
    expect(set_arn.startswith("arn:aws:ssm-incidents::111122223333:replication-set/"), "CreateReplicationSet")
    expect_error("ConflictException", lambda: incidents.create_replication_set(regions={"us-west-2": {}}),
                 "second CreateReplicationSet", incidents.exceptions.ConflictException)
    expect(incidents.get_replication_set(arn=set_arn)["replicationSet"]["status"] == "ACTIVE", "GetReplicationSet")
    expect(list(incidents.get_paginator("list_replication_sets").paginate().search("replicationSetArns[]")) == [set_arn],
           "ListReplicationSets (paginator)")
    incidents.update_replication_set(arn=set_arn, actions=[{"addRegionAction": {"regionName": "eu-west-1"}}])
    expect(sorted(incidents.get_replication_set(arn=set_arn)["replicationSet"]["regionMap"]) == ["eu-west-1", "us-east-1"],
           "UpdateReplicationSet")
    incidents.update_deletion_protection(arn=set_arn, deletionProtected=False)
    ok("UpdateDeletionProtection")

    plans = []
    for i in range(7):
        plans.append(incidents.create_response_plan(name=f"plan-{i}", displayName=f"Plan {i}",
                                                    incidentTemplate={"title": f"Outage {i}", "impact": 3},
                                                    tags={"team": "db"})["arn"])
    ok("CreateResponsePlan x7")
    plan = plans[0]
    expect(incidents.get_response_plan(arn=plan)["incidentTemplate"]["title"] == "Outage 0", "GetResponsePlan")
    pages = list(incidents.get_paginator("list_response_plans").paginate(PaginationConfig={"PageSize": 3}))
    expect(len(pages) == 3 and sum(len(p["responsePlanSummaries"]) for p in pages) == 7, "ListResponsePlans (paginator, 3 pages)")
    incidents.update_response_plan(arn=plan, incidentTemplateImpact=2, incidentTemplateTitle="Database down")
    expect(incidents.get_response_plan(arn=plan)["incidentTemplate"]["impact"] == 2, "UpdateResponsePlan")

    policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                                                                  "Action": "ssm-incidents:GetResponsePlan", "Resource": plan}]})
    policy_id = incidents.put_resource_policy(resourceArn=plan, policy=policy)["policyId"]
    ok("PutResourcePolicy")
    got = list(incidents.get_paginator("get_resource_policies").paginate(resourceArn=plan).search("resourcePolicies[].policyId"))
    expect(got == [policy_id], "GetResourcePolicies (paginator)")
    incidents.delete_resource_policy(resourceArn=plan, policyId=policy_id)
    ok("DeleteResourcePolicy")

    records = [incidents.start_incident(responsePlanArn=plan, title=f"Incident {i}", impact=1 + i % 5)["incidentRecordArn"]
               for i in range(6)]
    ok("StartIncident x6")
    arn = records[0]
    record = incidents.get_incident_record(arn=arn)["incidentRecord"]
    expect(record["status"] == "OPEN" and record["incidentRecordSource"]["createdBy"].endswith(":user/incident-chat"),
           "GetIncidentRecord (caller from the signing key)")
    found = list(incidents.get_paginator("list_incident_records").paginate(
        filters=[{"key": "status", "condition": {"equals": {"stringValues": ["OPEN"]}}}],
        PaginationConfig={"PageSize": 4}).search("incidentRecordSummaries[].arn"))
    expect(sorted(found) == sorted(records), "ListIncidentRecords (paginator, filter)")
    incidents.update_incident_record(arn=arn, status="RESOLVED", summary="Fixed")
    expect(incidents.get_incident_record(arn=arn)["incidentRecord"]["status"] == "RESOLVED", "UpdateIncidentRecord")

    when = datetime.datetime(2026, 11, 24, 10, 0, 0, tzinfo=datetime.timezone.utc)
    events = [incidents.create_timeline_event(incidentRecordArn=arn, eventTime=when + datetime.timedelta(minutes=i),
                                              eventType="Custom Event", eventData=json.dumps(f"note {i}"))["eventId"]
              for i in range(5)]
    ok("CreateTimelineEvent x5")
    event = incidents.get_timeline_event(incidentRecordArn=arn, eventId=events[2])["event"]
    expect(event["eventData"] == '"note 2"' and event["eventTime"] == when + datetime.timedelta(minutes=2), "GetTimelineEvent (timestamps)")
    custom = list(incidents.get_paginator("list_timeline_events").paginate(
        incidentRecordArn=arn, filters=[{"key": "eventType", "condition": {"equals": {"stringValues": ["Custom Event"]}}}],
        sortOrder="ASCENDING", PaginationConfig={"PageSize": 2}).search("eventSummaries[].eventId"))
    expect(custom == events, "ListTimelineEvents (paginator, filter, order)")
    incidents.update_timeline_event(incidentRecordArn=arn, eventId=events[0], eventData='"edited"')
    expect(incidents.get_timeline_event(incidentRecordArn=arn, eventId=events[0])["event"]["eventData"] == '"edited"',
           "UpdateTimelineEvent")
    incidents.delete_timeline_event(incidentRecordArn=arn, eventId=events[4])
    expect_error("ResourceNotFoundException", lambda: incidents.get_timeline_event(incidentRecordArn=arn, eventId=events[4]),
                 "DeleteTimelineEvent then GetTimelineEvent", incidents.exceptions.ResourceNotFoundException)

    incidents.update_related_items(incidentRecordArn=arn, relatedItemsUpdate={"itemToAdd": {
        "identifier": {"type": "OTHER", "value": {"url": "https://runbook.example/db"}}, "title": "Runbook"}})
    items = list(incidents.get_paginator("list_related_items").paginate(incidentRecordArn=arn).search("relatedItems[].title"))
    expect(items == ["Runbook"], "UpdateRelatedItems + ListRelatedItems (paginator)")

    incidents.tag_resource(resourceArn=plan, tags={"env": "prod", "owner": "sre team"})
    tags = incidents.list_tags_for_resource(resourceArn=plan)["tags"]
    expect(tags == {"team": "db", "env": "prod", "owner": "sre team"}, "TagResource + ListTagsForResource (ARN in the URI)")
    incidents.untag_resource(resourceArn=plan, tagKeys=["env", "owner"])
    expect(incidents.list_tags_for_resource(resourceArn=plan)["tags"] == {"team": "db"}, "UntagResource (list in the query)")

    findings = list(incidents.get_paginator("list_incident_findings").paginate(incidentRecordArn=arn).search("findings[]"))
    expect(findings == [], "ListIncidentFindings (paginator)")
    batch = incidents.batch_get_incident_findings(incidentRecordArn=arn, findingIds=["f-1"])
    expect(batch["findings"] == [] and len(batch["errors"]) == 1, "BatchGetIncidentFindings")

    expect_error("ValidationException", lambda: incidents.update_incident_record(arn=arn, impact=9),
                 "impact 9", incidents.exceptions.ValidationException)
    expect_error("ResourceNotFoundException", lambda: incidents.get_incident_record(arn=arn + "x"),
                 "unknown incident", incidents.exceptions.ResourceNotFoundException)
    unchecked = client("ssm-incidents", parameter_validation=False)
    expect_error("ValidationException", lambda: unchecked.start_incident(responsePlanArn=plan, impact=0),
                 "start with impact 0 (the server validates)", incidents.exceptions.ValidationException)

    incidents.delete_incident_record(arn=records[-1])
    expect_error("ResourceNotFoundException", lambda: incidents.get_incident_record(arn=records[-1]), "DeleteIncidentRecord")
    incidents.delete_response_plan(arn=plans[-1])
    expect_error("ResourceNotFoundException", lambda: incidents.get_response_plan(arn=plans[-1]), "DeleteResponsePlan")

    # DeleteReplicationSet removes everything: do it on a second server's worth of data? No: on this one, last.
    contacts = client("ssm-contacts")
    expect("Contacts" in contacts.list_contacts(), "ssm-contacts ListContacts (JSON 1.1)")
    alias = "oncall-e2e"
    created = contacts.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    expect(contacts.get_contact(ContactId=created)["Alias"] == alias, "ssm-contacts CreateContact + GetContact")
    for i in range(3):
        contacts.create_contact(Alias=f"team-{i}", Type="PERSONAL", Plan={"Stages": []})
    aliases = list(contacts.get_paginator("list_contacts").paginate(PaginationConfig={"PageSize": 2}).search("Contacts[].Alias"))
    expect(sorted(aliases) == sorted([alias, "team-0", "team-1", "team-2"]), "ssm-contacts ListContacts (paginator, 2 pages)")
    expect_error("ResourceNotFoundException", lambda: contacts.get_contact(ContactId=created + "x"),
                 "ssm-contacts unknown contact", contacts.exceptions.ResourceNotFoundException)
    expect_error("ConflictException", lambda: contacts.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []}),
                 "ssm-contacts alias taken", contacts.exceptions.ConflictException)
    channel = contacts.create_contact_channel(ContactId=created, Name="mail", Type="EMAIL",
                                              DeliveryAddress={"SimpleAddress": "oncall@example.com"})["ContactChannelArn"]
    channels = contacts.list_contact_channels(ContactId=created)["ContactChannels"]
    expect([c["ContactChannelArn"] for c in channels] == [channel], "ssm-contacts CreateContactChannel + ListContactChannels")
    engagement = contacts.start_engagement(ContactId=created, Sender="e2e", Subject="Database down", Content="Failover")["EngagementArn"]
    expect(contacts.describe_engagement(EngagementId=engagement)["Subject"] == "Database down",
           "ssm-contacts StartEngagement + DescribeEngagement")
    expect(engagement in list(contacts.get_paginator("list_engagements").paginate().search("Engagements[].EngagementArn")),
           "ssm-contacts ListEngagements (paginator)")
    contacts.tag_resource(ResourceARN=created, Tags=[{"Key": "team", "Value": "db"}])
    expect(contacts.list_tags_for_resource(ResourceARN=created)["Tags"] == [{"Key": "team", "Value": "db"}],
           "ssm-contacts TagResource + ListTagsForResource")
    expect_error("ValidationException", lambda: client("ssm-contacts", parameter_validation=False).get_contact(ContactId=""),
                 "ssm-contacts empty ContactId (the server validates)")

    incidents.delete_replication_set(arn=set_arn)
    expect_error("ResourceNotFoundException", lambda: incidents.get_replication_set(arn=set_arn), "DeleteReplicationSet")
    # Leave data for the phases after this one.
    incidents.create_replication_set(regions={"us-east-1": {}})
    keep = incidents.create_response_plan(name="kept", incidentTemplate={"title": "Kept", "impact": 3})["arn"]
    incidents.start_incident(responsePlanArn=keep)


def auth():
    good = client("ssm-incidents")
    before = state(good)
    expect_error("InvalidSignatureException", lambda: client("ssm-incidents", secret="wrong").list_response_plans(),
                 "wrong secret")
    expect_error("UnrecognizedClientException", lambda: client("ssm-incidents", key="AKIDNOBODY").list_response_plans(),
                 "unknown access key")
    expect_error("MissingAuthenticationTokenException",
                 lambda: client("ssm-incidents", signature_version=UNSIGNED).list_response_plans(), "unsigned request")
    expect_error("UnrecognizedClientException", lambda: client("ssm-contacts", key="AKIDNOBODY").list_contacts(),
                 "ssm-contacts unknown access key")

    tampering = client("ssm-incidents")

    def tamper(request, **_):
        request.body = request.body.replace(b"Tampered", b"Tampere!")
    tampering.meta.events.register("before-send.ssm-incidents.CreateResponsePlan", tamper)
    expect_error("InvalidSignatureException", lambda: tampering.create_response_plan(
        name="tampered", incidentTemplate={"title": "Tampered", "impact": 3}), "body changed after signing")

    # A signature from 10 minutes ago.
    real_now = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda: real_now() - datetime.timedelta(minutes=10)
    status, error, body = signed("POST", "/listResponsePlans", b"{}", {"Content-Type": "application/json"})
    botocore.auth.get_current_datetime = real_now
    expect(status == 403 and error == "InvalidSignatureException" and b"Signature expired" in body, "clock skew over 5 minutes")
    status, error, _ = raw("POST", "/listResponsePlans", b"{}", {"Authorization": "AWS4-HMAC-SHA256 Credential=AKIDINCIDENTCHAT",
                                                                 "X-Amz-Date": "20261124T100000Z"})
    expect(status == 403 and error == "IncompleteSignatureException", "malformed Authorization header")
    expect(state(good) == before, "refused requests changed nothing")


def hostile():
    incidents = client("ssm-incidents")
    before = state(incidents)
    arn = incidents.list_incident_records()["incidentRecordSummaries"][0]["arn"]
    event = json.dumps({"incidentRecordArn": arn, "eventTime": 1795514400, "eventType": "Custom Event", "eventData": '"x"'}).encode()
    json_type = {"Content-Type": "application/json"}
    rpc = {"Content-Type": "application/x-amz-json-1.1"}

    def check(label, response, status, code):
        got_status, got_code, body = response
        expect(got_status == status and got_code == code, f"{label} -> {status} {code}" +
               ("" if got_status == status and got_code == code else f" (got {got_status} {got_code} {body[:200]!r})"))

    check("truncated JSON body", signed("POST", "/createTimelineEvent", event[:-7], json_type), 400, "ValidationException")
    check("wrong JSON type", signed("POST", "/createTimelineEvent", event.replace(b'"Custom Event"', b"42"), json_type),
          400, "ValidationException")
    check("invalid UTF-8", signed("POST", "/createTimelineEvent", event.replace(b'Custom Event', b'Custom \xff\xfe Event'), json_type),
          400, "ValidationException")
    check("wrong content type", signed("POST", "/createTimelineEvent", event, {"Content-Type": "text/xml"}),
          415, "UnsupportedMediaTypeException")
    check("JSON 1.1 malformed", signed("POST", "/", b'{"Alias": ', {**rpc, "X-Amz-Target": "SSMContacts.CreateContact"},
                                       service="ssm-contacts"), 400, "SerializationException")
    check("JSON 1.1 wrong type", signed("POST", "/", b'{"MaxResults": "ten"}', {**rpc, "X-Amz-Target": "SSMContacts.ListContacts"},
                                        service="ssm-contacts"), 400, "SerializationException")
    check("unknown target", signed("POST", "/", b"{}", {**rpc, "X-Amz-Target": "SSMContacts.DropEverything"},
                                   service="ssm-contacts"), 400, "UnknownOperationException")
    check("unknown path", signed("POST", "/dropEverything", b"{}", json_type), 404, "UnknownOperationException")
    check("path traversal", signed("GET", "/tags/../getIncidentRecord", query=f"arn={urllib.parse.quote(arn, safe='')}"),
          400, "ValidationException")
    check("encoded path traversal", signed("GET", "/tags/%2e%2e"), 400, "ValidationException")
    check("body over the limit", raw("POST", "/createTimelineEvent", b"{" + b" " * (2 << 20) + b"}", json_type),
          413, "RequestEntityTooLargeException")

    # 10 MB of headers: the connection is refused or closed, never a crash.
    try:
        status, _, _ = raw("GET", "/listResponsePlans", b"", {"X-Big": "a" * (10 << 20)})
        expect(status in (400, 413, 431), f"10 MB header answered {status}")
    except (ConnectionError, http.client.HTTPException, OSError) as error:
        ok(f"10 MB header: connection closed ({type(error).__name__})")

    # A body that never finishes: the client goes away mid-body.
    with socket.create_connection((HOST, PORT), timeout=5) as s:
        s.sendall(b"POST /createTimelineEvent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"inc")
    ok("client gone mid-body")
    # Headers that trickle in slower than the header timeout: the server hangs up.
    with socket.create_connection((HOST, PORT), timeout=10) as s:
        s.sendall(b"POST /listResponsePlans HTTP/1.1\r\nHost: x\r\n")
        started = time.time()
        try:
            closed = s.recv(1024) == b""
        except (ConnectionResetError, socket.timeout):
            closed = True
        expect(closed and time.time() - started < 8, f"slow headers cut off after {time.time() - started:.1f}s")
    # A body that trickles slower than the request timeout: the server hangs up.
    with socket.create_connection((HOST, PORT), timeout=10) as s:
        s.sendall(b"POST /listResponsePlans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{")
        started = time.time()
        try:
            while s.recv(1024):
                pass
            closed = True
        except (ConnectionResetError, socket.timeout):
            closed = True
        expect(closed and time.time() - started < 8, f"slow body cut off after {time.time() - started:.1f}s")
    with socket.create_connection((HOST, PORT), timeout=5) as s:
        s.sendall(b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + bytes(range(256)) + b"\r\n\r\n")
        try:
            s.recv(1024)
        except OSError:
            pass
    ok("non-HTTP bytes")

    expect(incidents.list_response_plans()["responsePlanSummaries"] is not None, "server still answers")
    expect(state(incidents) == before, "hostile requests changed nothing")


def shutdown(pid):
    """SIGTERM while a request is in flight: it still completes."""
    incidents = client("ssm-incidents")
    arn = incidents.list_incident_records()["incidentRecordSummaries"][0]["arn"]
    body = json.dumps({"incidentRecordArn": arn, "eventTime": 1795514400, "eventType": "Custom Event",
                       "eventData": '"during shutdown"'}).encode()
    request = AWSRequest(method="POST", url=f"{ENDPOINT}/createTimelineEvent", data=body,
                         headers={"Content-Type": "application/json"})
    botocore.auth.SigV4Auth(Credentials(KEY, SECRET), "ssm-incidents", "us-east-1").add_auth(request)
    s = socket.create_connection((HOST, PORT), timeout=10)
    head = f"POST /createTimelineEvent HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nContent-Length: {len(body)}\r\n"
    for name, value in request.headers.items():
        head += f"{name}: {value}\r\n"
    s.sendall((head + "\r\n").encode() + body[:20])
    time.sleep(0.3)
    os.kill(pid, signal.SIGTERM)
    time.sleep(0.5)
    s.sendall(body[20:])
    response = s.recv(65536)
    s.close()
    expect(response.startswith(b"HTTP/1.1 201"), "request in flight at SIGTERM completed (201)")


if PHASE == "sdk":
    sdk()
elif PHASE == "auth":
    auth()
elif PHASE == "hostile":
    hostile()
elif PHASE == "shutdown":
    shutdown(int(sys.argv[3]))
print(f"  {PHASE}: {checks} checks passed")
