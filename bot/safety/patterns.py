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
BABY_OBJECT = "him|her|baby|babys|son|daughter|child|kid|kids|newborn|toddler|lo|bubba|them"
SMALL_AGE = "|".join([*(str(n) for n in range(1, 13)), "one", "two", "three", "four", "five", "six", "seven",
                      "eight", "nine", "ten", "eleven", "twelve"])
AGE_UNIT = "yo|yr|yrs|year|years|month|months|mth|mths"
# What a parent looks for for a small child: "cant find my 2 year old a nursery place" is not a missing child.
THINGS_TO_FIND = ("nursery|school|place|childminder|club|clothes|shoes|coat|toys|size|present|doctor|dentist"
                  "|gp|uniform|buggy|pushchair|bed|cot|wellies|trainers")
FOUND_FOR = ("good|decent|new|local|cheap|free|proper|nice|warm|winter|summer|birthday|christmas|nursery"
             "|school|right|big|bigger")
# A child named without an age, as missing: not "baby", which is as often a thing's ("cant find my baby
# monitor").
CHILD_NAMED = "toddler|kid|son|daughter|boy|girl|lo|child"
TEEN_AGE = "|".join(str(n) for n in range(10, 20))
# A toddler's age in months ("cant find my 18 month old").
TODDLER_MONTHS = "|".join(str(n) for n in range(13, 37))
MONTH_UNIT = "month|months|mth|mths"

