"""Custom Rasa channels: the REST channel with the handoff guard, and the worker desk."""
