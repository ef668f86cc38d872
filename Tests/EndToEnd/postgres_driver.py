"""Two `incident-chat serve` on one PostgreSQL database behave as one service (boto3).

Usage: postgres_driver.py ENDPOINT_A ENDPOINT_B DATABASE_URL

- a clientToken sent to both servers at the same moment creates one incident;
- a page of a listing fetched from one server continues on the other;
- a load run against A while the database is killed and started again
  (KILL_COMMAND, RESTART_COMMAND from the environment): every acknowledged
  event is in the database afterwards, each once, and A answers again on new
  connections.
Prints one "ok ..." or "FAIL ..." line a check.
"""
import os
import subprocess
import sys
import threading

import boto3
from botocore.config import Config

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, finish  # noqa: E402

a, b, database = sys.argv[1], sys.argv[2], sys.argv[3]


def client(endpoint):
    return boto3.client("ssm-incidents", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDINCIDENTCHAT", aws_secret_access_key="incident-chat-local",
                        config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=30))


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", database, "-c", sql], capture_output=True, text=True, check=True)
    return out.stdout.strip()


A, B = client(a), client(b)
A.create_replication_set(regions={"us-east-1": {}})
plan = B.create_response_plan(name="db", incidentTemplate={"title": "Database down", "impact": 3})["arn"]

# A clientToken retried against both servers at once.
rounds, same = 8, 0
for i in range(rounds):
    barrier = threading.Barrier(2)
    answers = [None, None]

    def start(index, c):
        barrier.wait()
        answers[index] = c.start_incident(responsePlanArn=plan, clientToken=f"token-{i}")["incidentRecordArn"]

    threads = [threading.Thread(target=start, args=(n, c)) for n, c in enumerate((A, B))]
    for t in threads: t.start()
    for t in threads: t.join()
    same += answers[0] is not None and answers[0] == answers[1]
listed = A.list_incident_records()["incidentRecordSummaries"]
check(same == rounds and len(listed) == rounds,
      f"a clientToken sent to two servers at once creates one incident ({rounds} rounds)",
      f"{same} rounds answered the same ARN, {len(listed)} incidents")

# A listing paged across the two servers.
incident = listed[0]["arn"]
created = []
for n in range(25):
    c = (A, B)[n % 2]
    created.append(c.create_timeline_event(incidentRecordArn=incident, eventTime=f"2026-11-24T10:{n:02d}:00Z",
                                           eventType="Custom Event", eventData=f'"e{n}"')["eventId"])
seen, token, servers = [], None, [A, B]
while True:
    args = {"incidentRecordArn": incident, "maxResults": 10, "sortOrder": "ASCENDING"}
    if token: args["nextToken"] = token
    page = servers[0].list_timeline_events(**args)
    seen += [e["eventId"] for e in page["eventSummaries"]]
    token = page.get("nextToken")
    servers.reverse()
    if not token: break
check([e for e in seen if e in created] == created and len(seen) == len(set(seen)),
      "a page fetched from one server continues on the other, in order, nothing twice",
      f"{len(seen)} events seen")

# A load run while the database is killed and started again.
acknowledged, errors, restarted = [], 0, False
for n in range(300):
    if n == 100:
        subprocess.run(["bash", "-c", os.environ["KILL_COMMAND"]], check=True)
    if n == 120:
        subprocess.run(["bash", "-c", os.environ["RESTART_COMMAND"]], check=True)
        restarted = True
    try:
        acknowledged.append(A.create_timeline_event(incidentRecordArn=incident, eventTime="2026-11-24T11:00:00Z",
                                                    eventType="Custom Event", eventData=f'"load {n}"')["eventId"])
    except Exception as error:  # the database is down: the command fails, retryable
        errors += 1
        status = getattr(error, "response", {}).get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status not in (500, None):
            check(False, "a command during the outage fails with a retryable error", f"{status}: {error}")
stored = psql(f"SELECT event_id FROM timeline_event WHERE event_data LIKE '\"load %'").split()
check(errors > 0 and len(acknowledged) >= 150,
      "the load run failed while the database was down and went on after it came back",
      f"{errors} errors, {len(acknowledged)} acknowledged")
missing = set(acknowledged) - set(stored)
check(not missing and len(stored) == len(set(stored)),
      f"every acknowledged event is stored once ({len(acknowledged)} acknowledged, {len(stored)} stored)",
      f"{len(missing)} missing")
check(len(stored) - len(acknowledged) <= 1, "at most the one command in flight when the server died landed unacknowledged",
      f"{len(stored) - len(acknowledged)} unacknowledged rows")
finish()