SELF_HARM = [
    f"kill|killing|kil|hurt|hurting|harm|harming|cut|cutting|end|ending|unalive|burn|burning|burnt|burned"
    f"|scratching|punching|starving {SELF}",
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
    # An overdose at a time of day ("took an od at 14 00"): longer than NOT_CRISIS's overdose at an age, so
    # that idiom cannot hide it.
    "overdose|overdosed|od|oded at|around|about 1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22|23"
    " am|pm|oclock|00|15|30|45|tonight|today|this|last",
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
    # Found missing by the held-out evaluation (tests/eval): overdoses said loosely, places, goodbyes, plans.
    "taken|took|swallowed|had|necked a|the? load|loads|lot|lots|bunch|handful|box|boxes|packet|packets|"
    "pack|packs|strip|strips|whole of? my|the|her|his? pills|tablets|paracetamol|meds|painkillers",
    "taken|took|swallowed|necked * sleeping pills|tablets",
    "taken|took|swallowed|necked|had * whole|full packet|packets|box|boxes|bottle|pack|strip of * pills"
    "|tablets|paracetamol|meds|painkillers",
    "saved|saving|stockpiled|stockpiling|hoarding|collected|collecting up? my|the? pills|tablets|meds",
    "im|standing|stood|sat|sitting|stand on|at the|a bridge|roof|ledge|cliff|tracks",
    "on top of the|a bridge|roof|ledge|cliff|building",
    "wrote|written|writing|left|leaving a? letters|notes|letter|note for|to everyone|everybody|them",
    "just|only want|wanna|need it|everything all? to stop|end",
    "point * being|staying|keeping alive|here|around",
    "sleep and never|not wake|waking up?",
    "goodbye|goodbyes * made up my mind",
    "no|nothing point|reason anymore",
    "got|have|made a plan * end|die|kill",
    "plan|plans|planning|planned to end|kill|die|do it?",
    "what * do to myself|meself",
    "better off without me",
    # Found missing by the second independent set (tests/eval/crisis_check.yml).
    "going|gonna|heading|walking|go|driving down|to|up? the bridge|cliff|tracks|roof|multistorey",
    "been|started|keep|keeps cutting|harming|burning again",
    "sorry for everything * bye|goodbye|love|tell|forgive",
    "jump|jumping|step|stepping|walk|walking|throw|throwing myself? out? in front",
    "swallowed|took|taken|necked all|whole my|the|of? * pills|tablets|meds|sertraline|citalopram|fluoxetine"
    "|mirtazapine|paracetamol|ibuprofen|codeine|tramadol|diazepam|insulin|antidepressants",
    "when|after im|ive gone|dead",
    "better off gone|dead",
    # Strong signals of intent or means, whatever the sentence around them.
    "rope|noose|ligature",
    "holding|got|have|bought|sharpened the|a|my? blade|razor|razors|blades",
    "giving|given|gave|give my|all? my? things|stuff|belongings|possessions away",
    "wont|will|wouldnt|not be here|around * much|long|tomorrow|anymore",
    "this is goodbye",
    "planned|planning how|when|where * do|end|kill|die",
    "how many * pills|tablets|paracetamol * take|takes|kill|die|wake|enough",
    "tooken|taken|took|had sum|some|few|loads pills|tablets|meds",
    "idk|dunno how many * had|taken|took|tooken|swallowed",
    # Found missing by the seventh blind set (tests/eval/crisis_blind4.yml): counts of pills, named
    # medicines saved up, goodbyes to a child, "no want live" (English as a second language).
    "taken|took|swallowed|had|necked * 8|10|12|14|15|16|20|24|25|28|30|32|40|48|50|60|100 pills|tablets|"
    "paracetamol|paracetamols|painkillers|meds|sertraline|citalopram|fluoxetine|mirtazapine|ibuprofen|codeine"
    "|tramadol|diazepam|antidepressants|sleeping",
    "saved|saving|stockpiled|stockpiling|hoarding|collected|collecting up? my|the? sertraline|citalopram|"
    "fluoxetine|mirtazapine|paracetamol|painkillers|codeine|tramadol|diazepam|antidepressants|insulin",
    "finish|finishing|end|ending my life|self",
    "no|not want|wanna|wan to? live|living|alive",
    "tell|told my|the|our? * her|his|their mum|mummy|mam|dad|daddy loved|loves her|him|them",
    "dont|do not think ill|i will|id be here|around",
    "wrote|written|writing|left|leaving * letters|letter|notes|note for|to my son|daughter|baby|kids|children"
    "|boy|girl|family",
    # Found missing by the first three blind sets, read after the ninth was written (tests/eval/
    # crisis_blind6.yml measures these): farewells and arrangements, means and places, "don't talk me out".
    "quickest|easiest|painless|quick way to end|die|kill|go * hurt|hurts|pain",
    "quickest|easiest|painless way to end it|myself|my life",
    "dont|dnt|not care if i|id wake|live|die",
    "tell|told my|the|our? * mum|mummy|mam|dad|daddy loved|loves her|him|them|you",
    "affairs in order",
    "made|making my peace",
    "dont|dnt|not|no try|trying|bother|point to|n? talk|talking me out of it",
    "someone|somebody|you to talk me out of it",
    "or ever again",
    "engine running in|inside the? garage",
    "sat|sitting|sit in the? car * garage * engine|running|fumes",
    "tied|tying|tie a|my? something|belt|cord|scarf|sheet|rope|dressing round|around|to the? banister"
    "|bannister|banisters|beam|hook|loft",
    "pills|tablets|paracetamol|paracetamols|meds|painkillers|sertraline|codeine are|r|is? all? lined"
    "|counted up|out",
    "who gets|has|takes|will|keeps * after tonight",
    # Found missing by the ninth blind set and the third held-out set, read after the tenth blind set was
    # written (tests/eval/crisis_blind7.yml measures these): burning now, a wound gaping, "i finish it
    # tonight", everything in the medicine cupboard, a last text or a goodbye with an apology.
    "burning|burnin|burn|burnt|burned my arm|arms|wrist|wrists|leg|legs|skin|thigh|thighs|stomach",
    "lighter|lighters|cigarette|cigarettes|fag|fags|iron * on|to|against my arm|arms|wrist|wrists|leg|legs"
    "|skin|thigh|thighs|stomach|hand",
    "its|it|cut|cuts|wound|wounds|arm|leg is? gaping",
    "tonight i|ill|im|imma * finish|finishing|end|ending it|everything|myself",
    "end|ending it|everything|myself * tonight",
    "taken|took|swallowed|necked|had everything * medicine|medicines|meds|tablets|pills",
    "taken|took|swallowed|necked|had everything|all in the|my bathroom|medicine|meds|first? aid? cabinet"
    "|cupboard|box|drawer",
    "last text|txt|message|msg sorry|goodbye|bye|forgive|love",
    "goodbye|bye|goodbyes * tell my|the|them|him|her * sorry|love",
    # A held-out miss seen by accident in a log of the fourth held-out set: a window and jumping.
    "window|windows|balcony|ledge|roof|bridge * jump|jumping",
    "jump|jumping out of? the|a|my? window|windows|balcony",
    # Found missing by tests/eval/crisis_blind7.yml, crisis_blind8.yml and heldout5.yml, read after
    # crisis_blind10.yml was written (it measures these): cuts "on" a body part, a wound gaping open, a
    # relapse, someone else's insulin, a lethal dose.
    "cuts|cut|slashes|gashes on|in|into|across my arms|arm|wrists|wrist|legs|leg|skin|thighs|thigh"
    "|stomach|belly",
    "gaping open|wide|wound|cut|cuts",
    "is|s|its|it|are|theyre|one gaping",
    "relapsed|relapse|relapsing * cut|cuts|cutting|harm|harming|burning|burn",
    "insulin * inject|injecting|take|taking|have * if|when|and|but|cos? not|non|arent|isnt|aint|ur|youre"
    "|im? not? diabetic",
    "nans|nanas|grans|mums|dads|someones|somebodys|his|her|their|partners|bfs|gfs insulin * inject"
    "|injecting|take|taking|overdose|much|most|enough|kill|die",
    "lethal|fatal|deadly dose|amount|overdose",
    # Found missing by crisis_blind9.yml, crisis_blind10.yml, crisis_blind11.yml, heldout6.yml and
    # heldout7.yml, read after crisis_blind12.yml and crisis_blind13.yml were written (they measure these):
    # "something" done to oneself, tired of being alive, urges to cut, a head against a wall, a plan timed so
    # a child won't find them, a rope up, all of one's insulin or a whole prescription.
    "do|doing something|summat|somethin|sumthin|smth stupid? to myself|meself",
    "do|doing something|summat|somethin|sumthin stupid",
    "tired|sick|done of|with being|staying alive",
    "tired|sick of living|life",
    "need|needing|want|wanna|urge|urges|craving|itching to cut|burn|harm so|really? bad|badly|rn|now",
    "headbutting|headbutted|headbutt|headbutts the|a|my? wall|walls|door|floor|mirror * til|till|until i|it"
    "|its|im|my",
    "banging|banged|hitting|smashing my head against|on|off the|a? wall|walls|door|floor * til|till|until"
    " i|it|its|im|my",
    "cant|cannot stop headbutting|banging|hitting|punching myself|meself|the|my|walls",
    "so|that|before she|he|they|nobody|noone|kids|baby|son|daughter|girl|boy|mum|nan|dad doesnt|dont"
    "|wont|cant|aint|isnt|never find|finding me",
    "find|finds|finding my body",
    "ropes|nooses",
    "take|taking|took|taken|inject|injecting|injected all|whole|entire of? my|ur|your|the|his|her? insulin",
    "take|taking|took|taken|inject|injecting|injected my|ur|your|the|his|her whole|entire insulin",
    "took|taken|swallowed|necked|had my|the|a? whole|entire|full prescription|script|supply",
    # Found missing by crisis_blind9.yml to crisis_blind17.yml, read in the tenth session after
    # crisis_blind18.yml to crisis_blind21.yml were written (they measure these): cutting or scratching with
    # something sharp, a relapse into "sh".
    "scratching|scratch|scratched|carving|carve|carved|cutting * arm|arms|wrist|wrists|leg|legs|skin|thigh"
    "|thighs|myself|meself with|wiv * glass|blade|blades|razor|razors|knife|scissors|compass|pin|sharpener",
    "relapsed|relapse|relapsing * * sh|selfharm",
    # Found missing by crisis_blind18.yml to crisis_blind21.yml, read in the eleventh session after
    # crisis_blind22.yml and crisis_blind23.yml were written (they measure these): pills saved
    # up "enough" (and, below, "how many paracetamol it takes", and SELF_HARM_CLUES: packs bought from several
    # shops, as one shop sells a few).
    "saved|saving|stockpiled|stockpiling|hoarding|collected|collecting|stashed|stashing up? enough|plenty"
    "|loads|lots|all of? my|the? pills|tablets|meds|paracetamol|painkillers",
    # Someone else threatening to end their life or harm themselves now. Found missing by heldout12.yml, whose
    # one missed crisis message I saw by mistake in the eleventh session (so its crisis figure is not blind).
    # Never an accident ("hes going to hurt himself on that slide"): "hurt" only in what someone said.
    "gonna|going|wants|want|wanna|threatening|threatened|threatens|threaten|trying|tryna to? kill|harm|end"
    " herself|himself|themselves|themself",
    "said|says|saying|texted|messaged|threatening|threatened * gonna|going|will|wants|wanna|hell|shell"
    "|theyll|ll to? kill|hurt|harm|end herself|himself|themselves|themself",
    # Found missing by crisis_blind22.yml and crisis_blind23.yml, read in the twelfth session after
    # crisis_blind24.yml and crisis_blind25.yml were written (they measure these): urges that can no longer be
    # held off, and a razor out ready.
    "urge|urges|urging * bad|strong|much|intense|loud * cant|cannot|cnt hold|fight|resist|stop|control",
    "cant|cannot|cnt hold|fight|keep it|them off anymore|any|much|longer|no",
    "razor|razors|blade|blades is|are|s out|ready",
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
    "drank|drunk|drinking|swallowed|swallow|ate|eaten|eating|licked|chewed|chewing * bleach|battery|"
    "batteries|magnet|magnets|pills|tablets|detergent|cleaner|chemicals|poison|capsule|capsules|pod|pods|"
    "antifreeze|dishwasher|vape",
    "rash * not|doesnt|dont|wont|isnt|aint fade|fading|disappear",
    "glass test",
    "purple|dark? spots|rash * fever|temperature|burning|hot",
    "lips|face|skin|tongue * blue|grey|gray|purple|mottled|pale",
    "grunting|gasping|wheezing|rasping|struggling * breath|breathe|breathes|breathing",
    "breathing * fast|funny|weird|strange|noisy|hard|heavy|stops|pausing|pauses",
    "eyes * rolling|rolled|roll back|up",
    "burning hot|up * shaking|shivering|floppy|wont|fitting",
    f"{BABY} * shaking|twitching|jerking * wont|cant stop",
    "press|pressed|pressing|roll|rolled|rolling a|the glass",
    "weeks|week|days|day old * temp|temperature|fever|hot|burning|38|39|40",
    "dont|not know|sure how many|much * had|taken|swallowed|eaten|drunk|drank",
    "fell|fallen|falling|dropped out|from|off of? the|a|an? upstairs? window|balcony|bunk|banister|landing",
    "not|isnt|wont|aint|stopped responding|respond|reacting|react",
    "no wet nappy|nappies",
    "sunken soft? spot|fontanelle|eyes",
    "temp|temperature of|is? 38|39|40|41",
    "skin|skins peeling|coming|came|falling",
    "blistering|blistered|blisters",
    "red raw",
    "eyes * open * not|isnt looking|focusing|responding",
    "staring * not|isnt|wont respond|responding|blinking",
    # Found missing by the seventh blind set: "he drink the bleach", scalds, peeling skin.
    "drink|drinks|drinked * bleach|detergent|cleaner|chemicals|poison|antifreeze|vodka|alcohol|methadone",
    "boiling|hot water|kettle|tea|coffee * over|on|all over * arm|leg|face|hand|chest|head|skin",
    "skin is|s|was peeling|blistering|coming off",
    # Found missing by the first three blind sets (see SELF_HARM): a baby's red flags, tablets eaten.
    "eat|eats * bleach|battery|batteries|magnet|magnets|pills|tablets|detergent|poison|capsules|pods",
    "soft spot|bit * bulging|bulge|bulges|swollen|raised",
    "fontanelle|fontanel * bulging|bulge|swollen|raised",
    "high? pitched|highpitched cry|crying|scream|screaming|screams",
    "hit|banged|bumped|smacked * wall|floor|head * sleepy|drowsy|floppy|vomiting",
    # Found missing by crisis_blind9.yml to heldout7.yml (see SELF_HARM):
    # a battery said with more words between ("swallowed one of those little button batteries").
    "swallowed|swallow|ate|eaten|eating|chewed|chewing * * battery|batteries|magnet|magnets",
    # Found missing by crisis_blind9.yml to crisis_blind17.yml, read in the tenth session (see SELF_HARM):
    # a baby gone grey.
    f"{BABY} went|gone|turned|turning|going|looks|looking|is|s|has * grey|gray|ashen",
    # Found missing by crisis_blind18.yml to crisis_blind21.yml (see SELF_HARM): a kettle gone over on a
    # child, bad burns.
    f"kettle|boiling|pan|tea|coffee|cuppa|drink * went|fell|tipped|spilt|spilled|spilling|knocked"
    f"|pulled|came|poured * on|onto|over the|my|our? {BABY_OBJECT}",
    "bad|badly|nasty|serious|severe|big burn|burns|scald|scalds",
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
    "smashing|smashed|smash|wrecking|wrecked|trashing|trashed the|my|our? flat|house|place|room|home|stuff"
    "|things|everything|windows",
    "fire|smoke in the? house|flat|kitchen|room|building",
    # Found missing by the seventh blind set: thrown out at night, gas, freezing with a baby.
    "kicked|kicking|kick|thrown|threw|throw|chucked|chucking|chuck|put me|us out * tonight|now|night|1am"
    "|2am|3am|midnight|baby|pregnant|street",
    "told me|us to get out * tonight|now|night|1am|2am|3am|midnight|baby|pregnant|street",
    "smell|smells|smelling|smelt gas",
    "gas leak|leaking",
    "no|broken|broke heating|heat|gas|electric|electricity * baby|son|daughter * freezing|frozen|so cold",
    # Found missing by the first three blind sets (see SELF_HARM): intruders, a missing or driven-off child,
    # locked out at night, a mother's own emergency (chest pain, signs of pre-eclampsia).
    "trying|tryna|try to get|break|climb|climbing in|into through? the|my|a? back|front? door|window|windows",
    "kicked|kicking|kick|thrown|threw|throw|chucked|chucking|chuck|put me|us out * 9pm|10pm|11pm|12am|late",
    "changed|changing the locks",
    "put|thrown|threw|chucked|dumped all? our|my stuff|things|belongings out|outside",
    "nowhere to go|sleep|stay * tonight|night|dark|raining|rain|cold",
    "cant|cannot find my|the son|daughter|toddler|child|kid|boy|girl|baby anywhere",
    "cant|cannot find my|the * year|yr|yo|month old anywhere",
    "son|daughter|toddler|child|kid|boy|girl|baby is|s|has? gone? missing",
    "front door * open * cant find|looking|gone|missing",
    "drunk|drinking|wasted|high * driven|drove|driving|drive off|away with",
    "owe|owes them|him|us * outside|coming|door|tonight|now",
    "chest pain|pains|pain * arm|breath|breathe|breathing",
    "headache * vision|eyesight|sparkly|blurry|blurred|flashing|flashes|lights",
    # Found missing by the ninth blind set (see SELF_HARM): a child left with a sex offender now.
    "offender|offenders|paedo|paedophile|pedo|pedophile|nonce|predator * with * now|tonight",
    # Found missing by crisis_blind9.yml to heldout7.yml (see SELF_HARM):
    # sleeping in a car or outside with a baby.
    "sleeping|sleep|slept|kipping in|on the|a|my car|street|streets|park|doorway|stairwell|tent * baby"
    "|newborn|toddler|son|daughter|kids|children|bubba|lo|month|months|week|weeks",
    # Found missed again by crisis_blind7.yml (read) when the classifier's examples grew in the seventh
    # session: a small child missing from where they just were.
    "cant|cannot find my|the * year|yr|yo|month old * he|she|they was|were|is|s in|at|near|out the? "
    "garden|park|street|road|shop|shops|playground|outside|front|back",
    # Found missing by crisis_blind18.yml to crisis_blind21.yml (see SELF_HARM): a small child missing,
    # said with only their age ("cant find my 3 year old"; NOT_CRISIS has their shoes).
    f"cant|cannot|cnt find my|the|our {SMALL_AGE} {AGE_UNIT} old?",
    f"cant|cannot|cnt find my|the|our {TODDLER_MONTHS} {MONTH_UNIT} old?",
    # Found missing by crisis_blind22.yml and crisis_blind23.yml (see SELF_HARM): a small child missing,
    # named without an age ("cant find my toddler door was open").
    f"cant|cannot|cnt find my|the|our little? {CHILD_NAMED}",
    "cant|cannot|cnt find my|the|our little one",
]

