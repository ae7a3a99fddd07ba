"""The knowledge base: typed schema, a checked and cached loader, and search."""

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.problems import KnowledgeError, Problem
from bot.knowledge.search import Match, Question, search

__all__ = ["Knowledge", "KnowledgeError", "Match", "Problem", "Question", "load_knowledge", "search"]
