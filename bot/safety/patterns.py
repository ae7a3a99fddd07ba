"""Crisis phrasings as compact token patterns, compiled for spaCy's Matcher.

A pattern is space-separated tokens; `a|b` is either word, a trailing `?` makes a token optional, and `*`
is up to four tokens of anything. Text is lower-cased and apostrophes removed first ("don't" -> "dont").
"""

from __future__ import annotations

WHO = ("he|she|they|hes|shes|theyre|partner|boyfriend|bf|girlfriend|gf|husband|wife|ex|dad|someone|somebody"
       "|man")
BABY = ("baby|babys|son|sons|daughter|daughters|child|childs|kid|kids|newborn|toddler|lo|one|bubba"
        "|he|she|hes|shes")
SELF = "myself|meself|mysel|myslf"

SELF_HARM = [
    f"kill|killing|kil|hurt|hurting|harm|harming|cut|cutting|end|ending|unalive {SELF}",
    "kms",
    "kill|killing|hurt|hurting|harm|harming|cut|cutting my self",
    "unalive",
    "self harm|harming",
    "selfharm|selfharming",
    "suicide|suicidal|sucidal|suicdal",
    "end|ending my life",
    "end|ending it all",
    "take|taking my own life",
    "want|wanna|wish|going|gonna to? die|dead",
    "want|wanna|wish to? be dead",
    "wish i was|were dead",
    "wish i wasnt|werent alive|here|born",
    "better off dead|without",
    "do? dont|dnt|not want|wanna to? be here|alive|live",
    "do? dont|dnt|not want|wanna to? wake up",
    "no|nothing|nothin point|reason to? living|live|going",
    "no|nothing|nothin point|reason to? go on",
    "cant|cannot go|cope on? * anymore|more",
    "cant|cannot do this|it any? anymore|more",
    "overdose|overdosed|od",
    "taken|took|take|swallowed|had too? many|all|loads|lots|load|bunch|handful of? my|the? "
    "pills|tablets|paracetamol|meds",
    "hang|hanging myself",
    "end|ending everything",
    "cut|cutting|cuts|slit|slitting my arms|arm|wrists|wrist|legs|leg|skin|thighs",
    "no? nobody|noone|one would|wud|will miss me",
    "pills|tablets|paracetamol|meds * take|taking|swallow|swallowing them|all",
    "cant|cannot keep myself|me|us|baby|him|her safe",
    "jump|jumping off",
    "jump|jumping in front",
]

BABY_EMERGENCY = [
    "not|isnt|isn't|stopped|stop|aint|struggling breathing|breathin|breathe",
    "cant|cannot|can't breathe|breath",
    "turning|turned|gone|going|is|lips|looks|looking really|very|so|all? blue",
    "wont|cant|doesnt|didnt|not wake|waking up?",
    "unresponsive|unconscious|floppy|limp",
    "having|had a? fit|seizure|fitting",
    f"{BABY} is? fitting|choking|convulsing",
    "choking",
    "swallowed|ate|eaten a? battery|batteries|button|pills|tablets|bleach|magnet",
    f"{BABY} * very|really|seriously|so ill|poorly|sick",
    f"{BABY} * fell|dropped * head",
    "hit|banged his|her|their head",
    "banged|hit * head * not|wont|sleepy|vomiting|sick",
    "bleeding * wont stop",
    "bleeding everywhere|loads|lots",
    "burnt|burned|scalded",
    "high temperature|fever * newborn|rash",
]

DANGER = [
    "breaking|broke|broken|break|braking into|in",
    "intruder|intruders",
    "kick|kicking|kicked|smash|smashing|smashed|break|breaking the|my? door|window|windows in|down",
    "stranger|strangers|intruder in|outside? my|the? house|flat|home|room|garden",
    "man|men|someone|somebody in my|the house|flat|home * dont know",
    "took|taken|grabbed|snatched|taking my|the baby|son|daughter|child|kid|kids from|out the|of? "
    "pram|buggy|car|cot|park|street|school|nursery|house",
    "someone|somebody|man|men * in|outside my|the house|flat|door|window * trying|wont|won't|banging",
    "trying|wanna|going|gonna|tryna to? take|snatch|grab my|the baby|son|daughter|child|kid|kids",
    "snatched|kidnapped|abducted|grabbed my|the? baby|son|daughter|child|kid|kids",
    "ran|run off with my baby|son|daughter|child|kid|kids",
    "in danger",
    "dont|dnt|not feel|feeling safe",
    "not safe at? home|here|now|tonight",
    "scared|terrified|frightened|fearing for|of my|our life|lives|safety",
    "knife|gun|weapon|machete",
    f"{WHO} * going|gonna|threatening|threatened|trying|tryna|wants|want|said|will|wil * to? kill me|us|my",
    "house|flat|home|kitchen|room|building|place * on fire",
    "fire|smoke in the? house|flat|kitchen|room|building",
]

DOMESTIC_ABUSE = [
    f"{WHO} is|s|keeps|keep|just|has|hes|shes|been|always? "
    "hitting|hit|beating|beat|punching|punched|kicking|kicked|strangling|strangled|choking|choked|"
    "hurting|hurt|slapping|slapped|attacking|attacked|pushing|pushed|battering|threatening me|us",
    f"{WHO} * beat|beats|beaten me|us up?",
    "beat|beating|beaten me|us up",
    "domestic abuse|violence",
    "dv",
    f"{WHO} * locked|locking me in|out",
    f"{WHO} * wont|not|never let me leave|go|out",
    f"scared|afraid|terrified|frightened of my? {WHO}",
    "being|been|getting abused",
    "abused|abusing me",
]

# Idioms that look like danger but are not ("this heat is killing me", "mum will kill me if i'm late").
NOT_CRISIS = [
    "kill|killing me if|when|for|cos|cause|because|lol|haha|lmao",
    "could|would kill for",
    "killing it|them",
    "dying to|for|laughing|of laughter",
    "died laughing",
    "suicide squad",
    "breaking|break|broke in|into tears|sweat",
    "breaking|break|breaks in my|these|her|his|the? new? shoes|boots|trainers",
    "shoes|boots|trainers are|r? breaking in",
    "breaking news",
    "break in the|a|my day|week|weekend",
    "broke in half|two",
    "no fit",
    f"{BABY}? is|s? fitting|fits in|into|with|well|right",
    "fitting|fit room|rooms|clothes",
    "not breathing down",
    "fire alarm|station|fighter|fighters|works|work|extinguisher",
    "cant breathe * laughing|lol|haha|hayfever|cold|blocked|nose",
    "cant go on the|a|my|holiday|trip|bus|train",
    "cant wake up * early|morning|mornings|for|on|in",
]
