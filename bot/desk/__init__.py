"""The worker desk: a small server-rendered web UI, served by the running Rasa server at /desk."""
