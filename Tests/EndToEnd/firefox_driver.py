"""The channel page in headless Firefox (see firefox.sh), driven over
Firefox's own remote protocol, Marionette, with Mozilla's client
(marionette_driver from PyPI): Debian has no geckodriver, so Selenium cannot
drive Firefox here. firefox.sh starts Firefox; this connects to its
Marionette port. alice signs in in Firefox; bob is a second client on the
channel's WebSocket (as web_socket.py speaks it), so that a message typed
elsewhere must arrive in the page live. Everything in the page is found as a
person finds it: by accessible name and role. Prints ok/FAIL lines.

Usage: firefox_driver.py ENDPOINT MARIONETTE_PORT SCREENSHOT_DIR
"""
import json
import os
import sys
import time
import urllib.request

import websocket
from marionette_driver.by import By
from marionette_driver.keys import Keys
from marionette_driver.marionette import Marionette

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, finish, wait  # noqa: E402

ENDPOINT, PORT, SHOTS = sys.argv[1], int(sys.argv[2]), sys.argv[3]
HOST = ENDPOINT.split("//", 1)[1]
NONCE = str(int(time.time() * 1000))


def named(name, tags="input,textarea,button"):
    """The visible control whose accessible name (Firefox's own computation) is `name`."""
    for element in firefox.find_elements(By.CSS_SELECTOR, tags):
        if element.is_displayed() and element.computed_label == name:
            return element
    return None


def log():
    return firefox.find_element(By.CSS_SELECTOR, '[role="log"]')


def entries(kind=None):
    selector = ".msg" + ("." + kind if kind else "")
    return [e.text for e in log().find_elements(By.CSS_SELECTOR, selector)]


def say(text):
    box = wait(lambda: named("Message", "textarea"))
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


# What Firefox's console service holds from the page: script errors, and the
# Content-Security-Policy's reports (category CSP). Read in the browser's own
# (chrome) context, which firefox.sh allows with -remote-allow-system-access.
CONSOLE = """
const out = [];
for (const m of Services.console.getMessageArray() || []) {
  if (!(m instanceof Ci.nsIScriptError) || m.isFromChromeContext) continue;
  const warning = (m.flags & Ci.nsIScriptError.warningFlag) || (m.flags & Ci.nsIScriptError.infoFlag);
  if (warning && !/CSP/i.test(m.category)) continue;
  out.push({category: m.category, message: m.errorMessage, source: m.sourceName, warning: !!warning});
}
return out;
"""


def console():
    with firefox.using_context(firefox.CONTEXT_CHROME):
        return firefox.execute_script(CONSOLE)


def shoot(path):
    with open(path, "wb") as out:
        firefox.save_screenshot(out, full=False)


# bob, a second client: signs in over HTTP and opens the channel's socket.
def http(path, body=None, headers=None):
    request = urllib.request.Request(ENDPOINT + path, data=None if body is None else json.dumps(body).encode(),
                                     headers=headers or {}, method="GET" if body is None else "POST")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read() or b"{}")


def cookie_value(headers, name):
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


def bob_socket():
    _, headers, form = http("/channel/session")
    pre = cookie_value(headers, "ic_csrf")
    status, headers, me = http("/channel/signin", {"name": "bob", "password": "bob-secret-22"},
                               {"Content-Type": "application/json", "X-CSRF-Token": form["csrf"], "Cookie": f"ic_csrf={pre}"})
    check(status == 200, "bob signs in over HTTP (the second client)", f"{status} {me}")
    url = f"ws://{HOST}/channel/socket?after=0&csrf={me.get('csrf', '')}"
    ws = websocket.create_connection(url, cookie=f"ic_session={cookie_value(headers, 'ic_session')}", origin=ENDPOINT, timeout=5)
    hello = json.loads(ws.recv())
    check(hello.get("type") == "hello" and hello.get("user") == "bob", "bob's socket says hello", str(hello))
    return ws


def frames_until(ws, predicate, seconds=5):
    end = time.time() + seconds
    while time.time() < end:
        try:
            frame = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            break
        if predicate(frame):
            return frame
    return None


