"""`village actions`: the action server, as `rasa run actions` starts it, ready before it says so.

`rasa run actions` trained nothing at start: the safety check's classifier (`bot.safety.learned`, behind the
caution line on ordinary answers) was trained inside the first turn that needed it, so the first parent
after a start waited about six seconds more than the rest (`make bench`, docs/performance.md). This starts
the same server with the same arguments, parser, logging and Sanic app (rasa_sdk's own `main_from_args`, as
`rasa run actions` calls it), and adds, through rasa_sdk's plugin hook, a listener that trains the
classifier, and the knowledge search's learned part, before the server listens: its health check answers only
once a turn will be answered at speed.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import pluggy

logger = logging.getLogger(__name__)
hookimpl = pluggy.HookimplMarker("rasa_sdk")
DEFAULT_ACTIONS = "actions"


async def train_classifier(app: Any, loop: Any) -> None:
    from bot.safety.learned import classifier

    started = time.perf_counter()
    await loop.run_in_executor(None, classifier)
    logger.info("Safety classifier trained in %.1f s, before the action server listens.",
                time.perf_counter() - started)
    started = time.perf_counter()
    if await loop.run_in_executor(None, _train_search):
        logger.info("Knowledge search's model of what parents asked trained in %.1f s.",
                    time.perf_counter() - started)


def _train_search() -> bool:
    """The search's learned part (bot.knowledge.asked), for the knowledge files as they are now. Broken files
    are reported when a turn first reads them, as without this; the server still starts."""
    from bot.knowledge import KnowledgeError, current_knowledge
    from bot.knowledge.asked import asked_model

    try:
        asked_model(current_knowledge())
    except KnowledgeError:
        return False
    return True


class WarmUp:
    @hookimpl
    def attach_sanic_app_extensions(self, app: Any) -> None:
        app.register_listener(train_classifier, "before_server_start")


WARM_UP = WarmUp()


def main(argv: list[str]) -> int:
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser
    from rasa_sdk.plugin import plugin_manager

    args = create_argument_parser().parse_args(argv)
    args.actions = args.actions or DEFAULT_ACTIONS
    manager = plugin_manager()
    if not manager.is_registered(WARM_UP):
        manager.register(WARM_UP)
    main_from_args(args)
    return 0
