"""Pages and activation codes leaving the machine, through `incident-chat serve`.

Usage: driver.py ENDPOINT RECORD MAILBOX KEY

The server's channel file sends SMS messages to the receiver's /ok/pager
(a signed webhook) and /always-fail/slack (a Slack webhook that answers
500), and EMAIL messages to a fake sendmail that appends to MAILBOX. With
boto3 this creates alice's channels, activates the SMS one with the code
the webhook received, starts an engagement, and checks what arrived and
what the page's receipts say.
"""
import hashlib
import hmac
import json
import sys
import time

import boto3
from botocore.config import Config

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/support")
from checks import check, finish  # noqa: E402

endpoint, record, mailbox, key = sys.argv[1:5]
key = open(key, "rb").read().rstrip(b"\n")
contacts = boto3.client("ssm-contacts", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDINCIDENTCHAT", aws_secret_access_key="incident-chat-local",
                        config=Config(retries={"max_attempts": 1}))


def requests(path_prefix):
    try:
        lines = open(record).read().splitlines()
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in lines if json.loads(line)["path"].startswith(path_prefix)]


def wait_for(condition, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def verified(request):
    expected = "v1=" + hmac.new(key, f"v1:{request['timestamp']}:".encode() + request["body"].encode(), hashlib.sha256).hexdigest()
    return request["signature"] is not None and hmac.compare_digest(expected, request["signature"])


alice = contacts.create_contact(Alias="alice", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
sms = contacts.create_contact_channel(ContactId=alice, Name="phone", Type="SMS",
                                      DeliveryAddress={"SimpleAddress": "+15555550100"})["ContactChannelArn"]
mail = contacts.create_contact_channel(ContactId=alice, Name="mail", Type="EMAIL",
                                       DeliveryAddress={"SimpleAddress": "alice@example.com"})["ContactChannelArn"]

# The activation code arrives through the webhook, signed; with it the channel activates.
check(wait_for(lambda: len(requests("/ok/pager")) == 1), "the SMS channel's activation code reached the webhook",
      f"{requests('/ok/pager')}")
code_request = requests("/ok/pager")[0]
body = json.loads(code_request["body"])
check(body["type"] == "ACTIVATION_CODE" and body["contactChannel"]["arn"] == sms, "it is the activation code of the SMS channel", f"{body}")
check(verified(code_request), "its HMAC-SHA256 signature verifies with the shared key", f"{code_request}")
forged = dict(code_request, body=code_request["body"].replace("ACTIVATION_CODE", "PAGE"))
check(not verified(forged), "a forged body does not verify")
contacts.activate_contact_channel(ContactChannelId=sms, ActivationCode=body["activationCode"])
check(True if contacts.get_contact_channel(ContactChannelId=sms)["ActivationStatus"] == "ACTIVATED" else False,
      "activate-contact-channel takes the code the webhook received")
# The e-mail channel's code went through sendmail.
check(wait_for(lambda: "alice@example.com" in open(mailbox).read() if __import__("os").path.exists(mailbox) else False),
      "the EMAIL channel's activation code went through sendmail -t")
mail_code = [l for l in open(mailbox).read().splitlines() if l.startswith("The activation code for alice@example.com is ")]
check(len(mail_code) == 1, "the mail says the code", open(mailbox).read()[:400])
contacts.activate_contact_channel(ContactChannelId=mail, ActivationCode=mail_code[0].rsplit(" ", 1)[1].rstrip("."))

contacts.update_contact(ContactId=alice, Plan={"Stages": [{"DurationInMinutes": 0, "Targets": [
    {"ChannelTargetInfo": {"ContactChannelId": sms}}, {"ChannelTargetInfo": {"ContactChannelId": mail}}]}]})
engagement = contacts.start_engagement(ContactId=alice, Sender="boto3", Subject="Orders <down>",
                                       Content="Checkout fails", IncidentId="arn:aws:ssm-incidents::111122223333:incident-record/orders/1")["EngagementArn"]
page = contacts.list_pages_by_engagement(EngagementId=engagement)["Pages"][0]["PageArn"]

check(wait_for(lambda: len(requests("/ok/pager")) == 2), "the page reached the webhook")
page_request = requests("/ok/pager")[-1]
body = json.loads(page_request["body"])
check(verified(page_request), "the page's signature verifies")
check(body["type"] == "PAGE" and body["pageArn"] == page and body["engagementArn"] == engagement, "the body has the page and its engagement", f"{body}")
check(body["incidentId"].endswith("incident-record/orders/1") and len(body["acceptCode"]) == 6, "and the incident and the accept code", f"{body}")
check(wait_for(lambda: "Subject: Orders <down>" in open(mailbox).read()), "the page went out as e-mail too")

def receipts():
    return [(r["ReceiptType"], r.get("ReceiptInfo", "")) for r in contacts.list_page_receipts(PageId=page)["Receipts"]]

# SENT (by the engine) for each channel, DELIVERED by the webhook and by
# sendmail, ERROR from the Slack webhook that answers 500 (after its retries).
check(wait_for(lambda: sorted(t for t, _ in receipts()) == ["DELIVERED", "DELIVERED", "ERROR", "SENT", "SENT"], 30),
      "the page's receipts say what each adapter did", f"{receipts()}")
error = [info for t, info in receipts() if t == "ERROR"]
check(error and "Slack webhook to 127.0.0.1" in error[0] and "HTTP 500" in error[0] and "/always-fail" not in error[0],
      "the ERROR receipt says why without the webhook's URL", f"{error}")
check(len(requests("/always-fail/slack")) == 2 * 2, "the failing Slack webhook was tried twice for each SMS message",
      f"{len(requests('/always-fail/slack'))} requests")
described = contacts.describe_page(PageId=page)
check("DeliveryTime" in described, "the page has a delivery time", f"{described}")
# Accepting with the code the webhook carried works.
contacts.accept_page(PageId=page, AcceptCode=body["acceptCode"], AcceptType="READ")
check(any(t == "READ" for t, _ in receipts()), "accept-page takes the code the webhook carried")
finish()
