"""Two responders in the channel page, in two headless Chromium browsers
(see web.sh). Everything is found as a person finds it: by accessible name
and role. Prints ok/FAIL lines; the incident's ARN is printed for web.sh.

Usage: web_driver.py ENDPOINT SCREENSHOT_DIR
"""
import re
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, finish, wait  # noqa: E402
from chromium import browser, entries, log, named, say  # noqa: E402

ENDPOINT, SHOTS = sys.argv[1], sys.argv[2]


def sign_in(driver, name, password):
    driver.get(ENDPOINT + "/")
    box = wait(lambda: named(driver, "Name"))
    check(box is not None and box.aria_role == "textbox", f"{name}: the sign-in has a textbox named Name")
    secret = named(driver, "Password")
    check(secret is not None and secret.aria_role == "textbox", f"{name}: and one named Password")
    button = named(driver, "Sign in")
    check(button is not None and button.aria_role == "button", f"{name}: and a button named Sign in")
    box.clear()
    box.send_keys(name)
    secret.clear()
    secret.send_keys(password)
    button.click()


alice = browser(1200, 900)
bob = browser(390, 844)  # a phone's width
try:
    # Sign-in: a wrong password is refused with an alert, then both get in.
    sign_in(bob, "bob", "not-his-password")
    alert = wait(lambda: bob.find_element(By.CSS_SELECTOR, '[role="alert"]').text)
    check(alert and "wrong" in alert, "a wrong password is refused", repr(alert))
    sign_in(alice, "alice", "alice-secret-1")
    sign_in(bob, "bob", "bob-secret-22")
    for driver, who in ((alice, "alice"), (bob, "bob")):
        status = wait(lambda: "signed in as " + who in driver.find_element(By.CSS_SELECTOR, '[role="status"]').text)
        check(status, f"{who} is signed in and connected")
        message = named(driver, "Message", "textarea")
        check(message is not None and message.aria_role == "textbox", f"{who}: the message box is a textbox named Message")
    cookies = {c["name"]: c for c in alice.get_cookies()}
    session = cookies.get("ic_session", {})
    check(session.get("httpOnly") and session.get("sameSite") == "Strict", "the session cookie is HttpOnly and SameSite=Strict", str(session))
    check(alice.execute_script("return document.cookie.indexOf('ic_session') < 0"), "the page's script cannot read the session cookie")

    # Talking: alice's words reach bob live; markup stays text.
    say(alice, "Morning all, the database looks unhappy")
    seen = wait(lambda: any("the database looks unhappy" in t for t in entries(bob, "chat")))
    check(seen, "bob sees alice's message live")
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> <a href="javascript:alert(1)">x</a> <https://evil.example|click>'
    say(alice, hostile)
    shown = wait(lambda: [t for t in entries(bob, "chat") if "<script>" in t])
    check(shown and hostile in shown[0], "markup in a message is shown as the text typed", repr(shown))
    check(bob.execute_script("return window.pwned === undefined"), "and nothing in it ran")
    check(not log(bob).find_elements(By.CSS_SELECTOR, "script, img, a"), "and it made no element")

    # Commanding: alice starts the incident; bob sees the command, its result and the notification.
    say(alice, "@aws ssm-incidents start-incident --response-plan-arn arn:aws:ssm-incidents::111122223333:response-plan/web-db")
    result = wait(lambda: [t for t in entries(bob, "result") if "incidentRecordArn" in t])
    check(result, "bob sees the result of alice's start-incident")
    arn_match = re.search(r"arn:aws:ssm-incidents::111122223333:incident-record/web-db/[a-z0-9-]+", result[0] if result else "")
    arn = arn_match.group(0) if arn_match else ""
    print(f"incident {arn}")
    started = wait(lambda: entries(bob, "notification"))
    check(started and "Database down" in started[0], "bob sees the incident-started notification", repr(started))
    before = len(started or [])
    say(alice, f"@aws ssm-incidents create-timeline-event --incident-record-arn {arn} --event-time 2026-12-03T10:00:00Z "
               "--event-type 'Custom Event' --event-data '\"Failover started\"'")
    more = wait(lambda: len(entries(bob, "notification")) > before and entries(bob, "notification"))
    check(more and "Failover started" in " ".join(more[before:]), "bob sees the timeline-event notification", repr(more))
    check(more and wait(lambda: entries(alice, "notification") == more), "alice sees the same notifications")

    # The incident at a glance: its title and status, and its timeline drawn as marks on an axis.
    panel = wait(lambda: bob.find_element(By.ID, "incident-title").text == "Database down")
    check(panel, "bob's panel shows the current incident", bob.find_element(By.ID, "incident-title").text)
    check("Status OPEN" in bob.find_element(By.ID, "incident-facts").text, "and its status")
    marks = wait(lambda: len(bob.find_elements(By.CSS_SELECTOR, "#incident-timeline circle")) >= 2
                 and len(bob.find_elements(By.CSS_SELECTOR, "#incident-timeline circle")))
    check(marks, "and its timeline events as marks", str(marks))
    paged = wait(lambda: "Olive Oncall paged" in bob.find_element(By.ID, "incident-paged").text
                 and bob.find_element(By.ID, "incident-paged").text)
    check(paged and "not accepted yet" in paged, "and who was paged, not accepted yet", repr(paged))
    check(bob.find_elements(By.CSS_SELECTOR, "#incident-timeline path.page"), "and the page as a mark on the picture")

    # A pin: alice's first message becomes a Note of the incident; bob sees the notification.
    first = [e for e in log(alice).find_elements(By.CSS_SELECTOR, ".msg.chat") if "database looks unhappy" in e.text][0]
    pin = [b for b in first.find_elements(By.CSS_SELECTOR, "button") if b.accessible_name == "Pin to the timeline"]
    check(pin, "a chat message has a button named Pin to the timeline")
    count = len(entries(bob, "notification"))
    pin[0].click()
    noted = wait(lambda: len(entries(bob, "notification")) > count and entries(bob, "notification")[count:])
    check(noted and "Note" in " ".join(noted) and "alice: Morning all" in " ".join(noted), "bob sees the pinned message's Note", repr(noted))
    check(wait(lambda: bob.find_elements(By.CSS_SELECTOR, "#incident-timeline circle.note")), "and the Note appears on the timeline picture")

    # A command outside bob's role: denied, to bob alone, with the reason.
    alice_count = len(entries(alice))
    say(bob, f"@aws ssm-incidents update-incident-record --arn {arn} --title 'Hijacked'")
    denied = wait(lambda: [t for t in entries(bob, "private") if "AccessDenied" in t])
    check(denied and "only you can see this" in denied[0], "bob is told his command is denied", repr(entries(bob, "private")))
    time.sleep(0.5)
    check(len(entries(alice)) == alice_count and not any("Hijacked" in t for t in entries(alice)), "alice sees nothing of it")

    # A mistake: the caret diagnostics go to its author alone.
    say(alice, "@aws ssm-incidents list-incident-recrods")
    typo = wait(lambda: [t for t in entries(alice, "private") if "recrods" in t and "^" in t])
    check(typo and "list-incident-records" in typo[0], "alice sees her typo's caret and suggestion", repr(entries(alice, "private")))
    time.sleep(0.3)
    check(not any("recrods" in t for t in entries(bob)), "bob does not")

    # Up brings back what you sent.
    box = named(alice, "Message", "textarea")
    box.send_keys(Keys.ARROW_UP)
    check(box.get_attribute("value") == "@aws ssm-incidents list-incident-recrods", "Up recalls alice's last message")
    box.clear()

    # Tab completes from the server's completer: a service, an operation, and
    # a live ARN (the incident alice started); several candidates are a listbox.
    box.send_keys("@aws ssm-inc")
    box.send_keys(Keys.TAB)
    check(wait(lambda: box.get_attribute("value") == "@aws ssm-incidents "), "Tab completes the service",
          repr(box.get_attribute("value")))
    box.send_keys("list-")
    box.send_keys(Keys.TAB)
    listbox = wait(lambda: next((e for e in alice.find_elements(By.CSS_SELECTOR, '[role="listbox"]') if e.is_displayed()), None))
    check(listbox is not None and listbox.accessible_name == "Completions", "several candidates are a listbox named Completions")
    options = [o.text for o in listbox.find_elements(By.CSS_SELECTOR, '[role="option"]')] if listbox else []
    check("list-incident-records" in options and "list-response-plans" in options, "it offers the list- operations", repr(options))
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    chosen = box.get_attribute("value")
    check(chosen.startswith("@aws ssm-incidents list-") and chosen.endswith(" ") and chosen != "@aws ssm-incidents list-",
          "Down and Enter put the next candidate in", repr(chosen))
    check(not listbox.is_displayed(), "and close the list")
    box.clear()
    box.send_keys("@aws ssm-incidents get-incident-record --arn ")
    box.send_keys(Keys.TAB)
    check(wait(lambda: "incident-record/" in box.get_attribute("value")), "Tab completes the ARN of the live incident",
          repr(box.get_attribute("value")))
    box.clear()

    # help: the synopsis, to the asker alone.
    alice_count = len(entries(alice))
    say(bob, "help ssm-incidents start-incident")
    helped = wait(lambda: [t for t in entries(bob, "private") if "--response-plan-arn" in t])
    check(helped, "help shows bob the operation's synopsis", repr(entries(bob, "private")[-1:]))
    time.sleep(0.3)
    check(len(entries(alice)) == alice_count, "alice sees nothing of bob's help", f"{len(entries(alice))} != {alice_count}")

    # A reload fetches the conversation again: every message once, in order.
    expected = [int(e.get_attribute("data-seq")) for e in log(bob).find_elements(By.CSS_SELECTOR, ".msg[data-seq]")]
    bob.refresh()
    wait(lambda: len(log(bob).find_elements(By.CSS_SELECTOR, ".msg[data-seq]")) >= len(expected))
    again = [int(e.get_attribute("data-seq")) for e in log(bob).find_elements(By.CSS_SELECTOR, ".msg[data-seq]")]
    check(again == expected and again == sorted(set(again)), "after a reload bob has every message once, in order", f"{expected} {again}")

    # The page fits a phone: nothing wider than the screen.
    check(bob.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), "the page fits a phone's width")
    alice.save_screenshot(f"{SHOTS}/web-channel.png")
    bob.save_screenshot(f"{SHOTS}/web-channel-phone.png")
    shots = [f"{SHOTS}/web-channel.png", f"{SHOTS}/web-channel-phone.png"]
    check(all(os.path.getsize(p) > 0 for p in shots), f"screenshots in {shots[0]} and {shots[1]}")
finally:
    alice.quit()
    bob.quit()
finish()
