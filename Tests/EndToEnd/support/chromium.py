"""Shared by the Chromium drivers (web_driver.py, web_channels.py): a headless
browser, and controls found as a person finds them, by role and accessible name."""
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from checks import wait


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(10)
    return driver


def named(driver, name, tags="input,textarea,button"):
    """The visible control whose accessible name is `name`."""
    for element in driver.find_elements(By.CSS_SELECTOR, tags):
        if element.is_displayed() and element.accessible_name == name:
            return element
    return None


def log(driver):
    return driver.find_element(By.CSS_SELECTOR, '[role="log"]')


def entries(driver, kind=None):
    selector = ".msg" + ("." + kind if kind else "")
    return [e.text for e in log(driver).find_elements(By.CSS_SELECTOR, selector)]


def say(driver, text):
    box = wait(lambda: named(driver, "Message", "textarea"))
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
