"""Drives incident-chat serve as Slack's Events API and a Teams outgoing webhook
would, and checks what reached the fake Slack (fake_slack.py's record).
Usage: slack_driver.py ENDPOINT SLACK_SECRET TEAMS_SECRET RECORD DB_ARN WEB_ARN FAKE_SLACK_URL [restart|paged]
(restart: the checks of a server started again on the first run's store; paged: Acknowledge my page
on a store where a contact was paged while nothing ran)"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
sys.path.insert(0, os.path.dirname(__file__))
from checks import check  # noqa: E402
import checks  # noqa: E402
import record as fake_record  # noqa: E402


finish = checks.finish

endpoint, slack_secret, teams_secret, record, db, web, fake = sys.argv[1:8]
mode = sys.argv[8] if len(sys.argv) > 8 else "first"
slack_secret = slack_secret.encode()
CHANNEL, APP = "C0OPS", "U0APP"
serial = [{"restart": 500000, "paged": 600000}.get(mode, 0)]  # after the restart: messages (ts, event IDs) of its own


def post(path, body, headers, to=None):
    request = urllib.request.Request((to or endpoint) + path, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def signed(body, secret=None, timestamp=None):
    timestamp = str(int(time.time())) if timestamp is None else timestamp
    mac = hmac.new(secret or slack_secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=" + mac}


def event(text, user="U0ALICE", kind="app_mention", event_id=None, ts=None, **extra):
    serial[0] += 1
    ts = ts or "1795600000.%06d" % serial[0]
    inner = {"type": kind, "user": user, "text": text, "ts": ts, "channel": CHANNEL, "event_ts": ts}
    inner.update(extra)
    body = {"token": "legacy", "team_id": "T0ACME", "api_app_id": "A0APP", "event": inner, "type": "event_callback",
            "event_id": event_id or "Ev%04d" % serial[0], "event_time": int(time.time()),
            "authorizations": [{"team_id": "T0ACME", "user_id": APP, "is_bot": True}]}
    return json.dumps(body).encode(), ts


def send(body, retry=None, **kw):
    headers = signed(body, **kw)
    if retry:
        headers["X-Slack-Retry-Num"] = retry
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return post("/slack/events", body, headers)


def records():
    return fake_record.records(record)


def wait_for(predicate, seconds=10):
    return fake_record.wait_for(record, predicate, seconds)


def replies(got, ts):
    return [r for r in got if r["method"] in ("chat.postMessage", "chat.postEphemeral") and r["status"] == 200
            and r["body"].get("thread_ts") == ts and "blocks" not in r["body"]]


def ask(text, user="U0ALICE"):
    """Mentions the app and returns the reply in the message's thread."""
    body, ts = event(f"<@{APP}> {text}", user=user)
    status, _ = send(body)
    got = wait_for(lambda g: replies(g, ts))
    found = replies(got, ts)
    return status, ts, (found[0] if found else None)


def count_events(arn):
    _, _, reply = ask(f"ssm-incidents list-timeline-events --incident-record-arn {arn} --query 'length(eventSummaries)' --output text")
    return int(reply["body"]["text"].strip("`\n")) if reply else -1


add_event = ("ssm-incidents create-timeline-event --incident-record-arn {arn} --event-time 2026-11-24T10:05:00Z "
             "--event-type 'Custom Event' --event-data '\"{data}\"'")


def notifications(got):
    return [r for r in got if r["method"] == "chat.postMessage" and "blocks" in r["body"] and r["status"] == 200]


def notes():
    _, _, reply = ask(f"ssm-incidents list-timeline-events --incident-record-arn {web} "
                      "--query \"length(eventSummaries[?eventType=='Note'])\" --output text", user="U0BOB")
    return int(reply["body"]["text"].strip("`\n")) if reply else -1


def reaction(added, ts, user="U0BOB", name="pushpin"):
    body, _ = event("", user=user, kind="reaction_added" if added else "reaction_removed", reaction=name,
                    item_user="U0ALICE", item={"type": "message", "channel": CHANNEL, "ts": ts})
    return send(body)