# An emergency in pregnancy or just after birth: the answer is the maternity unit or midwife now, or 999.
MATERNAL_EMERGENCY = [
    "vision|eyes|eyesight * blurry|blurred|sparkly|flashing * swollen|swelling|puffy|pregnant|weeks",
    # Found missing by the ninth blind set (see SELF_HARM): a baby in the womb not moving.
    "havent|hasnt|not|didnt felt|feel * move|moving|moved|kick|kicking|kicks|movement|movements * "
    "since|today|yesterday|hours|day|morning|night",
    # Found missing by crisis_blind18.yml to crisis_blind21.yml (see SELF_HARM): blood lost and fainting.
    "lost|losing|loosing * blood * * faint|fainting|fainted|fainty|dizzy|lightheaded|collapsed|collapsing"
    "|pale",
]

# Clues: a crisis when each group of a clue matches somewhere in the message, however far apart, for the signs
# of an emergency in pregnancy or just after birth that NHS maternity services tell parents not to wait with
# (a baby moving less, a severe headache with changes in sight or swelling, heavy bleeding, severe tummy pain,
# waters green or brown). Found missing by crisis_blind8.yml and heldout5.yml (see SELF_HARM):
# the words come sentences apart ("34 weeks. very bad headache since morning ... flashing lights").
LATE_WEEKS = "|".join(str(n) for n in range(20, 43))
PREGNANT = [
    "pregnant|pregnancy|preggers|preggo|trimester|womb|antenatal|bump|midwife|maternity",
    "month|months|mnths|weeks|wks gone|along",
    f"{LATE_WEEKS} weeks|week|wks|wk",
]
AFTER_BIRTH = [
    "gave|given|giving birth",
    "had the|my|our? baby|her|him * ago|yesterday|last|today|week|weeks|days|monday|tuesday|wednesday"
    "|thursday|friday|saturday|sunday|weekend",
    "since|after the|my birth|delivery|section",
    "c|emergency section|sections",
    "csection|caesarean|cesarean|postnatal|postpartum",
]
NOT_MOVING = [
    "baby|babys|bump|bubba|lo|he|she|it|hes|shes|its|him|her has|is|was|does|did? "
    "hasnt|havent|isnt|aint|stopped|didnt|doesnt|wont|barely|hardly|not|never really|properly|actually|even?"
    " been? "
    "moved|moving|move|kicked|kicking|kick|kicks",
    "no|less|fewer|hardly|barely any? movement|movements|kicks|kicking",
    "cant|cannot|couldnt|not|havent|hasnt|didnt feel|felt him|her|baby|it|them|bump? move|moving|moved|kick"
    "|kicking|kicks|movement|movements",
    "quieter|slower|stiller than|then usual|normal|before",
    "less active|lively than|then? usual|normal|today",
]
HEADACHE = [
    "headache|headaches|migraine|migraines|haedache|hedache",
    "head * pounding|banging|splitting|throbbing",
]
SIGHT_OR_SWELLING = [
    "flashing|flashes|sparkly|sparkles|zigzag|zigzags|spots|blurry|blurred|blurring|blurry|vision|eyesight",
    "face|hands|fingers|feet|ankles|eyes * swollen|swelling|puffy|puffed|swole",
    "swollen|swelling|puffy|puffed up? face|hands|fingers|feet|ankles|eyes",
]
HEAVY_BLEEDING = [
    "bleeding|bleed|bled|blood really|so|very|quite|is|its|s? heavy|heavily|loads|lots|alot|everywhere"
    "|pouring|gushing",
    "bleeding|bleed|bled * wont|not|doesnt|isnt stop|stopping",
    "heavy|heavily|loads|lots|pouring|gushing of? * bleeding|blood",
    "clots|clot|soaking|soaked|soak * pad|pads|through|blood|sheets|bed",
    "pad|pads * an|every|each|per hour",
    "bleed|bleeding|bled through a|my|the|2|two|3|three? pad|pads|towel|towels|sheets",
    # Found missing by crisis_blind14.yml, read in the tenth session (see SELF_HARM): large clots.
    "big|bigger|large|larger|massive|huge|giant|golf|lemon|plum|fist clots|clot",
]
SEVERE_PAIN = [
    "severe|agony|agonising|agonizing|unbearable|excruciating|stabbing * tummy|stomach|belly|abdomen"
    "|abdominal|side",
    "tummy|stomach|belly|abdomen|abdominal * pain|pains|cramps|cramping * severe|agony|unbearable"
    "|excruciating|stabbing|constant",
    "pain|pains|cramps|cramping in|on my|the? tummy|stomach|belly|side|abdomen * severe|agony|unbearable"
    "|excruciating|stabbing|constant",
]
WATERS_WRONG = ["waters|water * green|brown|bloody|blood|smelly|smells"]
# Found missing by crisis_blind22.yml and crisis_blind23.yml (see SELF_HARM): bleeding and pain together in
# pregnancy, however little is said ("20 week pregnant, big pain, blood"); NHS pages say to call the
# maternity unit or midwife now.
ANY_BLEEDING = ["blood|bleeding|bleed|bled|bleedin"]
ANY_PAIN = ["pain|pains|cramps|cramping|crampy|agony|hurts|hurting|aching"]
MATERNAL_CLUES = [
    [PREGNANT, NOT_MOVING],
    [PREGNANT, HEADACHE, SIGHT_OR_SWELLING],
    [PREGNANT, HEAVY_BLEEDING],
    [AFTER_BIRTH, HEAVY_BLEEDING],
    [PREGNANT, SEVERE_PAIN],
    [PREGNANT, ANY_BLEEDING, ANY_PAIN],
    [WATERS_WRONG],
]
# Someone else's insulin asked about for a person who is not diabetic.
SELF_HARM_CLUES = [
    [["insulin"], ["if|when|and|but? ur|youre|you|u|someone|somebody|person|people|your|ure are|is|r? not"
                   "|arent|isnt|aint|non diabetic|diabetics"]],
    [["paracetamol|pills|tablets|painkillers|meds|tablet|pill"],
     ["packs|packets|boxes * different|diff|separate|other|several shops|chemists|pharmacies|places"
      "|supermarkets"]],
]
# Found missing by crisis_blind18.yml to crisis_blind21.yml, read in the eleventh session after
# crisis_blind22.yml and crisis_blind23.yml were written (they measure these): someone who must keep away
# on their way now ("hes on his way ... hes not allowed anywhere near me or the baby").
COMING_NOW = [
    "on his|her|their|the way",
    "coming|comin|heading round|over|here|back",
    "coming|comin|heading to mine|ours|me",
    "found|got|knows|has|given|told him|her|them? my|the|our|me new? address",
]
MUST_KEEP_AWAY = [
    "not|isnt|aint meant|allowed|supposed * near|contact",
    "not|isnt|aint meant|allowed|supposed to come|contact|see",
    "injunction|nonmol|restraining|nonmolestation",
    "bail conditions",
]
DOMESTIC_ABUSE_CLUES = [[COMING_NOW, MUST_KEEP_AWAY]]

