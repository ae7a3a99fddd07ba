"""Build, save and load the spaCy pipeline Rasa's SpacyNLP points at; nothing is downloaded."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from bot.knowledge import Knowledge
from bot.nlp.patterns import build_patterns

PIPELINE_NAME = "village_en"


def build_pipeline(knowledge: Knowledge) -> Language:
    nlp = spacy.blank("en")
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["description"] = "Village's rule-based pipeline, generated from knowledge/*.yml"
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})

    def tokenise(text: str) -> list[str]:
        return [token.text for token in nlp.make_doc(text)]

    ruler.add_patterns(build_patterns(knowledge, tokenise))
    return nlp


def save_pipeline(knowledge: Knowledge, out: Path) -> Path:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    build_pipeline(knowledge).to_disk(out)
    return out


def load_pipeline(path: Path) -> Language:
    return spacy.load(path)
