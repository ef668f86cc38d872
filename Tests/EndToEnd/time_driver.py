"""The scheduler of `incident-chat serve` on the wall clock, through boto3.

Usage: time_driver.py ENDPOINT STORE

The store already holds the escalation "team" of escalation.chat with
STAGE_MINUTES=1: alice at once, bob one minute later. This starts an
engagement of it over the wire and then watches the store itself (a
read-only SQLite connection, not a request, since a request would catch up
by itself and hide a late scheduler) for bob's page: it must appear 60 to 62
seconds after the engagement started, stamped with the instant it was due.
"""
import sqlite3
import sys
import time

import boto3
from botocore.config import Config

endpoint, store = sys.argv[1], sys.argv[2]
contacts = boto3.client("ssm-contacts", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDINCIDENTCHAT", aws_secret_access_key="incident-chat-local",
                        config=Config(retries={"max_attempts": 1}))
team = "arn:aws:ssm-contacts:us-east-1:111122223333:contact/team"

before = time.time()
engagement = contacts.start_engagement(ContactId=team, Sender="boto3", Subject="Orders down", Content="Look")["EngagementArn"]
started = time.time()
pages = contacts.list_pages_by_engagement(EngagementId=engagement)["Pages"]
assert [p["ContactArn"].rsplit("/", 1)[1] for p in pages] == ["alice"], pages

db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
def bob_pages():
    return db.execute("SELECT sent_time FROM page WHERE engagement_arn = ? AND contact_arn LIKE '%/bob'",
                      (engagement,)).fetchall()

while not bob_pages() and time.time() - started < 70:
    time.sleep(0.05)
seen = time.time()
rows = bob_pages()
assert len(rows) == 1, f"bob's page: {rows}"
elapsed = seen - started
assert 60 - (started - before) <= elapsed <= 62, f"bob was paged {elapsed:.2f}s after the engagement started (60 to 62 expected)"
sent_time = pages[0]["SentTime"].timestamp()
assert abs(rows[0][0] / 1000 - (sent_time + 60)) < 0.002, f"bob's page is stamped {rows[0][0]}, alice's {sent_time}"
# The outbox got bob's page at its due time too.
sent = db.execute("SELECT count(*) FROM outbox WHERE kind = 'PAGE' AND address = 'bob@example.com'").fetchone()[0]
assert sent == 1, f"{sent} pages to bob in the outbox"
print(f"  ok stage two paged {elapsed:.2f}s after start-engagement (wall clock, boto3)")
