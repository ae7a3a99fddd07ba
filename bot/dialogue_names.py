"""Every intent, slot, entity, action and response name that Python code uses; a test checks domain.yml."""

from __future__ import annotations

# The SMS channel's name: Rasa's input channel, the domain's `channel:` variants, handoffs.channel.
SMS_CHANNEL = "twilio"

# intents
GREET = "greet"
GOODBYE = "goodbye"
THANKS = "thanks"
BOT_CHALLENGE = "bot_challenge"
AFFIRM = "affirm"
DENY = "deny"
ASK_MORE = "ask_more"
OUT_OF_SCOPE = "out_of_scope"
NLU_FALLBACK = "nlu_fallback"
ASK_ENTITLEMENTS = "ask_entitlements"
CRISIS = "crisis"
ASK_WHO_TO_CALL = "ask_who_to_call"
INFORM_AREA = "inform_area"
CHOOSE_CONTACT = "choose_contact"
# Each handoff intent and the reason the worker sees.
REASON_OF_INTENT: dict[str, str] = {
    "request_advocacy": "advocacy",
    "request_legal_advice": "legal_advice",
    "request_human": "human",
    "complaint": "complaint",
}

# Each entitlement intent asks about one topic of knowledge/topics.yml.
TOPIC_OF_INTENT: dict[str, str] = {
    ASK_ENTITLEMENTS: "entitlements",
    "ask_housing": "housing",
    "ask_money": "money",
    "ask_childcare_work": "childcare_work",
    "ask_breaks": "breaks",
    "ask_parenting_skills": "parenting_skills",
    "ask_peer_support": "peer_support",
    "ask_mental_health": "mental_health",
    "ask_fairness": "fairness",
    "ask_child_removed": "child_removed",
    "ask_fathers": "fathers",
    "ask_eligibility": "eligibility",
    "ask_preparing": "preparing",
}
INTENT_OF_TOPIC: dict[str, str] = {topic: intent for intent, topic in TOPIC_OF_INTENT.items()}
# Topics parents reach without an intent of their own: by the topic words in a general question, and these.
TOPICS_WITHOUT_INTENT: dict[str, str] = {
    "advocacy_legal": "the handoff intents (request_advocacy, request_legal_advice)",
    "night_help": "ask_who_to_call",
    "health": "ask_who_to_call and the crisis rules",
}

# entities (labels of the project's spaCy entity ruler)
ENTITY_TOPIC = "topic"
ENTITY_COUNCIL = "council"
ENTITY_POSTCODE = "postcode"
ENTITY_TIME = "time"
ENTITY_CRISIS_KIND = "crisis_kind"  # set by the safety rules, not the entity ruler
ENTITY_CONTACT_PREFERENCE = "contact_preference"  # from the contact buttons
ENTITIES = (ENTITY_TOPIC, ENTITY_COUNCIL, ENTITY_POSTCODE, ENTITY_TIME, ENTITY_CRISIS_KIND,
            ENTITY_CONTACT_PREFERENCE)

# slots
SLOT_LAST_ENTRIES = "last_entries"
SLOT_COUNCIL = "council"
SLOT_CRISIS_KIND = "crisis_kind"
SLOT_HANDOFF_REASON = "handoff_reason"
SLOT_HANDOFF_CONSENT = "handoff_consent"
SLOT_CONTACT_PREFERENCE = "contact_preference"

# forms
FORM_LOCAL_AREA = "local_area_form"
FORM_HANDOFF = "handoff_form"
COUNCIL_UNKNOWN = "unknown"  # the parent skipped the question, or named a place the bot doesn't know

# custom actions
ACTION_ANSWER_ENTITLEMENT = "action_answer_entitlement"
ACTION_MORE_DETAILS = "action_more_details"
ACTION_BEST_GUESS = "action_best_guess"
ACTION_WHO_TO_CALL = "action_who_to_call"
ACTION_LOCAL_SERVICES = "action_local_services"
ACTION_VALIDATE_LOCAL_AREA = "validate_local_area_form"
ACTION_FLAG_CRISIS = "action_flag_crisis"
ACTION_ANSWER_AFTER_CRISIS = "action_answer_after_crisis"
ACTION_CAUTION = "action_caution"
ACTION_EXPLAIN_HANDOFF = "action_explain_handoff"
ACTION_VALIDATE_HANDOFF = "validate_handoff_form"
ACTION_CREATE_HANDOFF = "action_create_handoff"

# responses
UTTER_GREET = "utter_greet"
UTTER_GOODBYE = "utter_goodbye"
UTTER_YOURE_WELCOME = "utter_youre_welcome"
UTTER_IAMABOT = "utter_iamabot"
UTTER_CANNOT_HELP = "utter_cannot_help"
UTTER_ANYTHING_ELSE = "utter_anything_else"
UTTER_CRISIS = "utter_crisis"
UTTER_ASK_COUNCIL = "utter_ask_council"
UTTER_ASK_HANDOFF_CONSENT = "utter_ask_handoff_consent"
UTTER_ASK_CONTACT_PREFERENCE = "utter_ask_contact_preference"
