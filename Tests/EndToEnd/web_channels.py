"""A server with two channel files (see web.sh): `/` lists the channels,
each is a page of its own with its own sign-in and conversation.
Prints ok/FAIL lines.

Usage: web_channels.py ENDPOINT SCREENSHOT_DIR
"""
import os
import sys

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, finish, wait  # noqa: E402
from chromium import browser, entries, named, say  # noqa: E402

ENDPOINT, SHOTS = sys.argv[1], sys.argv[2]

dana = browser(1000, 700)
try:
    dana.get(ENDPOINT + "/")
    links = wait(lambda: dana.find_elements(By.CSS_SELECTOR, '[aria-label="Channels"] a'))
    names = [link.accessible_name for link in links or []]
    check(names == ["slack:acme/#web-ops", "slack:acme/#data-team"], "/ lists both channels by name", names)
    dana.save_screenshot(os.path.join(SHOTS, "web-channels.png"))

    # The second channel: picked from the list, signed in with a name alone (loopback, no members).
    next(link for link in links if link.accessible_name.endswith("#data-team")).click()
    box = wait(lambda: named(dana, "Name"))
    check(dana.current_url == ENDPOINT + "/c/data-team/", "its link opens the channel's page", dana.current_url)
    check(box is not None and named(dana, "Password") is None, "data-team asks only for a name")
    box.send_keys("dana")
    named(dana, "Sign in").click()
    status = wait(lambda: "signed in as dana" in dana.find_element(By.CSS_SELECTOR, '[role="status"]').text)
    check(status, "dana is in data-team, live")
    say(dana, "the warehouse load is late")
    seen = wait(lambda: any("the warehouse load is late" in t for t in entries(dana, "chat")))
    check(seen, "dana's message is in data-team's conversation", entries(dana))
    title = wait(lambda: dana.find_element(By.ID, "channel-name").text)
    check(title == "slack:acme/#data-team", "the page names its channel", title)

    # The first channel is another room: dana is not signed in there, and it asks for a password.
    dana.get(ENDPOINT + "/c/web-ops/")
    box = wait(lambda: named(dana, "Name"))
    check(box is not None and named(dana, "Password") is not None, "web-ops has its own sign-in, with a password")
    dana.get(ENDPOINT + "/c/data-team")
    again = wait(lambda: any("the warehouse load is late" in t for t in entries(dana, "chat")))
    check(again and dana.current_url == ENDPOINT + "/c/data-team/", "/c/data-team goes to the page, still signed in, with its history")
finally:
    dana.quit()
finish()
