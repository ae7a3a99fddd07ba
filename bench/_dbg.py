import json
from bot.knowledge import load_knowledge, Question, search
from bot.entitlements import question_for
from bot.dialogue_names import TOPIC_OF_INTENT
k = load_knowledge()
for s in ['heldout', 'heldout2', 'heldout3']:
    d = json.load(open(f'var/eval/{s}.json'))['village']
    for m in d['answers_missed']:
        if m['intent'] != m['predicted'] or not m['answered']:
            continue
        q = question_for(k, m['text'], m['intent'], [], None)
        res = search(k, q, limit=6)
        print(f"[{s}] {m['text'][:110]}\n   want {m['expected']}  topics {q.topics}")
        print('   ', ', '.join(f"{r.entry.id}:{r.score:.1f}" for r in res))
        for e in m['expected']:
            en = k.entry(e)
            print('    exp', e, en.topics)
