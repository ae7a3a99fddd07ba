"""Thin rasa-sdk actions, one module per feature; the logic lives in the `bot` package."""
