"""Notifying the on-call worker: a file line by default, an SMS through the real twilio client when set up."""

from __future__ import annotations

import base64
import dataclasses
import json

from bot.config import get_settings
from bot.notify import FileNotifier, SmsNotifier, get_notifier
from tests.fakes.twilio_api import FakeTwilioApi

SID = "AC" + "0" * 32


def twilio_settings(tmp_path, url):
    return dataclasses.replace(get_settings(), notifications_file=tmp_path / "n.log", twilio_account_sid=SID,
                               twilio_auth_token="secret-token", twilio_from_number="+447700900001",
                               oncall_number="+447700900002", twilio_api_base_url=url)


def test_without_twilio_settings_a_line_goes_to_the_file(tmp_path):
    notifier = get_notifier(dataclasses.replace(get_settings(), notifications_file=tmp_path / "n.log"))
    assert isinstance(notifier, FileNotifier)
    notifier.new_handoff("V-ABC234", "legal_advice", True)
    line = json.loads((tmp_path / "n.log").read_text())
    assert (line["reference"], line["reason"], line["urgent"]) == ("V-ABC234", "legal_advice", True)


def test_with_twilio_settings_the_on_call_worker_gets_a_text(tmp_path):
    with FakeTwilioApi() as api:
        notifier = get_notifier(twilio_settings(tmp_path, api.url))
        assert isinstance(notifier, SmsNotifier)
        notifier.new_handoff("V-ABC234", "advocacy", True)
    [sent] = api.sent
    assert sent["path"] == f"/2010-04-01/Accounts/{SID}/Messages.json"
    assert (sent["To"], sent["From"]) == ("+447700900002", "+447700900001")
    assert sent["Body"] == ("Village: new URGENT (crisis flagged) request V-ABC234 (advocacy). "
                            "Open the worker desk.")
    assert api.auth[0] == "Basic " + base64.b64encode(f"{SID}:secret-token".encode()).decode()
    assert "V-ABC234" in (tmp_path / "n.log").read_text()  # the file line is kept as well


def test_a_twilio_failure_loses_nothing(tmp_path):
    with FakeTwilioApi(fail=True) as api:
        get_notifier(twilio_settings(tmp_path, api.url)).new_handoff("V-ABC234", "human", False)
    assert len(api.sent) == 1
    assert "V-ABC234" in (tmp_path / "n.log").read_text()
