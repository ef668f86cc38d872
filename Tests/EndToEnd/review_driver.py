"""A review's HTML in headless Chromium (see review.sh): the page loads from
a file with nothing fetched, its picture is drawn (a screenshot of the SVG
has enough pixels that are not the background), its marks have hover
labels, and markup from an event is shown as text, never run.

Usage: review_driver.py REVIEW.html SCREENSHOT.png [EXPECTED-TEXT]
"""
import os
import struct
import sys
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, finish  # noqa: E402

PAGE, SHOT = sys.argv[1], sys.argv[2]
EXPECTED = sys.argv[3] if len(sys.argv) > 3 else None


def pixels(png):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    i, data, width, height, channels = 8, b"", 0, 0, 0
    while i < len(png):
        length, kind = struct.unpack(">I4s", png[i:i + 8])
        body = png[i + 8:i + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            data += body
        i += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,1400"):
    options.add_argument(arg)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get("file://" + os.path.abspath(PAGE))
    check(driver.title.startswith("Review: "), "the page has the review's title", driver.title)
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    check(fetched == [], "nothing is fetched: the file is self-contained", repr(fetched))
    picture = driver.find_elements(By.CSS_SELECTOR, "svg#timeline-picture")
    check(len(picture) == 1, "the page holds the timeline picture")
    if picture:
        svg = picture[0]
        box = svg.rect
        check(box["width"] > 300 and box["height"] > 80, "the picture has a size on the page", repr(box))
        png = svg.screenshot_as_png
        with open(SHOT, "wb") as f:
            f.write(png)
        width, height, rows = pixels(png)
        background = rows[0][0]
        painted = sum(1 for row in rows for p in row if max(abs(p[k] - background[k]) for k in range(3)) > 24)
        share = painted / float(width * height)
        check(share > 0.02, f"the screenshot of the picture is not empty ({painted} of {width}x{height} pixels drawn)")
        marks = svg.find_elements(By.CSS_SELECTOR, "circle.event")
        check(len(marks) >= 2, "events are drawn as marks", str(len(marks)))
        titled = driver.execute_script(
            "return [...arguments[0].querySelectorAll('circle.event')].every(c => "
            "(c.querySelector('title') || c.parentNode.querySelector('title')) !== null)", svg)
        check(titled, "every mark has a hover label")
        check(len(svg.find_elements(By.CSS_SELECTOR, "rect.band")) >= 2, "impact and status are drawn as bands")
        check(len(svg.find_elements(By.CSS_SELECTOR, "g.legend text")) >= 5, "the picture has a legend")
    check(driver.execute_script("return window.reviewInjected === undefined"), "no script from an event ran")
    check(len(driver.find_elements(By.CSS_SELECTOR, "body img, body script")) == 0, "no element came from an event's markup")
    if EXPECTED:
        body = driver.find_element(By.TAG_NAME, "body").text
        check(EXPECTED in body, "an event's markup is shown as its characters", EXPECTED)
    answers = driver.find_elements(By.CSS_SELECTOR, ".answer")
    check(len(answers) >= 4 and all(a.text == "" for a in answers), "the questions' answers are left blank")
finally:
    driver.quit()
finish()
