"""The services directory: who a parent can contact, which of them are open now, and what to say."""
