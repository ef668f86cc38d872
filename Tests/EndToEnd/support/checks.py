"""Shared by the end-to-end Python drivers: one line a check, and the exit
status the shell script reads (1 when any check failed)."""
import sys

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
