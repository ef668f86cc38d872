"""Shared by the end-to-end Python drivers: one line a check, and the exit
status the shell script reads (1 when any check failed)."""
import sys
import time

failures = 0


def check(condition, name, detail=""):
    global failures
    if condition:
        print(f"ok   {name}")
    else:
        failures += 1
        print(f"FAIL {name}{': ' + str(detail)[:2000] if detail else ''}")
    sys.stdout.flush()


def finish():
    sys.exit(1 if failures else 0)


def wait(predicate, seconds=8.0):
    """The first true value `predicate` gives within `seconds` (it may raise while
    the page is changing), or None."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.05)
    return None