DOMESTIC_ABUSE = [
    f"{WHO} is|s|keeps|keep|just|has|hes|shes|been|always? been|keeps|always|just? "
    "hitting|hit|beating|beat|punching|punched|kicking|kicked|strangling|strangled|choking|choked|"
    "hurting|hurt|slapping|slapped|attacking|attacked|pushing|pushed|battering|threatening me|us",
    f"{WHO} * beat|beats|beaten me|us up?",
    "beat|beating|beaten me|us up",
    "domestic abuse|violence",
    "dv",
    f"{WHO} * locked|locking|locks me in|out",
    f"{WHO} * wont|not|never let me leave|go|out",
    f"scared|afraid|terrified|frightened of my? {WHO}",
    "being|been|getting abused",
    "abused|abusing me",
    "hands|hand|arm|arms|fingers round|around|on my neck|throat",
    "grabbed|grabbing|held|holding|squeezed|squeezing|pinned|pinning me? * by? my|the neck|throat",
    "if i leave|go|tell|call * hurt|kill|hit|beat|harm",
    f"{WHO}|hell|shell|hed|shed * hurt|kill|harm|hit the|my|our baby|son|daughter|kids|child",
    "hell|shell|hed|shed|theyll|theyd kill|hurt|stab me|us",
    "locked|locking|locks me in|inside",
    "followed|following|stalking|stalked me home|everywhere|from|to|again",
    "ill|youll regret it|this",
    "not|isnt|aint meant|allowed|supposed to come|be near|contact|know",
    "hiding from him|her|them|my",
    "im|i|were|we hiding in|at",
    "his|her|their|exs car|van * outside|parked",
    "threatened|threatening|threatens me|us with a|the|his|her hammer|knife|bat|weapon|gun|bottle|blade",
    "burn|burning the|our|my house|flat|place|home down",
    "dragged|dragging|pulled me * hair|across|by",
    "lobbed|threw|chucked|throwing|throws|hurled * at me|us",
    "never see her|him|them|baby again",
    "never see the|my baby again",
    "knows|found|finds out? where i|we live|am|are",
    "wont|doesnt|never let me out|leave|go",
    "banging|hammering|kicking on|at the|my door|window|windows",
    "photo|picture|pic of my front? door|house|flat|window",
    # Found missing by the first three blind sets (see SELF_HARM): locked in, stalked, controlled, threatened.
    "locked|locking|locks|lock me|us and|n|with the? baby|kids|son|daughter|children * in|inside",
    "his|her|their|exs cars|van|vans * outside|parked",
    "knows|know which|what bus|train|route|school|nursery|way i",
    f"{WHO}|lads|men|people know|knows where i|we live",
    "unless i do what he|she|they want|wants|says",
    "grabbed|grabbing|dragged|dragging|pulled me * hair",
    "smashed|smashing|smash|threw|throwing|thrown the|my|our telly|tv|television|phone|plates|mirror"
    "|highchair",
    "throw|drop|chuck her|him|them|the baby|baby out|off the|a window|balcony",
    # Found missing by crisis_blind8.yml (see SELF_HARM): an injunction broken, over the back fence.
    "injunction|order|nonmol|bail * means|mean|meant nothing|nuthin|nothin",
    f"{WHO} * climbed|climbing|climb|jumped|jumping|jump|came|coming|got|getting over|through the|my|our? "
    "back|garden|side fence|wall",
    "broke|breached|breaching|breaking|broken|ignored|ignoring the|his|her|my|their? injunction|order"
    "|nonmol|bail * outside|here|door|tonight|now|again|back",
    # Found missing by crisis_blind9.yml to heldout7.yml (see SELF_HARM):
    # someone else being beaten as the parent writes.
    "battering|beating|hitting|strangling|choking|attacking|kicking|punching|stabbing her|him|them right|rn"
    "|now now?",
]

