#!/usr/bin/env bash
# The post-incident review, end to end: `incident-chat review` on a SQLite
# store after a runbook (text on a pipe, html to a file and to redirected
# standard output, markdown, json), `.review` inside a runbook, an unknown
# incident (ResourceNotFoundException, 254), an incident with no events of its
# own, markup in an event shown as text, and the HTML opened in headless
# Chromium (review_driver.py) with a screenshot of its picture checked for
# drawn pixels. The screenshot goes to .build/review-picture.png.
# Usage: Tests/EndToEnd/review.sh PATH/TO/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/support/common.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

require_browser review.sh

# An incident with paging, related items, markup in its events, and a resolution.
cat >incident.chat <<'CHAT'
@aws ssm-incidents create-replication-set --regions us-east-1={}
let plan = @aws ssm-incidents create-response-plan --name orders --incident-template title="Orders <b>down</b>",impact=2
let incident = @aws ssm-incidents start-incident --response-plan-arn $plan.arn
@aws ssm-incidents update-related-items --incident-record-arn $incident.incidentRecordArn \
    --related-items-update '{"itemToAdd": {"identifier": {"type": "OTHER", "value": {"url": "https://runbooks.example.com/orders"}}, "title": "Runbook"}}'
@aws ssm-incidents create-timeline-event --incident-record-arn $incident.incidentRecordArn --event-time 2026-11-24T10:03:00Z \
    --event-type "Custom Event" --event-data '"<img src=x onerror=\"window.reviewInjected=1\"> [click](javascript:alert(1)) </svg><script>window.reviewInjected=2</script>"'
@aws ssm-incidents create-timeline-event --incident-record-arn $incident.incidentRecordArn --event-time 2026-11-24T10:09:00Z \
    --event-type "Note" --event-data '"alice: mitigated by failing over"'
.advance 20m
@aws ssm-incidents update-incident-record --arn $incident.incidentRecordArn --status RESOLVED
.review $incident.incidentRecordArn --format markdown --output-file from-runbook.md
CHAT
"$bin" run --store store.sqlite --fixed-clock 2026-11-24T10:00:00Z --seed 5 incident.chat >run.out 2>&1
status=$?
if [ "$status" = 0 ]; then ok "the runbook with .review runs"; else fail "run ($status): $(cat run.out)"; fi
if grep -q '^## Key moments' from-runbook.md && grep -q 'Time to resolve: 20m' from-runbook.md; then ok ".review --output-file wrote the markdown review from inside the runbook"; else fail ".review in a runbook: $(head -5 from-runbook.md 2>&1)"; fi
arn=$("$bin" exec --store store.sqlite --fixed-clock 2026-11-24T11:00:00Z --output text \
    '@aws ssm-incidents list-incident-records --query "incidentRecordSummaries[0].arn"')
case "$arn" in arn:aws:ssm-incidents::*) ok "the incident is in the store";; *) fail "no incident: $arn";; esac

review() { "$bin" review --store store.sqlite --fixed-clock 2026-11-24T11:00:00Z "$@"; }

# Text on a pipe: no colour, the summary and the timeline with its gaps.
review "$arn" 2>text.err | cat >text.out
status=${PIPESTATUS[0]}
if [ "$status" = 0 ] && grep -q 'Time to resolve: 20m' text.out && grep -q '│' text.out; then ok "review on a pipe prints the text summary and timeline"; else fail "text ($status): $(cat text.err)"; fi
if ! grep -q $'\x1b' text.out; then ok "no colour when standard output is not a terminal"; else fail "escape sequences on a pipe"; fi
if grep -q '<script>window.reviewInjected=2</script>' text.out; then ok "the event's markup is its characters in the text"; else fail "markup lost in text"; fi