def settled(expected, seconds=5):
    """The Note count once it is `expected` (pins run in the background), or as it is after `seconds`."""
    deadline = time.time() + seconds
    while True:
        n = notes()
        if n == expected or time.time() > deadline:
            return n
        time.sleep(0.1)


def buttons(post):
    return [(e["text"]["text"], e["value"]) for b in post["body"]["blocks"] if b["type"] == "actions" for e in b["elements"]]


def click(user, value, thread):
    payload = {"type": "block_actions", "user": {"id": user}, "channel": {"id": CHANNEL},
               "container": {"type": "message", "message_ts": thread, "channel_id": CHANNEL},
               "message": {"ts": thread}, "actions": [{"action_id": "incident-chat-1", "type": "button", "value": value}]}
    body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
    headers = signed(body)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return post("/slack/interactivity", body, headers)


kept_ts = "1795600500.000200"  # pinned at the end of the first run, unpinned after the restart

if mode == "restart":
    # A server started again on the same store replies in the incident's thread and can still unpin.
    db_first = [r for r in notifications(records()) if db in r["body"]["text"]]
    db_thread = db_first[0]["answer"]["ts"] if db_first else None
    seen = len(records())
    status, ts, reply = ask(add_event.format(arn=db, data="after the restart"), user="U0BOB")
    got = wait_for(lambda g: [r for r in notifications(g[seen:]) if db in r["body"]["text"]])
    later = [r for r in notifications(got[seen:]) if db in r["body"]["text"]]
    check(db_thread and later and later[0]["body"].get("thread_ts") == db_thread,
          "after a restart, the incident's notifications still reply in its thread", (db_thread, [r["body"].get("thread_ts") for r in later]))
    before = notes()
    status, _ = reaction(False, kept_ts)
    check(before == 1 and status == 200 and settled(0) == 0, "after a restart, taking the pin off removes the Note", before)
    finish()

if mode == "paged":
    # A page's notification carries Acknowledge my page; bob's contact is dave, carol has none.
    got = wait_for(lambda g: [r for r in notifications(g) if "Contact paged" in r["body"]["text"]])
    paged = [r for r in notifications(got) if "Contact paged" in r["body"]["text"]]
    offered = dict(buttons(paged[0])) if paged else {}
    check(list(offered) == ["Resolve", "Add a note", "Acknowledge my page"], "a page's notification carries Acknowledge my page", list(offered))
    thread = paged[0]["answer"]["ts"] if paged else None
    seen = len(records())
    status, _ = click("U0CAROL", offered.get("Acknowledge my page", ""), thread)
    got = wait_for(lambda g: [r for r in g[seen:] if r["method"] == "chat.postEphemeral"])
    told = [r for r in got[seen:] if r["method"] == "chat.postEphemeral"]
    check(status == 200 and told and told[0]["body"]["user"] == "U0CAROL" and "`users: {carol: {contact: ALIAS}}`" in told[0]["body"]["text"]
          and told[0]["body"].get("thread_ts") == thread, "a clicker without a contact is told, alone, what to add to the channel file", told)
    seen = len(records())
    status, _ = click("U0BOB", offered.get("Acknowledge my page", ""), thread)
    got = wait_for(lambda g: [r for r in g[seen:] if r["method"] == "chat.postMessage" and "acknowledged" in r["body"]["text"]])
    said = [r for r in got[seen:] if r["method"] == "chat.postMessage" and "acknowledged" in r["body"]["text"]]
    check(status == 200 and said and said[0]["body"]["text"] == "<@U0BOB> acknowledged their page (contact dave)."
          and said[0]["body"].get("thread_ts") == thread, "bob acknowledges his page: told in the incident's thread", said)
    _, _, reply = ask("ssm-contacts list-pages-by-contact --contact-id arn:aws:ssm-contacts:us-east-1:111122223333:contact/dave "
                      "--query 'Pages[?ReadTime] | length(@)' --output text", user="U0BOB")
    check(reply and reply["body"]["text"].strip("`\n") == "1", "dave's page is read (accept-page ran)", reply)
    finish()