# A parent afraid they will hurt their baby: the answer is to put the baby somewhere safe and step away.
HARM_VERBS = "threw|throw|dropped|drop|shook|shake|hit|smothered|suffocated|hurt|strangled"
INTENT = ("might|gonna|going|could|will|would|wanna|want|wanting|afraid|scared|thoughts|thinking|worried|urge"
          "|urges|ill")
HARM_TO_BABY = [
    f"{INTENT} * hurt|hurting|harm|harming|smother|smothering|suffocate|suffocating my|the|{BABY_OBJECT}",
    f"{INTENT} * shake|shaking|hit|hitting|throw|throwing my|the? {BABY_OBJECT}",
    "dont|cant trust myself alone? with|around? him|her|the|my? baby|them|kids",
    "left|leave|leaving him|her|them|baby alone",
    "left|leave|leaving the|my baby alone",
    "left|leave|leaving him|her|them|baby on their|his|her own",
    "left|leave|leaving the|my baby on their|his|her own",
    "left him|her|them|baby * and walked|went|drove out|off|away",
    "left the|my baby * and walked|went|drove out|off|away",
    f"nearly|almost {HARM_VERBS} her|him|them|baby",
    f"nearly|almost {HARM_VERBS} the|my baby",
    "pillow|hand|hands|blanket over his|her|the|babys face|mouth",
    "shook|shaken him|her|them|baby",
    "shook|shaken the|my baby",
    "urge|urges * let go|drop|throw|hurt|shake|smother",
    "grabbed|squeezed|pinched|smacked|slapped|shook|held him|her|his|the|baby * too|so hard|marked|bruise"
    "|bruised",
    "scared|afraid|frightened|terrified of? what i|ill * do next|again",
    "scared|afraid|frightened|terrified of? what i|ill * do to him|her|them|the",
    "slapped|smacked|punched|bit|kicked|hit her|him|baby",
    "slapped|smacked|punched|bit|kicked|hit the|my baby",
    "threw|thrown|chucked|slammed him|her|baby down|on|onto|across|at|against",
    "threw|thrown|chucked|slammed the|my baby down|on|onto|across|at|against",
    "get rid of the|my baby",
    "voices * baby|kill|hurt|rid",
    "left|leave|leaving the|my? baby|him|her * in the car",
    "giving|give|gave him|her|baby * sleeping|sleep tablets|pills",
    "giving|give|gave the|my baby * sleeping|sleep tablets|pills",
    "crushed|crushing|crush * tablet|tablets|pill|pills",
    "not safe with|around my? son|daughter|baby|him|her|kids",
    "before i do something|anything",
    "without hurting|harming|hitting him|her|them|baby",
    "picture|picturing|imagine|imagining|seeing * dropping|throwing|hurting|drowning|smothering|shaking"
    "|hitting her|him|them|baby",
    f"feel|felt|feeling like i * hurt|harm|hit|shake|smother the|my? {BABY_OBJECT}",
    # Found missing by the seventh blind set: a parent who just hit a toddler, someone else hitting a child.
    "slapped|smacked|punched|bit|kicked|hit|whacked my|the toddler|son|daughter|child|kid|lo|little|boy|girl",
    "hit|hitting|slapped|slapping|smacked|punched|whacked my * old|toddler|son|daughter|baby|boy|girl round"
    "|across|on|in the? head|face",
    # (never "take": "will they take my baby" is a parent's fear of social services, not a danger)
    f"{WHO}|theyll|theyd|hell|shell * hurt|harm|kill my|the|our? son|daughter|baby|kids|child",
    # Found missing by the first three blind sets (see SELF_HARM): urges with a place or a way, and a baby
    # left alone to go out.
    f"drop|dropping|throw|throwing {BABY_OBJECT} off|over|out the|a? balcony|window|bridge",
    "telling me to * drop|hurt|harm|drown|smother|throw|shake",
    "hold|holding|held him|her|them|baby under",
    "hold|holding|held the|my baby under",
    f"drown|drowning|drowned {BABY_OBJECT}",
    "me and|n the|my? baby|son|daughter|him|her * should|could|will|would|might just? go|die|end together",
    "left|leaving the|my? baby|him|her|them in the flat|house|car|home * to|and get|go|pop|went|popped",
    "on his|her|their own in the|a car",
    # Found missing by crisis_blind8.yml and heldout5.yml (see SELF_HARM): doing "something"
    # to a child, a baby months old left on his own.
    "do|doing something|summat|somethin|sumthin|smth to my|the|him|her|them|our baby|boy|girl|son|daughter"
    "|kid|kids|child|lo|toddler|newborn|little",
    "snap|snapping|snapped and|n * hurt|hit|shake|do",
    "lose|losing it and|n * hurt|hit|shake|do",
    "month|months|mth|week|weeks old * left|leave|leaving * on his|her|their own",
    "month|months|mth|week|weeks old * left|leave|leaving * alone",
    "leave|left|leaving a|my|the? baby|newborn|infant * on his|her|their own",
    "leave|left|leaving a|my|the? baby|newborn|infant * alone",
    # Found missing by crisis_blind9.yml to heldout7.yml (see SELF_HARM):
    # a child left at home alone, said with their age.
    "left|leaving my|her|his|their|the|a newborn|baby|toddler|son|daughter|child|kids|children|kid|lo|little"
    "|1|2|3|4|one|two|three|four * alone|own",
    "left|leaving my|her|his|their|the|a 1|2|3|4|5|one|two|three|four|five year|yr|month|months|week|weeks"
    " old * alone|own",
    # Found missing by crisis_blind23.yml (read) once the twelfth session's examples (AK, AL) moved the
    # classifier: signs of psychosis after a birth, a baby believed swapped and voices giving orders.
    "the|a|these|those voice|voices are|is|keep|keeps|r? tell|tells|telling|told|say|says|saying me|i",
    "they|someone|somebody|hospital|nurses|midwives swapped|swap my|the|our? baby|son|daughter",
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
    "not? breathing down my|his|her|your|their neck",
    "fire alarm|station|fighter|fighters|works|work|extinguisher",
    "cant breathe * laughing|lol|haha|hayfever|cold|blocked|nose",
    "cant go on the|a|my|holiday|trip|bus|train",
    "cant wake up * early|morning|mornings|for|on|in",
    "not|never in danger",
    "used to self? harm|harming|selfharm|cut|cutting",
    "history|past of? self? harm|harming|selfharm",
    "threatening|threatened|threaten me|us with bailiffs|court|eviction|debt|collectors|letters|fines",
    "burnt oak",  # a neighbourhood of Barnet: "i live in burnt oak" is an address, not a burn
    # Found by the seventh blind set (tests/eval/crisis_blind4.yml): past events, food, first-aid questions
    # asked in general, the shaken baby campaign, embarrassment.
    "overdosed|overdose|od|oded last|that year|month|summer|christmas|winter|spring",
    "overdosed|overdose|od|oded * years|year|months|month ago|back",
    "burnt|burned|burn the|my|his|her|our? toast|food|dinner|tea|chips|pizza|fish|fingers|pan|rice|cake"
    "|sausages|bacon|eggs|beans|pasta|roast|biscuits|bread",
    "what|how do|should|would you|u|one do if|when a|the|your? baby|child|toddler|someone is|s? choking"
    "|fitting|chokes|choke",
    "whats|what|hows|how is|does|do|to? you|u? do? the glass test",
    "shaken baby video|videos|syndrome|class|course|film|leaflet|talk|campaign|training",
    "die|died|dying of embarrassment|boredom|laughing|laughter|cringe",
    "wheel|buggy|pram|phone|screen|car|heel|strap|umbrella|brolly|zip|chair|washing|machine broke|broken in"
    "|into",
    # Found by the ninth blind set (see SELF_HARM): a laughing "gonna kill me", thoughts told as the past.
    "gonna|going|will|wil|gon|would to? kill me|us lol|haha|hahaha|lmao|lool",
    "had|have|used to? have? suicidal thoughts|feelings back? when|as i was|were? 12|13|14|15|16|17|18|19"
    "|younger|little|a|in",
    # Found by author J's everyday examples: taking the baby out ("wanna take the baby to the park").
    "take|taking my|the|our baby|son|daughter|kids|child|kid|toddler|lo|bubba to the|a? park|shops|shop"
    "|doctor|doctors|gp|clinic|nursery|swimming|pool|library|beach|zoo|party|playground|soft|seaside",
    # A baby who never stops kicking is well: "he hasnt stopped kicking all night".
    "hasnt|havent|not|never|didnt|doesnt|wont stopped|stop|stopping moving|kicking|wriggling",
    "bleeding|bled like|as a? heavy period|periods",
    # A sign that is not there: "swollen ankles at 35 weeks, no headache or anything".
    "no|not|without|isnt|arent|wasnt|havent|hasnt|dont|didnt any|a? heavy? headache|headaches|bleeding"
    "|swelling|swollen|blurry|blurred|flashing|vision|sight",
    "headache|headaches|migraine * no|not|without|nothing|never vision|sight|blurry|blurred|flashing"
    "|swelling",
    # Found by the read sets above (crisis_blind9.yml to heldout7.yml): an overdose when young or years ago,
    # a break-in dreamt, a rash that faded under a glass, a past partner's violence, ropes learnt, tired of a
    # place.
    "overdosed|overdose|od|oded * when i|we was|were",
    "took|taken|had|swallowed too|an? many? pills|tablets|overdose|od * years|year|months|month ago|back",
    "dream|dreamt|dreamed|dreaming|nightmare|nightmares * broke|break|breaking|broken in|into",
    "press|pressed|pressing|roll|rolled|rolling a|the glass * went|faded|fades|disappeared|disappears"
    "|vanished",
    "used to hit|beat|hurt|abuse|batter|slap|punch her|him|me|us|them",
    "learn|learning|learnt|learned|know|knows|show|showing the ropes",
    "tired|sick of living in|with|here|at|like|out|off|on",
    # Found by the tenth session's examples (AF to AH): with them the classifier scored "its a pain in the
    # neck" (test_detector.py's ORDINARY) at 0.80. "a pain in the" is the idiom; a sore neck is "pain in my
    # neck" or "neck pain", which this leaves for the classifier to read.
    "a pain in the neck|arse|bum|backside|butt",
    # Found by crisis_blind18.yml to crisis_blind21.yml's near misses, read in the eleventh session: the past
    # (abuse gone through, an overdose at 17, a partner who hit her last year), questions a midwife asks
    # ("whether ive ever thought about harming myself"), thoughts said to be absent, the news, first aid
    # learnt in case, children wrecking the place.
    "went|been|gone|got through|survived|survivor|survivors|experienced|history of? domestic abuse|violence",
    # An age, not a time: "at 12" is midnight, so "at" starts at 13 (and a time of day is SELF_HARM's).
    "overdose|overdosed|od|oded aged|age 12|13|14|15|16|17|18|19",
    "overdose|overdosed|od|oded at 13|14|15|16|17|18|19",
    "hit|beat|hurt|abused|attacked|strangled|slapped|punched her|him|me|them last|that year|summer|christmas"
    "|winter|spring|autumn|month",
    "hit|beat|hurt|abused|attacked|strangled|slapped|punched her|him|me|them * years|months ago",
    "if|whether ive|i|id ever had|have|thought thoughts|feelings? of|about suicide|suicidal|harming|hurting"
    "|killing|ending",
    "if|whether ive|i|id ever had|have|felt suicidal|suicide thoughts|feelings?",
    "no|not|never|without|zero|havent|dont any? thoughts|urges|plans of|about|to hurting|harming|killing|hurt"
    "|harm|kill|ending|end",
    "news|story|article|telly|tv|programme|documentary|papers * left|leave|leaving her|his|their kids"
    "|children|baby|son|daughter|toddler home? alone",
    "kids|children|grandkids|grandchildren|twins|boys|girls|toddler|toddlers|dog|puppy|nephews|nieces * "
    "wrecking|wrecked|trashing|trashed the|my|our? "
    "place|house|flat|room",
    "choking first aid * just in case|incase",
    "choking first? aid? course|class|classes|training|video|videos|poster|leaflet|session",
    "cant|cannot|cnt find my|the|our * yo|yr|yrs|year|years|month|months|mth|mths olds",
    # Only the ages SELF_HARM's missing-child rules know, and only a thing looked for straight after: "cant
    # find my 3 year old any where" and "cant find my 3 year old, a man was" are a missing child.
    *(f"cant|cannot|cnt find my|the|our {age} old? a|an|any|the? {FOUND_FOR}? {FOUND_FOR}? {THINGS_TO_FIND}"
      for age in (f"{SMALL_AGE} {AGE_UNIT}", f"{TODDLER_MONTHS} {MONTH_UNIT}", f"little? {CHILD_NAMED}")),
    f"cant|cannot|cnt find my|the|our {CHILD_NAMED} on|in the|a|my|this|his|her? {FOUND_FOR}? system|list"
    "|form|portal|app|register|website|photos|pictures|records|file|letter|plan|report",
    # Found by crisis_blind22.yml's near misses, read in the twelfth session: self-harm long past, knife crime
    # in general, overdosing on sweets, a parent's own small burn from the oven.
    "old|past|previous|history of? my? self|sh|selfharm harm|harming?",
    "knife|gun|knives|guns crime|crimes",
    f"when i|we was|were|wa {TEEN_AGE} * overdose|overdosed|od|oded",
    "overdose|overdosed|od|oded on chocolate|sugar|sweets|caffeine|coffee|cake|crisps|biscuits|carbs|chippy"
    "|takeaway|takeaways|netflix|telly|tiktok|haribo",
    # (an accident "on" or "off" a thing, in the past; "burning my wrist with the iron" is self-harm)
    "burnt|burned|scalded my|me own? hand|hands|finger|fingers|thumb|arm on|off the|a|my oven|iron|pan|kettle"
    "|hob|tray|cooker|stove|toaster|straighteners|curlers|grill|radiator",
    # ... and asking the dose ("how many paracetamol can i take a day").
    "how many pills|tablets|paracetamol|ibuprofen|painkillers can|should|could|do i|you|we take|have a|per"
    "|each day|dose|time",
    "how many pills|tablets|paracetamol|ibuprofen|painkillers can|should|could|do i|you|we take|have when"
    "|while|if breastfeeding|pregnant|feeding|bf",
]
