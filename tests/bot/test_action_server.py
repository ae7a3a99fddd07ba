"""`village actions`: rasa_sdk's own server and options, its safety classifier trained before it listens."""

from __future__ import annotations

import asyncio

import pytest

from bot import action_server, cli
from bot.knowledge import asked
from bot.safety import learned


def test_the_listener_trains_the_classifier_before_the_server_starts(monkeypatch):
    trained = []
    monkeypatch.setattr(learned, "classifier", lambda: trained.append(True))
    monkeypatch.setattr(asked, "asked_model", lambda knowledge: trained.append(len(knowledge.entries) > 0))
    registered = []

    class App:
        def register_listener(self, listener, event):
            registered.append((listener, event))

    action_server.WarmUp().attach_sanic_app_extensions(App())
    [(listener, event)] = registered
    assert event == "before_server_start"

    async def start():
        await listener(App(), asyncio.get_running_loop())

    asyncio.run(start())
    assert trained == [True, True]  # the safety classifier, then the search's model of the real entries


@pytest.mark.parametrize("argv, actions, port", [
    (["actions", "--port", "5077"], "actions", 5077),
    (["actions", "--actions", "actions", "--port", "5055"], "actions", 5055),
])
def test_village_actions_runs_rasa_sdk_with_its_own_options_and_the_warm_up(monkeypatch, argv, actions, port):
    import rasa_sdk.__main__
    from rasa_sdk.plugin import plugin_manager

    started = []
    monkeypatch.setattr(rasa_sdk.__main__, "main_from_args", started.append)
    assert cli.main(argv) == 0
    [args] = started
    assert (args.actions, args.port) == (actions, port)
    assert plugin_manager().is_registered(action_server.WARM_UP)
    assert cli.main(argv) == 0  # registered once, however often it is called


def test_an_unknown_option_is_refused_by_rasa_sdks_parser(capsys):
    with pytest.raises(SystemExit):
        cli.main(["actions", "--no-such-option"])
    assert "--no-such-option" in capsys.readouterr().err
