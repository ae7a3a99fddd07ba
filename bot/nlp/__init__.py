"""The project's own spaCy pipeline: a blank English model plus rules built from the knowledge files."""
