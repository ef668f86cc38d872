"""Sends slash commands to incident-chat serve as Slack would, and checks the
answers. Usage: slack_client.py URL SECRET INCIDENT_ARN"""
import hashlib
import hmac
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

url, secret, incident = sys.argv[1], sys.argv[2].encode(), sys.argv[3]
# slack_client.py URL SECRET ARN --one TEXT: send one command, print its answer's text.
one = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--one" else None
passed = failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"  ok   {what}")
    else:
        failed += 1
        print(f"  FAIL {what}: {detail}")


def form(text, user="alice", **extra):
    fields = {"token": "legacy-token", "team_id": "T0001", "team_domain": "acme", "channel_id": "C0001",
              "channel_name": "ops", "user_id": "U0001", "user_name": user, "command": "/aws", "text": text,
              "trigger_id": "1.2.3"}
    fields.update(extra)
    return urllib.parse.urlencode(fields).encode()


def post(body, timestamp=None, signature=None, sign_with=None):
    timestamp = str(int(time.time())) if timestamp is None else timestamp
    if signature is None:
        base = b"v0:" + timestamp.encode() + b":" + body
        signature = "v0=" + hmac.new(sign_with or secret, base, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if timestamp != "":
        headers["X-Slack-Request-Timestamp"] = timestamp
    if signature != "":
        headers["X-Slack-Signature"] = signature
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def slack(text, **kw):
    status, kind, body = post(form(text, **kw))
    message = json.loads(body) if status == 200 and body else {}
    return status, kind, message


if one is not None:
    status, _, m = slack(one)
    print(m.get("text", f"HTTP {status}"))
    sys.exit(0 if status == 200 else 1)

status, kind, m = slack(f"ssm-incidents get-incident-record --arn {incident} --query incidentRecord.title")
check(status == 200 and kind.startswith("application/json") and m.get("response_type") == "in_channel"
      and m.get("text") == '```\n"Database failover"\n```', "a signed command answers in the channel with its output in a code block", (status, m))

events = f"ssm-incidents list-timeline-events --incident-record-arn {incident} --query 'length(eventSummaries)' --output text"
status, _, m = slack(f"ssm-incidents create-timeline-event --incident-record-arn {incident} "
                     "--event-time 2026-11-24T10:05:00Z --event-type “Custom Event” --event-data '\"Failover started\"'")
check(status == 200 and m.get("response_type") == "in_channel" and "eventId" in m.get("text", ""),
      "create-timeline-event from Slack (typographic quotes as a phone types them)", m)
status, _, m = slack(f"ssm-incidents update-incident-record --arn {incident} --summary 'Replica promoted'")
check(status == 200 and m.get("text") == "Done (no output).", "update-incident-record from Slack", m)

status, _, m = slack("ssm-incidents list-incident-recrods")
check(status == 200 and m.get("response_type") == "ephemeral" and "list-incident-records" in m.get("text", ""),
      "a typo is answered to the user alone, with the suggestion", m)
status, _, m = slack("ssm-incidents delete-response-plan --arn arn:aws:ssm-incidents::111122223333:response-plan/db")
check(status == 200 and m.get("response_type") == "ephemeral" and "AccessDeniedException" in m.get("text", ""),
      "the channel's role applies: a denied command is refused", m)
status, _, m = slack("ssm-incidents list-incident-records", user="mallory")
check(status == 200 and m.get("response_type") == "ephemeral", "a user who is not a member is refused", m)
status, _, m = slack("")
check(status == 200 and m.get("response_type") == "ephemeral" and "/aws ssm-incidents" in m.get("text", ""), "an empty command gets the usage", m)
status, _, body = post(form("", ssl_check="1"))
check(status == 200, "Slack's ssl_check is answered", status)

# Aliases are commands of the channel, and every refusal is answered without
# the server's paths and environment (connectors.sh reads the log after).
status, _, m = slack("alias create x @aws ssm-incidents list-incident-records", user="mallory")
check(status == 200 and m.get("response_type") == "ephemeral" and "chatbot:CreateCustomAction" in m.get("text", "")
      and "saved" not in m.get("text", ""), "a user who is not a member may not create an alias", m)
status, _, m = slack('alias create lq "@aws ssm-incidents list-incident-records --max-results 1"')
check(status == 200 and "Alias lq saved" in m.get("text", ""), "a member creates an alias whose command is quoted", m)
status, _, m = slack("run lq")
check(status == 200 and m.get("response_type") == "in_channel" and "incidentRecordSummaries" in m.get("text", ""),
      "the quoted alias runs", m)
status, _, m = slack("run lq", user="mallory")
check(status == 200 and m.get("response_type") == "ephemeral" and "chatbot:InvokeCustomAction" in m.get("text", ""),
      "a user who is not a member may not run an alias", m)
status, _, m = slack("ssm-incidents list-incident-records --filters 'key=status")
check(status == 200 and m.get("response_type") == "ephemeral" and "unterminated" in m.get("text", ""),
      "a message that does not parse is refused", m)
status, _, m = slack("ssm-incidents get-incident-record --arn ${PATH}")
text = m.get("text", "")
check(status == 200 and "a message from a chat channel cannot read environment variables" in text and "not set" not in text
      and "/usr" not in text, "${PATH} from chat: chat reads no environment variables", m)
status, _, m = slack("ssm-incidents update-incident-record --arn " + incident + " --summary file:///etc/hostname")
check(status == 200 and m.get("response_type") == "ephemeral" and "file://" in m.get("text", ""),
      "file:// from chat is refused", m)

status, _, m = slack(events)
before = m.get("text")
forged_text = (f"ssm-incidents create-timeline-event --incident-record-arn {incident} "
               "--event-time 2026-11-24T10:06:00Z --event-type x --event-data '\"forged\"'")
status, _, body = post(form(forged_text), sign_with=b"a-guessed-secret")
check(status == 401, "a forged signature gets 401", (status, body))
status, _, body = post(form(forged_text), timestamp=str(int(time.time()) - 600))
check(status == 401 and "seconds away from now" in body, "a stale request (10 minutes old, genuinely signed) gets 401", (status, body))
status, _, body = post(form(forged_text), timestamp="", signature="")
check(status == 401, "a request without Slack's headers gets 401", (status, body))
signed = form(forged_text)
ts = str(int(time.time()))
good = "v0=" + hmac.new(secret, b"v0:" + ts.encode() + b":" + signed, hashlib.sha256).hexdigest()
status, _, body = post(signed.replace(b"forged", b"tamper"), timestamp=ts, signature=good)
check(status == 401, "a body changed after signing gets 401", (status, body))
status, _, m = slack(events)


def count(text):
    return int(text.strip("`\n")) if text else -1


check(count(before) > 0 and count(m.get("text")) == count(before), "the refused requests ran nothing", (before, m))

print(f"slack_client: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
