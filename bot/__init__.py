"""Village: domain code for a support bot for care-experienced parents, importable without Rasa."""
