"""Socket Mode against the fake Slack: envelopes sent down the fake's
WebSocket are acknowledged and run; a garbage frame is ignored; a dropped
connection, Slack's `disconnect` and a connection that never says hello are
each followed by a new connection; so is one whose WebSocket upgrade is
never answered, after a backoff that doubles.
Usage: socket_driver.py FAKE_SLACK_URL RECORD DB_ARN"""
import json
import os
import sys
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
sys.path.insert(0, os.path.dirname(__file__))
from checks import check  # noqa: E402
import checks  # noqa: E402
import record as fake_record  # noqa: E402

fake, record, db = sys.argv[1:4]


def records():
    return fake_record.records(record)


def wait_for(predicate, seconds=10):
    return fake_record.wait_for(record, predicate, seconds)


def control(body):
    request = urllib.request.Request(fake + "/control", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()


def connects(got):
    return len([r for r in got if r["method"] == "socket_connect"])


def envelope(n, text):
    ts = "1795800000.%06d" % n
    payload = {"type": "event_callback", "event_id": "EvSock%d" % n, "team_id": "T0ACME",
               "authorizations": [{"user_id": "U0APP", "is_bot": True}],
               "event": {"type": "app_mention", "user": "U0BOB", "channel": "C0OPS", "ts": ts, "text": "<@U0APP> " + text}}
    return {"envelope_id": "env-%d" % n, "type": "events_api", "payload": payload, "accepts_response_payload": False,
            "retry_attempt": 0, "retry_reason": ""}, ts


def ask(n, text):
    body, ts = envelope(n, text)
    control({"send": json.dumps(body)})
    got = wait_for(lambda g: any(r["method"] == "socket_ack" and r["body"] == {"envelope_id": body["envelope_id"]} for r in g)
                   and any(r["method"] == "chat.postMessage" and r["body"].get("thread_ts") == ts for r in g))
    acked = any(r["method"] == "socket_ack" and r["body"] == {"envelope_id": body["envelope_id"]} for r in got)
    reply = [r for r in got if r["method"] == "chat.postMessage" and r["body"].get("thread_ts") == ts]
    return acked, (reply[0]["body"]["text"] if reply else None)


got = wait_for(lambda g: connects(g) >= 1)
opened = [r for r in got if r["method"] == "apps.connections.open"]
check(connects(got) == 1 and opened and opened[0]["authorization"] == "Bearer xapp-e2e-app-token",
      "Socket Mode: the server opens the connection with the app-level token", opened)
question = f"ssm-incidents get-incident-record --arn {db} --query incidentRecord.title"
acked, text = ask(1, question)
check(acked and text == '```\n"Database failover"\n```', "an envelope is acknowledged with its envelope_id and answered in the thread", (acked, text))
control({"send": "this is not an envelope"})
acked, text = ask(2, question)
check(acked and text, "a frame that is not an envelope is ignored; the connection keeps serving", (acked, text))
control({"drop": True})
got = wait_for(lambda g: connects(g) >= 2)
check(connects(got) == 2, "a dropped connection is opened again", connects(got))
acked, text = ask(3, question)
check(acked and text, "after the drop, envelopes run again", (acked, text))
control({"send": json.dumps({"type": "disconnect", "reason": "refresh_requested"})})
got = wait_for(lambda g: connects(g) >= 3)
acked, text = ask(4, question)
check(connects(got) == 3 and acked and text, "Slack's disconnect is followed by a new connection", connects(got))
# A connection that never says hello is given up (after --slack-socket-timeout) and opened again.
control({"silent": 1})
control({"drop": True})
got = wait_for(lambda g: connects(g) >= 5)
acked, text = ask(5, question)
check(connects(got) == 5 and acked and text, "a connection on which Slack never says hello is opened again", connects(got))
# Two connections whose upgrade is never answered: each given up after --slack-socket-timeout, then a good one.
control({"mute": 2})
control({"drop": True})
got = wait_for(lambda g: connects(g) >= 6, seconds=20)
acked, text = ask(6, question)
muted = len([r for r in got if r["method"] == "socket_mute"])
check(muted == 2 and connects(got) == 6 and acked and text, "a WebSocket upgrade that never completes is given up and connected again",
      (muted, connects(got)))
checks.finish()
