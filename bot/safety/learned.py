"""A second opinion on danger: a small classifier for crises worded in ways the rules don't know.

The rules (`patterns.py`) catch about half of danger messages written by people who never saw them (the blind
safety sets, docs/performance.md). This classifier learns from the examples in `examples/`, each file by a
separate author who saw none of the test sets, in young parents' own styles, with as many safe messages
that share the same words, and from the intents' training examples (data/nlu): every ordinary question is a
safe message, every `crisis` example a dangerous one. It is character and word n-grams into a logistic
regression, trained in a few seconds from the YAML files the first time it is asked (never at import) and
saved as plain arrays in the cache directory (var/cache/safety/, named by a fingerprint of what it was trained
from), so the next process to start reads it in a fraction of a second; nothing downloaded, nothing pickled.
Which kind of crisis is learned from the examples alone.

It only ever adds crises: a message the rules flag stays flagged. It reads a message without the idioms the
rules know, so "could kill for a pizza" is never a crisis, but "the fire alarm is going" does not hide the
smoke under the door in the same message. Two thresholds: at THRESHOLD the parent gets the crisis answer
(and after it the answer to anything else they asked), set by `python -m bench.crisis_threshold`'s rule on
what may be tuned on, never the blind sets: the lowest at which, out of fold, at most one everyday training
message in 200 and no near miss of the regression sets is flagged. At CAUTION_THRESHOLD the usual answer
starts with 999 and Samaritans (`bot.safety.caution`); for an answer to a question about a topic, at
QUESTION_CAUTION_THRESHOLD, set by `python -m bench.caution_threshold`'s rule: the lowest at which at most one
topic question in 20 of the read held-out sets gets that line.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot.nlp.ngrams import LinearModel

log = logging.getLogger(__name__)

EXAMPLES = Path(__file__).resolve().parent / "examples"
NLU = Path(__file__).resolve().parents[2] / "data" / "nlu"
KINDS = ("baby_emergency", "danger", "domestic_abuse", "harm_to_baby", "maternal_emergency", "self_harm")
THRESHOLD = 0.8  # probability of a crisis at which the parent gets the crisis answer (crisis_threshold)
CAUTION_THRESHOLD = 0.5  # ... at which the usual answer starts with 999 and Samaritans
QUESTION_CAUTION_THRESHOLD = 0.25  # ... and an answer to a question about a topic does (caution_threshold)


class ExamplesError(ValueError):
    """An examples file an editor broke: file, entry and field are in the message."""


@dataclass(frozen=True)
class Guess:
    kind: str
    probability: float


def _read_yaml(path: Path) -> Any:
    """yaml.safe_load's result, parsed by libyaml when PyYAML has it: about ten times faster on the thousands
    of examples both servers read as they start."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_examples(directory: Path = EXAMPLES) -> list[dict]:
    messages: list[dict] = []
    for path in sorted(directory.glob("*.yml")):
        try:
            entries = (_read_yaml(path) or {}).get("messages")
        except yaml.YAMLError as error:
            raise ExamplesError(f"{path.name}: not valid YAML: {error}") from None
        if not isinstance(entries, list):
            raise ExamplesError(f"{path.name}: needs a list under `messages:`")
        for number, entry in enumerate(entries, 1):
            where = f"{path.name}: message {number}"
            text = entry.get("text") if isinstance(entry, dict) else None
            if not isinstance(text, str) or not text.strip():
                raise ExamplesError(f"{where}: text: must be a non-empty string")
            if not isinstance(entry.get("crisis"), bool):
                raise ExamplesError(f"{where}: crisis: must be true or false")
            if entry["crisis"] and entry.get("kind") not in KINDS:
                raise ExamplesError(f"{where}: kind: must be one of {', '.join(KINDS)}")
            if not entry["crisis"] and "kind" in entry:
                raise ExamplesError(f"{where}: kind: only a crisis has a kind")
            messages.append(entry)
    return messages


def intent_examples(directory: Path = NLU) -> list[dict]:
    """The intents' training examples as {text, crisis, intent}; "[Barnet](council)" is read as "Barnet"."""
    messages = []
    for path in sorted(directory.glob("*.yml")):
        for block in (_read_yaml(path) or {}).get("nlu") or []:
            if not block.get("intent"):
                continue
            for line in str(block.get("examples", "")).splitlines():
                text = re.sub(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})", r"\1", line.strip().removeprefix("- "))
                if text.strip():
                    intent = block["intent"]
                    messages.append({"text": text, "crisis": intent == "crisis", "intent": intent})
    return messages


def _features(words: tuple[int, int] = (1, 2), chars: tuple[int, int] | None = (2, 5)) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    from bot.safety.detector import normalise

    parts = [("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=chars, min_df=2, sublinear_tf=True,
                                       preprocessor=normalise))] if chars else []
    return FeatureUnion([
        *parts,
        ("words", TfidfVectorizer(analyzer="word", ngram_range=words, min_df=1, sublinear_tf=True,
                                  preprocessor=normalise, token_pattern=r"[a-z0-9]+")),
    ])


