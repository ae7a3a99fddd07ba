"""The plain baseline the bot is compared with: TF-IDF over the same training examples and knowledge.

- intents: TF-IDF (words and character n-grams) + a linear classifier, trained on data/nlu/*.yml;
- answers: TF-IDF retrieval of the best knowledge entry (title, summary, details, topic words).

Used by bench/eval_heldout.py; run alone: .venv/bin/python -m bench.baseline_tfidf "can i get a grant"
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC

from bot.config import PROJECT_ROOT
from bot.knowledge import Knowledge

EXAMPLE = re.compile(r"^\s*-\s+(.*)$")
ENTITY = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")


def training_examples(data: Path = PROJECT_ROOT / "data" / "nlu") -> tuple[list[str], list[str]]:
    texts, intents = [], []
    for path in sorted(data.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:
                continue
            for line in str(block.get("examples", "")).splitlines():
                match = EXAMPLE.match(line)
                if match:
                    texts.append(ENTITY.sub(lambda m: m.group(1) or m.group(2), match.group(1)))
                    intents.append(block["intent"])
    return texts, intents


def _vectoriser() -> object:
    return make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                      TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))


@dataclass
class Baseline:
    intent_model: object
    entry_ids: list[str]
    entry_vectoriser: object
    entry_matrix: object

    @classmethod
    def train(cls, knowledge: Knowledge) -> Baseline:
        texts, intents = training_examples()
        intent_model = make_pipeline(_vectoriser(), LinearSVC())
        intent_model.fit(texts, intents)
        documents = []
        for entry in knowledge.entries:
            words = [w for t in entry.topics if knowledge.topic(t) for w in knowledge.topic(t).words]
            documents.append(" ".join([entry.title, entry.summary, entry.details, *words]))
        vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
        matrix = vectoriser.fit_transform(documents)
        return cls(intent_model, [e.id for e in knowledge.entries], vectoriser, matrix)

    def intent(self, text: str) -> str:
        return str(self.intent_model.predict([text])[0])

    def best_entry(self, text: str) -> str:
        scores = (self.entry_matrix @ self.entry_vectoriser.transform([text]).T).toarray().ravel()
        return self.entry_ids[int(scores.argmax())]


if __name__ == "__main__":
    from bot.knowledge import load_knowledge

    baseline = Baseline.train(load_knowledge())
    for question in sys.argv[1:]:
        print(f"{question!r}: intent {baseline.intent(question)}, entry {baseline.best_entry(question)}")