# Slack checks the request URL first.
status, text = post("/slack/events", b'{"token":"t","challenge":"c-123","type":"url_verification"}',
                    signed(b'{"token":"t","challenge":"c-123","type":"url_verification"}'))
check(status == 200 and json.loads(text) == {"challenge": "c-123"}, "url_verification is answered with the challenge", (status, text))

# A mention is answered in its thread, as code, with the bot token.
status, ts, reply = ask(f"ssm-incidents get-incident-record --arn {db} --query incidentRecord.title")
check(status == 200 and reply and reply["method"] == "chat.postMessage" and reply["body"]["channel"] == CHANNEL
      and reply["body"]["text"] == '```\n"Database failover"\n```' and reply["authorization"] == "Bearer xoxb-e2e-token",
      "a mention is answered in its thread (chat.postMessage, thread_ts, the bot token)", reply)
check(any(r["method"] == "users.info" and r["body"] == {"user": "U0ALICE"} for r in records()),
      "the Slack user is looked up with users.info")

# An error is shown to its author alone.
status, ts, reply = ask("ssm-incidents list-incident-recrods")
check(reply and reply["method"] == "chat.postEphemeral" and reply["body"]["user"] == "U0ALICE"
      and "list-incident-records" in reply["body"]["text"], "an error is ephemeral, for its author, with the suggestion", reply)
status, ts, reply = ask("ssm-incidents list-incident-records", user="U0MAL")
check(reply and reply["method"] == "chat.postEphemeral" and reply["body"]["user"] == "U0MAL" and "not a member" in reply["body"]["text"],
      "a Slack user who is not a member is refused, to them alone", reply)

# A retried event runs once.
before = count_events(db)
body, ts = event(f"<@{APP}> " + add_event.format(arn=db, data="Failover started"), event_id="Ev-RETRIED")
first = send(body)
again = [send(body, retry=n) for n in ("1", "2")]
got = wait_for(lambda g: replies(g, ts))
after = count_events(db)
check(first[0] == 200 and all(s == 200 for s, _ in again) and before >= 0 and after == before + 1 and len(replies(got, ts)) == 1,
      "an event retried twice (X-Slack-Retry-Num) runs once and is answered once", (before, after, first, again))

# The timeline event's notification starts the db incident's thread; the next one replies in it.
notified = wait_for(lambda g: [r for r in g if "blocks" in r["body"]])
status, ts, reply = ask(f"ssm-incidents update-incident-record --arn {db} --summary 'Replica promoted'", user="U0BOB")
check(reply and reply["body"]["text"] == "Done (no output).", "bob (mapped in the channel file) updates the incident", reply)
status, ts, reply = ask(add_event.format(arn=web, data="Rolled back"), user="U0BOB")


got = wait_for(lambda g: len(notifications(g)) >= 3)
posts = notifications(got)
by_incident = {}
for r in posts:
    arn = db if db in r["body"]["text"] else web if web in r["body"]["text"] else None
    by_incident.setdefault(arn, []).append(r)
db_posts, web_posts = by_incident.get(db, []), by_incident.get(web, [])
db_thread = db_posts[0]["answer"]["ts"] if db_posts else None
check(len(db_posts) == 2 and "thread_ts" not in db_posts[0]["body"] and db_posts[1]["body"].get("thread_ts") == db_thread
      and "Timeline event added" in db_posts[0]["body"]["text"] and "Summary updated" in db_posts[1]["body"]["text"],
      "notifications: the first of an incident starts its thread, the next replies in it", [p["body"] for p in db_posts])
check(len(web_posts) == 1 and "thread_ts" not in web_posts[0]["body"], "another incident gets a thread of its own",
      [p["body"] for p in web_posts])