# On a terminal (script(1) gives it one): colour, unless NO_COLOR.
if command -v script >/dev/null 2>&1; then
    script -qc "'$bin' review --store store.sqlite --fixed-clock 2026-11-24T11:00:00Z '$arn'" /dev/null >tty.out 2>&1
    if grep -q $'\x1b\[' tty.out && grep -q 'Key moments' tty.out; then ok "review on a terminal prints the text in colour"; else fail "no colour on a terminal: $(head -3 tty.out)"; fi
    NO_COLOR=1 script -qc "'$bin' review --store store.sqlite --fixed-clock 2026-11-24T11:00:00Z '$arn'" /dev/null >nocolor.out 2>&1
    if ! grep -q $'\x1b\[' nocolor.out && grep -q 'Key moments' nocolor.out; then ok "NO_COLOR turns the colour off"; else fail "colour despite NO_COLOR"; fi
else
    fail "script(1) is missing: the terminal's colour is not checked"
fi

# HTML: to a file with -o, and by redirecting standard output to a file.
review "$arn" --output-file review.html >html.out 2>html.err
status=$?
if [ "$status" = 0 ] && head -1 review.html | grep -q '<!doctype html>'; then ok "review -o FILE writes html"; else fail "html ($status): $(cat html.err)"; fi
review "$arn" >redirected.html 2>/dev/null
if head -1 redirected.html | grep -q '<!doctype html>' && cmp -s review.html redirected.html; then ok "standard output sent to a file gets the same html"; else fail "redirected output is not the html"; fi
if ! grep -q '<script' review.html && ! grep -q '<img' review.html && grep -q '&lt;script&gt;' review.html; then ok "no markup from an event survives in the html"; else fail "markup in the html"; fi
if ! grep -Eq '(src|href)="(https?:)?//' review.html; then ok "the html refers to nothing outside itself"; else fail "an external reference in the html"; fi

review "$arn" --format markdown >review.md 2>/dev/null
if grep -q '^# Review: Orders &lt;b&gt;down&lt;/b&gt;' review.md && grep -q '\\\[click\\\]' review.md; then ok "markdown escapes the title's and the event's markup"; else fail "markdown: $(head -3 review.md)"; fi
review "$arn" --format json >review.json 2>/dev/null
python3 - review.json >json.out 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = {x["name"]: x for x in d["moments"]}
assert d["durations"]["timeToResolve"] == 1200, d["durations"]
assert m["firstMitigation"]["time"] == "2026-11-24T10:09:00Z", m
assert any("</svg><script>" in e["text"] for e in d["timeline"]), d["timeline"]
assert [q["answer"] for q in d["questions"]] == [""] * len(d["questions"])
PY
status=$?
if [ "$status" = 0 ]; then ok "json holds the durations, the moments and the event text as it is"; else fail "json: $(cat json.out)"; fi

# An unknown incident: the service's error, exit code 254.
review arn:aws:ssm-incidents::111122223333:incident-record/orders/00000000-0000-0000-0000-000000000000 >missing.out 2>missing.err
status=$?
if [ "$status" = 254 ] && grep -q 'ResourceNotFoundException' missing.err; then ok "an unknown incident is ResourceNotFoundException (254)"; else fail "unknown ($status): $(cat missing.err)"; fi

# An incident with nothing but its start, on a store of its own: still a review, which says so.
"$bin" run --store quiet.sqlite --fixed-clock 2026-11-24T10:00:00Z --seed 2 - >quiet.out 2>&1 <<'CHAT'
@aws ssm-incidents create-replication-set --regions us-east-1={}
let plan = @aws ssm-incidents create-response-plan --name quiet --incident-template title="Quiet",impact=4
@aws ssm-incidents start-incident --response-plan-arn $plan.arn
.review --format text
CHAT
status=$?
if [ "$status" = 0 ] && grep -q 'no contact was engaged' quiet.out && grep -q 'Time to resolve: —' quiet.out; then ok ".review without an ARN reviews the newest incident"; else fail "quiet ($status): $(cat quiet.out)"; fi

# The HTML in a browser: nothing fetched, the picture drawn, markup shown as text.
python3 "$here/review_driver.py" review.html "$root/.build/review-picture.png" '</svg><script>window.reviewInjected=2</script>' >driver.out 2>&1
status=$?
cat driver.out
passed=$((passed + $(grep -c '^ok' driver.out)))
failed=$((failed + $(grep -c '^FAIL' driver.out)))
if [ "$status" != 0 ] && ! grep -q '^FAIL' driver.out; then fail "the browser driver failed ($status)"; fi

finish review.sh
