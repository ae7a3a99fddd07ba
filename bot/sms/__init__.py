"""SMS: what a text conversation needs beyond Rasa's Twilio channel (segments, keywords, privacy, records)."""