def pipeline(c: float = 10.0, words: tuple[int, int] = (1, 2), chars: tuple[int, int] | None = (2, 5),
             solver: str = "lbfgs") -> Any:
    """N-gram TF-IDF into a balanced logistic regression: the shipped model with the defaults
    (`bench.crisis_models` compares other settings)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver=solver)
    return make_pipeline(_features(words, chars), model)


def train_models(messages: list[dict]) -> tuple[Any, Any]:
    """(is it a crisis, which kind) pipelines; messages without a kind teach only the first."""
    texts = [m["text"] for m in messages]
    crisis = pipeline()
    crisis.fit(texts, [m["crisis"] for m in messages])
    dangers = [m for m in messages if m["crisis"] and m.get("kind")]
    # Which kind: one-vs-rest (liblinear), not one multinomial fit (lbfgs). Both servers train it as they
    # start, and with the tenth session's examples the multinomial fit took 6-8 s of each one's start-up;
    # one-vs-rest takes about 1 s and, out of fold on the examples (5 folds), names the kind of 91.3% of
    # crises against 91.0%.
    kind = pipeline(solver="liblinear")
    kind.fit([m["text"] for m in dangers], [m["kind"] for m in dangers])
    return crisis, kind


def of_pipeline(fitted: Any) -> LinearModel:
    """A fitted `pipeline()`'s own numbers: its vectorisers and its regression."""
    union, regression = fitted[0], fitted[-1]
    return LinearModel.of([vectoriser for _, vectoriser in union.transformer_list], regression)


def _load(directory: Path, name: str) -> LinearModel:
    vectorisers = [vectoriser for _, vectoriser in _features().transformer_list]
    return LinearModel.load_arrays(directory / f"{name}.npz", directory / f"{name}.json", vectorisers)


class CrisisClassifier:
    """Is a message a crisis (`probability`), and if so which kind (`guess`): two linear models over n-grams,
    fitted by `fit` or read back from the arrays `save` wrote."""

    def __init__(self, crisis: LinearModel, kind: LinearModel, threshold: float = THRESHOLD) -> None:
        if crisis.classes != ["False", "True"]:  # one row of weights, for True
            raise ValueError(f"the crisis model's classes are {crisis.classes}, not [False, True]")
        self.crisis, self.kind, self.threshold = crisis, kind, threshold

    @classmethod
    def fit(cls, messages: list[dict], threshold: float = THRESHOLD) -> CrisisClassifier:
        crisis, kind = train_models(messages)
        return cls(of_pipeline(crisis), of_pipeline(kind), threshold)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for name, model in (("crisis", self.crisis), ("kind", self.kind)):
            model.save_arrays(directory / f"{name}.npz", directory / f"{name}.json")

    @classmethod
    def load(cls, directory: Path, threshold: float = THRESHOLD) -> CrisisClassifier:
        return cls(_load(directory, "crisis"), _load(directory, "kind"), threshold)

    def probability(self, text: str) -> float:
        return float(1.0 / (1.0 + np.exp(-self.crisis.scores(text)[0])))

    def guess(self, text: str) -> Guess | None:
        """The most likely kind of crisis, if the message is more likely than the threshold to be one."""
        if not text.strip():
            return None
        probability = self.probability(text)
        if probability < self.threshold:
            return None
        return Guess(self.kind.predict(text), probability)


def training_messages() -> list[dict]:
    return load_examples(EXAMPLES) + intent_examples(NLU)


# What the fitted models depend on besides the packages: the examples, the intents' examples and this code.
CODE = [Path(__file__), Path(__file__).with_name("detector.py"),
        Path(__file__).resolve().parents[1] / "nlp" / "ngrams.py"]


def fingerprint(examples: Path | None = None, nlu: Path | None = None) -> str:
    """SHA-256 of everything training reads and the code and packages it runs: the name of saved models."""
    import sklearn

    examples, nlu = examples or EXAMPLES, nlu or NLU
    digest = hashlib.sha256(f"sklearn {sklearn.__version__} numpy {np.__version__}\n".encode())
    for path in [*sorted(examples.glob("*.yml")), *sorted(nlu.glob("*.yml")), *CODE]:
        content = path.read_bytes()
        digest.update(f"{path.name} {len(content)}\n".encode())
        digest.update(content)
    return digest.hexdigest()


def prepared(cache: Path) -> CrisisClassifier:
    """The classifier for the training data as it is now: read from `cache/<fingerprint>` when a process has
    saved it there, else trained and saved for the next process. Saving is best effort (a read-only disk only
    costs the next start its training), and a model that another process is still writing is never read."""
    directory = cache / fingerprint()
    started = time.perf_counter()
    if directory.is_dir():
        try:
            model = CrisisClassifier.load(directory)
        except (OSError, ValueError, KeyError) as error:
            log.warning("The saved safety classifier in %s could not be read (%s): training it again",
                        directory, error)
            shutil.rmtree(directory, ignore_errors=True)  # so this process can save a good one in its place
        else:
            log.info("Safety classifier read from %s in %.1f s.", directory, time.perf_counter() - started)
            return model
    model = CrisisClassifier.fit(training_messages())
    log.info("Safety classifier trained in %.1f s.", time.perf_counter() - started)
    _save(model, cache, directory.name)
    return model


def _save(model: CrisisClassifier, cache: Path, name: str) -> None:
    """Written beside its final name, then renamed, so no process reads half a model; older models go."""
    partial = cache / f"{name}.{os.getpid()}.partial"
    try:
        shutil.rmtree(partial, ignore_errors=True)
        model.save(partial)
        partial.rename(cache / name)
    except OSError as error:  # another process saved it first, or the disk is read-only
        shutil.rmtree(partial, ignore_errors=True)
        if not (cache / name).is_dir():
            log.warning("The safety classifier could not be saved in %s: %s", cache, error)
        return
    for older in cache.iterdir():
        if older.name != name and re.fullmatch(r"[0-9a-f]{64}", older.name):
            shutil.rmtree(older, ignore_errors=True)


@lru_cache(maxsize=1)
def classifier() -> CrisisClassifier:
    from bot.config import get_settings

    return prepared(get_settings().cache_dir / "safety")