firefox = Marionette(host="127.0.0.1", port=PORT, socket_timeout=30, startup_timeout=20)
bob = None
try:
    capabilities = firefox.start_session()
    check(capabilities.get("browserName") == "firefox" and capabilities.get("moz:headless"),
          f"a Marionette session with headless Firefox {capabilities.get('browserVersion')}", str(capabilities)[:300])
    firefox.timeout.script = 10
    firefox.set_window_rect(width=1200, height=900)
    with firefox.using_context(firefox.CONTEXT_CHROME):
        firefox.execute_script("Services.console.reset()")  # what Firefox said while starting is not the page's

    # Sign-in: a wrong password is refused with an alert, then alice gets in.
    firefox.navigate(ENDPOINT + "/")
    box = wait(lambda: named("Name"))
    check(box is not None and box.computed_role == "textbox", "the sign-in has a textbox named Name")
    # Firefox gives a password field no ARIA role (HTML-AAM maps
    # input type=password to none; Chromium calls it a textbox): its name and type are what can be checked.
    secret = named("Password")
    check(secret is not None and secret.get_attribute("type") == "password", "and a password field named Password")
    button = named("Sign in")
    check(button is not None and button.computed_role == "button", "and a button named Sign in")
    box.send_keys("alice")
    secret.send_keys("not-her-password")
    button.click()
    alert = wait(lambda: firefox.find_element(By.CSS_SELECTOR, '[role="alert"]').text)
    check(alert and "wrong" in alert, "a wrong password is refused", repr(alert))
    secret.clear()
    secret.send_keys("alice-secret-1")
    button.click()
    status = wait(lambda: "signed in as alice" in firefox.find_element(By.CSS_SELECTOR, '[role="status"]').text)
    check(status, "alice is signed in and connected")
    conversation = wait(lambda: log().is_displayed() and log())
    check(conversation and conversation.computed_role == "log" and conversation.computed_label == "Conversation",
          "the conversation appears, a log named Conversation")
    message = named("Message", "textarea")
    check(message is not None and message.computed_role == "textbox", "the message box is a textbox named Message")
    cookies = {c["name"]: c for c in firefox.get_cookies()}
    session = cookies.get("ic_session", {})
    check(session.get("httpOnly") and session.get("sameSite") == "Strict", "the session cookie is HttpOnly and SameSite=Strict", str(session))
    check(firefox.execute_script("return document.cookie.indexOf('ic_session') < 0"), "the page's script cannot read the session cookie")

    # Talking and commanding.
    bob = bob_socket()
    # A mark on the document (Marionette's scripts run in a sandbox; the DOM is shared): a reload loses it.
    firefox.execute_script("document.documentElement.setAttribute('data-kept', arguments[0])", script_args=[NONCE])
    say(f"Morning from Firefox {NONCE}")
    seen = wait(lambda: [t for t in entries("chat") if f"Morning from Firefox {NONCE}" in t])
    check(seen and "alice" in seen[0], "alice's message shows up in her log", repr(entries()[-2:]))
    heard = frames_until(bob, lambda f: f.get("type") == "message" and f"Morning from Firefox {NONCE}" in f.get("text", ""))
    check(heard and heard.get("author") == "alice", "and reaches bob's socket", str(heard))
    hostile = f'<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> {NONCE}'
    say(hostile)
    shown = wait(lambda: [t for t in entries("chat") if "<script>" in t and NONCE in t])
    check(shown and hostile in shown[0], "markup in a message is shown as the text typed", repr(shown))
    check(firefox.execute_script("return window.pwned === undefined", sandbox=None) and not log().find_elements(By.CSS_SELECTOR, "script, img"),
          "and nothing in it ran or made an element")

    say("@aws ssm-incidents list-response-plans")
    result = wait(lambda: [t for t in entries("result") if "web-db" in t])
    check(result and "response-plan/web-db" in result[0], "the result of @aws ssm-incidents list-response-plans appears", repr(entries()[-2:]))

    # Live: what bob sends on his socket arrives in alice's page, without a reload.
    bob.send(json.dumps({"type": "message", "text": f"bob on the socket {NONCE}"}))
    live = wait(lambda: [t for t in entries("chat") if f"bob on the socket {NONCE}" in t])
    check(live and "bob" in live[0], "bob's message arrives in Firefox live", repr(entries()[-2:]))
    check(firefox.execute_script("return document.documentElement.getAttribute('data-kept')") == NONCE, "without a reload")

    # An incident: the notification arrives and the panel draws its timeline (an SVG parsed and imported).
    say("@aws ssm-incidents start-incident --response-plan-arn arn:aws:ssm-incidents::111122223333:response-plan/web-db")
    started = wait(lambda: entries("notification"))
    check(started and "Database down" in started[0], "the incident-started notification appears", repr(entries()[-2:]))
    panel = wait(lambda: firefox.find_element(By.ID, "incident-title").text == "Database down")
    check(panel, "the panel shows the incident", firefox.find_element(By.ID, "incident-title").text)
    marks = wait(lambda: firefox.find_elements(By.CSS_SELECTOR, "#incident-timeline circle"))
    check(marks, "and its timeline as marks on an SVG axis")
    told = frames_until(bob, lambda f: f.get("type") == "message" and f.get("kind") == "notification")
    check(told and "Database down" in told.get("text", ""), "bob's socket gets the notification too", str(told)[:300])

    # Tab completes from the server's completer; Up recalls.
    box = named("Message", "textarea")
    box.send_keys("@aws ssm-inc")
    box.send_keys(Keys.TAB)
    check(wait(lambda: box.get_property("value") == "@aws ssm-incidents "), "Tab completes the service", repr(box.get_property("value")))
    box.send_keys("list-")
    box.send_keys(Keys.TAB)
    listbox = wait(lambda: next((e for e in firefox.find_elements(By.CSS_SELECTOR, '[role="listbox"]') if e.is_displayed()), None))
    options = [o.text for o in listbox.find_elements(By.CSS_SELECTOR, '[role="option"]')] if listbox else []
    check(listbox is not None and listbox.computed_label == "Completions" and "list-response-plans" in options,
          "several candidates are a listbox named Completions", repr(options))
    box.send_keys(Keys.ESCAPE)
    box.clear()
    box.send_keys(Keys.UP)
    check(wait(lambda: box.get_property("value").startswith("@aws ssm-incidents start-incident")), "Up recalls alice's last message",
          repr(box.get_property("value")))
    box.clear()

    # A reload fetches the conversation again: every message once, in order.
    seqs = "return [...document.querySelectorAll('[role=log] .msg[data-seq]')].map((e) => Number(e.dataset.seq))"
    expected = firefox.execute_script(seqs)
    firefox.refresh()
    again = wait(lambda: (lambda got: len(got) >= len(expected) and got)(firefox.execute_script(seqs)))
    check(expected and again == expected and again == sorted(set(again)), "after a reload alice has every message once, in order",
          f"{expected} {again}")
    check(wait(lambda: "signed in as alice" in firefox.find_element(By.CSS_SELECTOR, '[role="status"]').text),
          "and is still signed in")
    wait(lambda: firefox.find_element(By.ID, "incident-title").text == "Database down")
    shoot(f"{SHOTS}/web-channel-firefox.png")

    # A phone's width: the page fits, the message box and Send are on the screen.
    # Firefox's own window (browser.xhtml) has min-width: 500px in its style;
    # without it the window, and so the page, is 390 CSS pixels wide, as
    # Chromium's --window-size=390 makes it in web_driver.py.
    # The new style reaches the window's size constraints only after a
    # reflow, so the size is asked for again until it is had.
    with firefox.using_context(firefox.CONTEXT_CHROME):
        firefox.execute_script("document.documentElement.style.minWidth = '0px'; document.documentElement.getBoundingClientRect();")

    def phone():
        if firefox.window_rect["width"] != 390:
            firefox.set_window_rect(width=390, height=844)
        width = firefox.execute_script("return window.innerWidth")
        return 380 <= width <= 400 and width

    inner = wait(phone)
    check(inner, "the window is a phone's width", str(firefox.execute_script("return window.innerWidth")))
    check(firefox.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"),
          "the page fits a phone's width", str(firefox.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")))
    box = named("Message", "textarea")
    fits = """const r = arguments[0].getBoundingClientRect();
      return r.width > 100 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;"""
    check(box is not None and firefox.execute_script(fits, script_args=[box]), "the message box is visible and within the screen",
          str(box.rect if box else None))
    send = named("Send", "button")
    check(send is not None and firefox.execute_script(fits.replace("r.width > 100", "r.width > 0"), script_args=[send]),
          "and so is Send")
    check(firefox.execute_script("const c = document.getElementById('conversation'); return c.scrollWidth <= c.clientWidth"),
          "the conversation does not overflow sideways")
    shoot(f"{SHOTS}/web-channel-firefox-phone.png")
    shots = [f"{SHOTS}/web-channel-firefox.png", f"{SHOTS}/web-channel-firefox-phone.png"]
    check(all(os.path.getsize(p) > 1000 for p in shots), f"screenshots in {shots[0]} and {shots[1]}")

    # The console: nothing from the page. That the console is seen at all is
    # shown first with a violation made on purpose (an image from elsewhere).
    errors = console()
    check(not errors, "no script error or CSP report in Firefox's console", json.dumps(errors)[:1500])
    firefox.execute_script("const i = new Image(); i.src = 'http://192.0.2.1/canary.png'; i.id = 'canary'; document.body.append(i);")
    canary = wait(lambda: [e for e in console() if "CSP" in e["category"] and "canary" in json.dumps(e)], seconds=5)
    check(canary, "(an image from another site is reported as a CSP violation, so the console is read)", json.dumps(console())[:800])
finally:
    if bob is not None:
        bob.close()
    try:
        firefox.delete_session()
    except Exception:
        pass
finish()
