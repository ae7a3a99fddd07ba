"""Handing a conversation to a human worker: the request, its thread, claiming, replying and closing."""
