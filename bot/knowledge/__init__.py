"""The knowledge base: typed schema, a checked and cached loader, and search."""

from bot.knowledge.loader import current_knowledge, load_knowledge
from bot.knowledge.model import Knowledge, cited
from bot.knowledge.problems import KnowledgeError, Problem
from bot.knowledge.search import Match, Question, search

__all__ = ["Knowledge", "KnowledgeError", "Match", "Problem", "Question", "cited", "current_knowledge",
           "load_knowledge", "search"]
