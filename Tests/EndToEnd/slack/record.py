"""What the fake Slack recorded (fake_slack.py writes one JSON line a request), for the drivers."""
import json
import time


def records(path):
    try:
        with open(path) as f:
            return [json.loads(line) for line in f]
    except FileNotFoundError:
        return []


def wait_for(path, predicate, seconds=10):
    """The records once `predicate` holds of them (or as they are after `seconds`)."""
    deadline = time.time() + seconds
    while True:
        got = records(path)
        if predicate(got) or time.time() > deadline:
            return got
        time.sleep(0.05)