check(all(p["body"]["channel"] == CHANNEL and p["authorization"] == "Bearer xoxb-e2e-token" for p in posts),
      "notifications go to the channel through the Web API")
cards = [r for r in got if r["method"] == "workflow"]
check(len(cards) >= 3 and all(c["body"]["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive" for c in cards),
      "the channel's Teams workflow webhook gets each notification as an Adaptive Card", len(cards))

# Notifications carry buttons: Resolve, and the channel's Escalate where its criterion holds.
check([t for t, _ in buttons(db_posts[0])] == ["Resolve", "Add a note", "Escalate"] if db_posts else False,
      "a Custom Event's notification carries Resolve, Add a note and the channel's Escalate (its criterion holds)", db_posts[:1])
check([t for t, _ in buttons(db_posts[1])] == ["Resolve", "Add a note"] if len(db_posts) > 1 else False,
      "a summary's notification does not carry Escalate (its criterion does not hold)", db_posts[1:2])


escalate = dict(buttons(db_posts[0])).get("Escalate") if db_posts else None
seen = len(records())
status, _ = click("U0CAROL", escalate, db_thread)
got = wait_for(lambda g: any(r["method"] == "chat.postEphemeral" for r in g[seen:]))
denied = [r for r in got[seen:] if r["method"] == "chat.postEphemeral"]
check(status == 200 and len(denied) == 1 and denied[0]["body"]["user"] == "U0CAROL" and "AccessDeniedException" in denied[0]["body"]["text"]
      and denied[0]["body"].get("thread_ts") == db_thread, "a click as a user whose role denies it is refused, to them alone", denied)
status, _ = click("U0ALICE", escalate.split(":", 1)[0] + ":@aws ssm-incidents update-incident-record --arn " + db + " --impact 5", db_thread)
check(status == 400, "a click on an action no notification carried runs nothing (400)", status)
seen = len(records())
status, _ = click("U0ALICE", escalate, db_thread)
got = wait_for(lambda g: any("Impact changed" in r["body"].get("text", "") for r in g[seen:])
               and any(r["body"].get("text", "").startswith("<@U0ALICE>") and r["status"] == 200 for r in g[seen:]))
clicked = [r for r in got[seen:] if r["method"] == "chat.postMessage" and "blocks" not in r["body"]]
impact = [r for r in notifications(got[seen:]) if "Impact changed" in r["body"]["text"]]
check(status == 200 and clicked and clicked[0]["body"]["text"].startswith("<@U0ALICE>: Done") and clicked[0]["body"]["thread_ts"] == db_thread
      and len(impact) == 1 and impact[0]["body"].get("thread_ts") == db_thread,
      "a member's click runs the button's command as them, answered and notified in the incident's thread", (clicked, impact))

# A 429 is retried after its Retry-After.
post("/control", b'{"rate_limit": 1}', {"Content-Type": "application/json"}, to=fake)
status, ts, reply = ask("ssm-incidents list-incident-records --query 'length(incidentRecordSummaries)' --output text", user="U0BOB")
limited = [r for r in records() if r["status"] == 429]
check(reply and reply["body"]["text"] == "```\n2\n```" and len(limited) == 1 and limited[0]["body"] == reply["body"],
      "a 429 from Slack is retried after Retry-After, and the reply arrives", (limited, reply))

# Forged, stale and unsigned requests: 401, nothing runs, nothing is posted.
before = count_events(db)
seen = len(records())
body, ts = event(f"<@{APP}> " + add_event.format(arn=db, data="forged"))
forged = send(body, secret=b"a-guessed-secret")
stale = send(body, timestamp=str(int(time.time()) - 600))
unsigned = post("/slack/events", body, {"Content-Type": "application/json"})
tampered_headers = signed(body)
tampered = post("/slack/events", body.replace(b"forged", b"tamper"), tampered_headers)
check(forged[0] == 401 and "does not match" in forged[1] and stale[0] == 401 and "seconds away" in stale[1]
      and unsigned[0] == 401 and tampered[0] == 401, "forged, stale, unsigned and tampered events get 401",
      (forged, stale, unsigned, tampered))
time.sleep(0.3)
check(len(records()) == seen and count_events(db) == before, "the refused events ran nothing and posted nothing")

# Bots (this app included) are never answered; nor is chatter.
seen = len(records())
for body, _ in [event(f"<@{APP}> ssm-incidents list-incident-records", kind="message", bot_id="B0OTHER"),
                event(f"<@{APP}> ssm-incidents list-incident-records", kind="message", user=APP),
                event("the database is down again", kind="message")]:
    status, _ = send(body)
    check(status == 200, "an event that is not for the app is acknowledged")
status, ts, reply = ask("ssm-incidents list-incident-records --query 'length(incidentRecordSummaries)' --output text", user="U0BOB")
check(reply and len([r for r in records()[seen:] if r["method"].startswith("chat.")]) == 1,
      "messages from bots and the app itself are not answered (no loop)", records()[seen:])

# A 📌 on a message puts it on the current incident's timeline as a Note, once; taking it off removes it.
pinned_ts = "1795600500.000100"
post("/control", json.dumps({"messages": {pinned_ts: {"user": "U0ALICE", "text": "Replica lag is 40 s &amp; rising"}}}).encode(),
     {"Content-Type": "application/json"}, to=fake)
seen = len(records())
status, _ = reaction(True, pinned_ts)
got = wait_for(lambda g: any("Timeline event added" in r["body"].get("text", "") for r in notifications(g[seen:])))
added = [r for r in notifications(got[seen:]) if "Timeline event added" in r["body"]["text"]]
blocks = json.dumps(added[0]["body"]["blocks"]) if added else ""
# 1795600500 is 2026-11-25T09:55:00Z: the message's own time; Slack's escapes decoded, then escaped again for Slack.
check(status == 200 and len(added) == 1 and "alice: Replica lag is 40 s &amp; rising" in blocks and "Note" in blocks
      and "2026-11-25T09:55:00Z" in blocks, "a pushpin pins the message as a Note (its time, author and text), notified in the incident's thread", added)
reaction(True, pinned_ts, user="U0ALICE")
time.sleep(0.3)
check(notes() == 1, "a message pinned twice is one Note")
reaction(False, pinned_ts)
time.sleep(0.3)
check(notes() == 1, "the Note stays while someone's pin is on")
reaction(False, pinned_ts, user="U0ALICE")
check(settled(0) == 0, "the last pin taken off removes the Note")
# One left pinned for the run after the restart.
post("/control", json.dumps({"messages": {kept_ts: {"user": "U0ALICE", "text": "Primary promoted"}}}).encode(),
     {"Content-Type": "application/json"}, to=fake)
reaction(True, kept_ts)
check(settled(1) == 1, "a message left pinned for the restart")

# Teams: a good HMAC runs the text after the mention; a forged one runs nothing.
key = base64.b64decode(teams_secret)


def teams(text, auth=None, message_id=None):
    serial[0] += 1
    body = json.dumps({"type": "message", "id": message_id or "m%d" % serial[0], "from": {"id": "29:1", "name": "bob"},
                       "text": f"<at>IncidentChat</at> {text}"}).encode()
    mac = base64.b64encode(hmac.new(key, body, hashlib.sha256).digest()).decode()
    return post("/teams/messages", body, {"Content-Type": "application/json", "Authorization": auth or "HMAC " + mac})


before = count_events(web)
status, text = teams(add_event.format(arn=web, data="from Teams"))
check(status == 200 and '"eventId' in json.loads(text)["text"], "Teams: a message with a good HMAC runs and is answered", (status, text))
status, text = teams(add_event.format(arn=web, data="forged in Teams"), auth="HMAC " + base64.b64encode(b"\0" * 32).decode())
check(status == 401, "Teams: a forged HMAC gets 401", (status, text))
check(count_events(web) == before + 1, "Teams: only the genuine message ran")

finish()
