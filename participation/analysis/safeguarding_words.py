"""Words and phrases the safeguarding detector reads, as young people write them.

`SPELLINGS` turns text-speak, slang and common misspellings into plain words before the rules
run. Each rule is (kind, anchors, pattern): the pattern only runs when one of its anchor words is
in the comment, which keeps ordinary comments cheap. A pattern given as a tuple needs every part
to be found somewhere in the comment (indirect wording spread over a sentence with no
punctuation). Patterns are written against the plain form: lower case, no apostrophes
("dont", "im"), one space between words and "." for the end of a sentence.
"""

from __future__ import annotations

#: Text-speak, slang and misspellings -> plain words (a word may become several).
SPELLINGS: dict[str, str] = {
    "kms": "kill myself", "kmss": "kill myself", "kys": "kill yourself", "kmsl": "lol", "kysl": "lol",
    "unalive": "kill", "unalived": "killed", "unaliving": "killing", "unalives": "kills", "unalivee": "kill",
    "sewerslide": "suicide", "sewercide": "suicide", "suicde": "suicide", "sucide": "suicide", "suiside": "suicide",
    "suacide": "suicide", "sucidal": "suicidal", "suicdal": "suicidal", "suisidal": "suicidal", "suicidle": "suicidal",
    "suicidel": "suicidal", "sucicidal": "suicidal", "suicial": "suicidal", "selfharm": "self harm",
    "selfharming": "self harming", "selfharmed": "self harmed", "slefharm": "self harm", "myslef": "myself",
    "mysef": "myself", "meself": "myself", "mself": "myself", "myselfe": "myself", "maself": "myself",
    "cuting": "cutting", "cuttin": "cutting", "killin": "killing", "hurtin": "hurting", "harmin": "harming",
    "hittin": "hitting", "beatin": "beating", "punchin": "punching", "kickin": "kicking", "touchin": "touching",
    "drinkin": "drinking", "smokin": "smoking", "sleepin": "sleeping", "runnin": "running", "carryin": "carrying",
    "sellin": "selling", "shottin": "shotting", "trappin": "trapping", "goin": "going", "comin": "coming",
    "nothin": "nothing", "nuthin": "nothing", "nufin": "nothing", "nuffin": "nothing", "nuffink": "nothing",
    "sumthin": "something", "sumfin": "something", "somethin": "something", "stabbin": "stabbing",
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "youre": "you are", "wanna": "want to", "wana": "want to",
    "gonna": "going to", "gunna": "going to", "gona": "going to", "finna": "going to", "tryna": "trying to",
    "gotta": "got to", "bc": "because", "bcos": "because", "bcoz": "because", "cuz": "because", "coz": "because",
    "cos": "because", "becuz": "because", "bcuz": "because", "cause": "because", "ppl": "people", "rn": "right now",
    "tn": "tonight", "2nite": "tonight", "2night": "tonight", "tonite": "tonight", "2day": "today",
    "2moro": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow", "dnt": "dont", "don": "dont", "doesn": "doesnt",
    "carnt": "cant", "cnt": "cant", "wont": "wont", "idk": "i dont know", "idc": "i dont care", "idek": "i dont know",
    "bf": "boyfriend", "gf": "girlfriend", "mam": "mum", "mom": "mum", "mummy": "mum", "ma": "mum",
    "sw": "social worker", "socialworker": "social worker", "wiv": "with", "wid": "with", "no1": "noone",
    "noone": "noone", "nobody": "noone", "some1": "someone", "any1": "anyone", "every1": "everyone",
    "b4": "before", "ded": "dead", "cud": "could", "wud": "would", "shud": "should", "hav": "have", "dat": "that",
    "dem": "them", "dey": "they", "wen": "when", "wot": "what", "wat": "what", "r": "are", "n": "and",
    "2": "to", "4": "for", "ova": "over", "pics": "pictures", "pic": "picture", "piccies": "pictures",
    "photos": "pictures", "photo": "picture", "selfies": "pictures", "snaps": "pictures", "vids": "videos",
    "vid": "video", "nudez": "nudes", "nood": "nudes", "noods": "nudes", "tabs": "tablets", "tablits": "tablets",
    "pils": "pills", "meds": "tablets", "paracetamols": "paracetamol", "od": "overdose", "oded": "overdosed",
    "oding": "overdosing", "odd": "odd", "knifes": "knives", "nife": "knife", "knif": "knife", "lecky": "electric",
    "leccy": "electric", "electricity": "electric", "kno": "know", "knw": "know", "ik": "i know", "thru": "through",
    "nite": "night", "plz": "please", "pls": "please", "pleas": "please", "hlp": "help", "halp": "help",
    "skool": "school", "skl": "school", "coll": "college", "bruv": "bro", "fam": "family", "mandem": "olders",
    "elders": "olders", "drunkk": "drunk", "sh": "sh", "im": "im", "ive": "ive", "gotten": "got", "alot": "a lot",
    "anymore": "any more", "nomore": "no more", "everyday": "every day", "everynight": "every night",
    "theyll": "they will", "theyd": "they would", "hed": "he would", "youll": "you will",
    "bedroom": "room", "bdroom": "room", "cos'": "because", "tho": "though", "ive": "ive",
}

#: Words that carry no risk on their own; a rule needs an anchor outside them.
NEGATORS = frozenset("not never noone nothing dont doesnt didnt isnt wasnt arent aint havent hasnt".split())
#: After a negator, these words mean the risk is not being denied ("dont know if", "never told anyone").
NOT_A_DENIAL = frozenset("""
know think care tell told understand sure want remember mind knows believe believes believed listen listens
listened cares help helps helped notice notices noticed ask asks asked said say mention mentioned report reported
only just even always stop stops stopped get realise realize see
""".split())

ME = r"(?:me|us)"
MYSELF = r"(?:my ?self|myself)"
PARTNER = (r"(?:boyfriend|girlfriend|partner|husband|wife|ex|ex boyfriend|ex girlfriend|fiance|babys dad|baby dad|"
           r"babys father|kids dad|babys mum|missus)")
HIT = (r"(?:hits?|hitting|hit|beats?|beating|beat|punch(?:es|ed|ing)?|kicks?|kicked|kicking|slap(?:s|ped|ping)?|"
       r"smack(?:s|ed|ing)?|whack(?:s|ed|ing)?|batter(?:s|ed|ing)?|chok(?:e|es|ed|ing)|strangl(?:e|es|ed|ing)|"
       r"push(?:es|ed|ing)?|shov(?:e|es|ed|ing)|grab(?:s|bed|bing)?|drag(?:s|ged|ging)?|belt(?:s|ed)?|bit|bites|"
       r"scratch(?:es|ed)|squeez(?:e|es|ed)|hurt(?:s|ing)?|throttl(?:e|es|ed))")
HIT_ANCHORS = ("hit hits hitting beat beats beating punch punches punched punching kick kicks kicked kicking slap "
               "slaps slapped slapping smack smacks smacked smacking whack whacks whacked whacking batter batters "
               "battered battering choke chokes choked choking strangle strangles strangled strangling push pushes "
               "pushed pushing shove shoves shoved shoving grab grabs grabbed grabbing drag drags dragged dragging "
               "belt belts belted bit bites scratches scratched squeeze squeezes squeezed hurt hurts hurting "
               "throttle throttles throttled")
SCARED = r"(?:scared|scarred|frightened|afraid|terrified|petrified|scaredd|fearful)"
SCARED_ANCHORS = "scared scarred frightened afraid terrified petrified fearful"
FAMILY = (r"(?:my )?(?:family|mum|dad|little brother|brother|sister|little sister|nan|gran|lil bro|lil sis|baby|"
          r"kids|son|daughter|siblings|foster carer|carer|carers)")
DRUGS = (r"(?:weed|drugs|coke|cocaine|pills|xanax|xans|ket|ketamine|mdma|mandy|pingers|spice|mamba|balloons|nos|"
         r"laughing gas|lean|codeine|tramadol|pregabalin|vodka|alcohol|booze|spirits|cans|cider|a bottle|bottles|"
         r"spliffs?|zoots?|blunts?|joints|edibles|skunk|cannabis|crack cocaine|heroin|painkillers)")
DRUG_ANCHORS = ("weed drugs coke cocaine pills xanax xans ket ketamine mdma mandy pingers spice mamba balloons nos "
                "gas lean codeine tramadol pregabalin vodka alcohol booze spirits cans cider bottle bottles spliff "
                "spliffs zoot zoots blunt blunts joints edibles skunk cannabis crack heroin painkillers drink "
                "drinking drank drunk high stoned wasted")

#: Words too common in ordinary comments to wake the rules; a rule needs a rarer anchor besides.
COMMON = frozenset("""
care help get social worker home make out live family how own keep see moved things stay life plan go
where give move nothing living take back wish leaving better listen listens made let talk house flat
friends mum dad contact pay changing moving keeps without stop afford never placement only
someone stuff making miss advocate interview changed letters check ring waiting share everything
speak teacher train paying rent bills tenancy medication
""".split())

RULES: list[tuple[str, str, str | tuple[str, ...]]] = [
    # --- suicidal thoughts and plans ---
    ("suicidal-thoughts", "kill killing killed kills", rf"kill(?:ing|ed|s)? {MYSELF}"),
    ("suicidal-thoughts", "suicide suicidal suicidally sewer slide", r"suicid\w*|sewer ?slide\w*|sui cide"),
    ("suicidal-thoughts", "end ending ended", rf"end(?:ing)? (?:it all|my life|my own life|things|{MYSELF}|everything|"
                                              r"it)\b(?! (?:with|at|on|in|for|by|between|there|now|early|soon))"),
    ("suicidal-thoughts", "die dead disappear exist born alive gone sleep wake",
     r"(?:want|wanted|wants|wish|wishing|wished|would rather|rather|ready|just want|hope|hoping) (?:to )?(?:i )?"
     r"(?:die|be dead|was dead|were dead|disappear forever|not exist|stop existing|not be here|not be alive|"
     r"not wake up|never wake up|go to sleep forever|sleep forever|sleep and never|be gone|was never born|"
     r"had never been born|were never born|wasnt born|was not born|wasnt here|wasnt alive|could disappear)"),
    ("suicidal-thoughts", "dead born alive gone here", r"wish (?:i|id|im)(?: was| were| had)? (?:dead|never born|"
                                                       r"not born|never been born|gone|not here|not alive)"),
    ("suicidal-thoughts", "here live alive wake exist carry go around see living",
     r"(?:dont|do not|dont really|dont even) (?:want|wanna) (?:to )?(?:be here|live|be alive|wake up|exist|carry on|"
     r"go on|be around|see tomorrow|keep living|keep going|be on this earth|be in this world)"),
    ("suicidal-thoughts", "wake waking", r"(?:hope|hoping|wish|want|pray|praying|and|just|to|then|maybe|sleep|bed) "
                                         r"(?:i |to |and )?(?:dont|never|not|do not|wont) (?:wake|waking) (?:up|again)"),
    ("suicidal-thoughts", "wake", r"never wake up|not wake up again|not to wake up|not have to wake up"),
    ("suicidal-thoughts", "point reason",
     r"(?:no|whats the|what is the|aint no|isnt any|isnt a|dont see the|cant see the|not any|see no) (?:point|reason) "
     r"(?:in |of |to |for )?(?:living|being alive|going on|me being here|life|my life|anything|carrying on|"
     r"being here|trying|me|existing|staying|keep going|waking up|it all|any of it|being around|me living)"),
    ("suicidal-thoughts", "better off happier without",
     r"better off (?:dead|without me|if i was(?:nt| not) (?:here|around|alive)|if i (?:died|was dead|was gone)|gone)|"
     r"(?:be|is|are) (?:better|happier|easier) (?:off )?(?:without me|if i was(?:nt| not)|if i was gone|when im gone)"),
    ("suicidal-thoughts", "take taking took life", r"(?:take|taking|took|end|ending) my (?:own )?life"),
    ("suicidal-thoughts", "here around", r"not (?:be|being|gonna be|going to be) (?:here|around|alive) (?:any more|"
                                         r"much longer|for long|next|by|after|soon|tomorrow|this time)"),
    ("suicidal-thoughts", "goodbye bye letter letters note notes message messages",
     r"(?:goodbye|good bye|bye|suicide|last|final) (?:letter|note|message|messages|letters|notes|texts)|"
     r"(?:writ\w*|wrote|left|leave|leaving) (?:a |some |my )?(?:letter|note|notes|letters|messages) (?:for|to) "
     r"(?:my |everyone|when|after|people|each)|this is (?:my )?(?:goodbye|the last)|saying (?:my )?goodbyes?"),
    ("suicidal-thoughts", "gone dead", r"(?:when|after|once|if) im (?:gone|dead|not here)\b(?! (?:on|to|for|away) )"),
    ("suicidal-thoughts", "tablets pills paracetamol painkillers medication tablet",
     r"(?:saving|saved|save|stockpil\w*|collecting|collected|hoarding|hoarded|storing|stored|hiding|hid|keeping|kept|"
     r"stashing|stashed|got|have|bought|buying|counting|counted) (?:up )?(?:my |me |all my |some |loads of |lots of |"
     r"enough |a lot of |a box of |boxes of |a stash of )?(?:tablets|pills|paracetamol|painkillers|medication)"
     r"(?! (?:for my|for the|for a) (?:head|headache|period|cold|hayfever|asthma|adhd))"),
    ("suicidal-thoughts", "tablets pills paracetamol painkillers medication overdose",
     r"(?:take|taking|took|swallow|swallowing|swallowed|neck|necking|necked|down|downed) (?:all|the whole|a whole|"
     r"loads of|all of) (?:my |the |of my |them |a |the )?(?:tablets|pills|paracetamol|painkillers|medication|box|"
     r"packet|bottle)|enough (?:tablets|pills|paracetamol|painkillers) to"),
    ("suicidal-thoughts", "bridge building roof train cliff balcony window tracks edge railway motorway multi car",
     r"(?:jump|jumping|jumped|throw|throwing|threw|step|stepping|stepped|walk|walking|walked|lie|lying|lay) "
     r"(?:myself |my self )?(?:off|of|from|in front of|onto|on to|under) (?:a |the |that |this )?(?:bridge|building|"
     r"roof|train|trains|car park|cliff|multi ?storey|balcony|window|motorway|lorry|bus|car|tracks|railway|edge)"),
    ("suicidal-thoughts", "bridge edge roof railway tracks cliff",
     r"(?:stand|stood|standing|sat|sitting|go|went|going|been|looking|looked|walked|walk|up) (?:on|to|at|over|off|"
     r"down) (?:the|a|that) (?:bridge|edge|roof|railway|train tracks|tracks|cliff)"),
    ("suicidal-thoughts", "how ways die end kill overdose hang methods",
     r"(?:looked|looking|look|checked|checking|googled|googling|searched|searching|research\w*) (?:up )?(?:how|ways|"
     r"methods) (?:to|you can|i can|i could|u can) (?:die|end it|kill|not wake|overdose|hang|do it)|"
     r"(?:painless|quickest|easiest) (?:way|ways) to (?:die|go|end it)"),
    ("suicidal-thoughts", "bridge roof edge tracks cliff balcony railway",
     (r"\b(?:bridge|roof|edge|tracks|cliff|car park|balcony|railway|multi storey)\b",
      r"\b(?:jump|jumping|jumped|fall|falling|throw myself|let go|over the edge|end it|die|step off)\b")),
    ("suicidal-thoughts", "hang hanging hanged noose rope neck",
     rf"hang(?:ing|ed)? {MYSELF}|noose|(?:rope|belt|cord|scarf) (?:round|around) my neck|tie something (?:round|around) my neck"),
    ("suicidal-thoughts", "go carry cope take cant cannot couldnt",
     r"(?:cant|can not|cannot|couldnt) (?:go on|do this any more|take (?:it|this|any of it|life) any more|"
     r"cope any more|carry on|keep going|do life|live like this)"),
    ("suicidal-thoughts", "tired sick done living alive life existing giving give",
     r"(?:tired|sick|done|over) (?:of|with) (?:living|being alive|life|existing|everything and everyone|it all)|"
     r"(?:give|giving|given|gave) up on (?:life|living|everything|myself)"),
    ("suicidal-thoughts", "miss notice care die gone noone", r"(?:noone|nobody) (?:would|will|is going to|gonna) "
                                                   r"(?:even )?(?:miss|notice|care) (?:me |if i|when i|im|i was)|"
                                                   r"(?:dont|do not) care if i (?:die|live|wake up|am dead|get hurt)"),
    ("suicidal-thoughts", "plan planned planning date die end kill", r"(?:got|have|made|make|making) (?:a |the )?(?:plan|date) "
                                                        r"(?:to|for) (?:die|end|kill|it|when|how|do it)|"
                                                        r"(?:planned|planning) (?:how|when) (?:to|ill|i will|im going to)"),
    # --- self-harm ---
    ("self-harm", "self harm harming harmed injury injure injuring",
     r"self ?harm\w*|self injur\w*|harm(?:ing|ed)? {0}".format(MYSELF)),
    ("self-harm", "sh", r"(?:doing|did|do|relapsed on|relapse|relapsed|started|start|back on|urges to|urge to|"
                        r"want to|my) sh\b|\bsh (?:again|scars|urges|relapse)"),
    ("self-harm", "cut cutting cuts", rf"cut(?:ting|s)? (?:{MYSELF}|my (?:arm|arms|leg|legs|wrist|wrists|thigh|thighs|"
                                      r"skin|stomach|hips?|body|belly|tummy))"),
    ("self-harm", "hurt hurting harm burn burning burnt burned punish punishing scratch scratching scratched starve "
                  "starving starved hit hitting bite biting stab stabbing scald punch punching hurted",
     rf"(?:hurt|hurting|hurted|harm|burn|burning|burnt|burned|punish|punishing|scratch\w*|starve|starving|starved|"
     rf"hit|hitting|bite|biting|stab\w*|scald\w*|punch\w*) {MYSELF}"),
    ("self-harm", "cutting", r"(?:started|been|still|keep|kept|back to|go back to|went back to|cant stop|want to "
                             r"start|stop|urge to start|thinking about|think about) cutting|cutting again|cutting "
                             r"(?:myself )?(?:every|most|when|at night|in the)"),
    ("self-harm", "cuts scars scar blade blades razor razors sharpener",
     r"(?:the|my|fresh|new|hide|hiding|cover|covering) (?:cuts|scars) (?:on|up) my|razor blades?|(?:sharpener|razor) apart|"
     r"blades? out of (?:a |my )?sharpener|blades? (?:to|from|"
     r"out of|hidden)|(?:break|broke|broken|took apart|taking apart) (?:a |my )?(?:sharpener|razor)"),
    ("self-harm", "overdose overdosed overdosing overdoses",
     r"overdos\w*"),
    ("self-harm", "tablets pills paracetamol meds tablet",
     r"took (?:loads of|too many|a load of|all my|a bunch of|lots of|a handful of|extra|more) (?:tablets|pills|"
     r"paracetamol)"),
    ("self-harm", "bleed bleeding sick head hair", rf"(?:make|made|making) {MYSELF} (?:sick|bleed)|(?:bleed|bleeding) "
                                                   r"on purpose|(?:bang|banging|banged|hit|hitting) my head (?:on|against)"
                                                   r" (?:the|a) (?:wall|floor|door)|pull(?:ing|ed)? (?:my )?hair out"),
    ("self-harm", "deserve pain suffer", r"deserve (?:the |to feel )?(?:pain|to hurt|to suffer|to be hurt|it)"),
    # --- sexual abuse ---
    ("sexual-abuse", "touch touches touched touching",
     r"touch(?:es|ed|ing)? (?:me|us|my (?:private|privates|bum|boobs|chest|body|legs?|thighs?|willy|vagina|parts|"
     r"breasts|bottom))"),
    ("sexual-abuse", "rape raped rapes raping rapist", r"rap(?:e|ed|es|ing|ist)\b"),
    ("sexual-abuse", "sexual sexually molest molested molesting interfered interferes fiddled fiddles",
     r"sexual(?:ly)? (?:abus\w*|assault\w*|touch\w*)|molest\w*|(?:interfer(?:ed|es|ing)|fiddl(?:ed|es|ing)) with (?:me|us)"),
    ("sexual-abuse", "room bed", r"(?:comes?|came|coming|creeps?|crept|sneaks?|snuck|gets?|got|climbs?|climbed|walks?|"
                                 r"walked) (?:in|into|in to) (?:my|me) (?:room|bed) (?:at night|in the night|when im "
                                 r"(?:asleep|sleeping|in bed)|while im|and (?:touches|gets|lies|lays|sits on my bed|"
                                 r"shuts|locks)|late|every night)|(?:gets?|got|climbs?|climbed) (?:in|into) (?:my )?bed "
                                 r"with me|(?:sleeps?|slept|lies|lays) in my bed with me"),
    ("sexual-abuse", "kiss touch undress strip clothes porn naked willy dick penis",
     r"(?:wants?|wanted|asks?|asked|make|makes|made|force|forces|forced|tries|tried) (?:me )?(?:to )?(?:kiss|touch|"
     r"undress|strip|take (?:off )?my clothes|watch porn|have sex|do sexual)|(?:shows?|showed|showing|sends?|sent) me "
     r"(?:porn|his (?:private|privates|willy|dick|penis|thing)|naked (?:pictures|videos))"),
    ("sexual-abuse", "shower bath changed changing undress watching watches watched",
     r"(?:watches|watched|watching|stares at|staring at|films|filmed) me (?:in the shower|in the bath|get changed|"
     r"getting changed|undress)|(?:walks?|walked|comes?|came) in (?:on me )?when im (?:in the shower|in the bath|"
     r"getting changed|changing|naked)"),
    ("sexual-abuse", "secret", r"(?:says?|said|told me|tells me) (?:its|it is|it was|it has to be|to keep it) (?:our|a) "
                               r"(?:little )?secret"),
    ("sexual-abuse", "sex", r"(?:made|make|makes|forced|forces|pressured|pressures) me (?:to )?have sex|"
                            r"(?:had|have) sex with me"),
    # --- sexual exploitation ---
    ("sexual-exploitation", "nudes nude naked sexting dirty sexual rude explicit underwear",
     r"nudes?\b|naked (?:pictures|picture|videos|video)|(?:pictures|videos) (?:of me )?(?:naked|with no clothes|"
     r"in my underwear|without (?:my )?clothes)|sexting|(?:dirty|sexual|rude|explicit) (?:pictures|messages|videos|chat|"
     r"stuff)"),
    ("sexual-exploitation", "share send post leak show pictures videos",
     r"(?:threaten\w*|going to|will|hell|shell|said (?:he|she|they) (?:would|will)) (?:to )?(?:share|send|post|leak|show) (?:my|the|"
     r"them|those|everyone my) (?:pictures|videos|nudes)"),
    ("sexual-exploitation", "pictures picture videos video",
     r"(?:send|sent|sending|asks? for|asked for|asking for|wants?|wanted|pressur\w+ me (?:to|into) send\w*) "
     r"(?:him|her|them|this (?:man|guy)|a man|an older) (?:pictures|videos)? ?(?:of (?:me|my body|myself))"),
    ("sexual-exploitation", "groom groomed grooming grooms", r"groom(?:ed|ing|s)?\b"),
    ("sexual-exploitation", "online snapchat snap insta instagram tiktok discord internet app roblox whatsapp "
                            "facebook game xbox",
     (r"\b(?:meet|meeting|met up|meet up|meetup|come and get me|pick me up|picking me up|picked me up|see him|come round|"
      r"come over|visit me|address|where i live|hotel|his house|his flat|his car)\b",
      r"\b(?:online|snapchat|snap|insta|instagram|tiktok|discord|internet|an app|roblox|whatsapp|facebook|a game|xbox)\b",
      r"\b(?:man|guy|stranger|someone|person|he|him|boy|older|bloke|adult)\b")),
    ("sexual-exploitation", "older grown adult men",
     (r"\b(?:older|grown|adult|old) (?:man|men|guy|guys|boy|boys|lad|lads|people|person|woman|bloke|blokes|girl|girls)"
      r"\b|\bmen\b",
      r"\b(?:gifts?|presents?|parties|party|alcohol|drink|vodka|lifts?|hotel|buys me|bought me|give me|gives me|gave "
      r"me|picks me up|picked me up|drives me|takes me|took me|flat|house|sleep over|stay over|sex|love me|kiss|"
      r"girlfriend|boyfriend|nails|trainers|vapes?|weed|money|phone)\b")),
    ("sexual-exploitation", "boyfriend", r"(?:boyfriend|girlfriend|man|guy|he is|hes)\b.{0,25}\b(?:1[89]|[2-5][0-9]|"
                                         r"twenty\w*|thirty\w*|forty\w*)\b.{0,25}\b(?:im|i am|me)\b.{0,10}\b(?:1[0-7]|"
                                         r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b|(?:much|way|lot|loads|"
                                         r"years) older (?:boyfriend|girlfriend|than me)"),
    ("sexual-exploitation", "sex sexual stuff things exchange return money drugs",
     r"(?:sex|sexual (?:things|stuff)|stuff|things|favours) (?:for|in exchange for|in return for) (?:money|drugs|weed|"
     r"a place to stay|somewhere to stay|food|vapes|gifts|lifts|a bed)"),
    ("sexual-exploitation", "around round mates friends", r"(?:pass|passed|passing|shares?|shared) (?:me )?"
                                                           r"(?:around|round) (?:to )?(?:his|their|the) (?:mates|friends)"),
    ("sexual-exploitation", "camera cam webcam call facetime", (r"\b(?:camera|cam|webcam|video call|facetime)\b",
                                                               r"\b(?:undress|take off|naked|clothes|touch|show him)\b")),
    # --- physical abuse ---
    ("physical-abuse", HIT_ANCHORS, rf"{HIT} (?:me|us|my (?:arm|arms|face|head|neck|wrist|wrists|little brother|"
                                    r"brother|sister|baby sister|little sister|lil bro|lil sis|back|legs|hair))\b"),
    ("physical-abuse", "throws throw threw throwing things stuff", r"(?:throws?|threw|throwing) (?:things|stuff|"
                                                                   r"shoes|plates|a \w+|his \w+|her \w+) at (?:me|us)"),
    ("physical-abuse", "bruise bruises bruised eye lip broke marks", r"bruis(?:e|es|ed|ing)|black eye|split lip|marks "
                                                                     r"on (?:me|my)|broke my (?:arm|nose|wrist|finger|rib)"),
    ("physical-abuse", "restrain restrained restrains restraining restraint restraints down headlock hold pinned pin "
                       "pins pinning held holds holding sat knelt kneel kneels kneeling",
     r"restrain(?:ed|s|ing)? (?:me|us)|(?:was|got|been|get|gets|being|im) restrained|restraints? (?:on|of) me|"
     r"(?:held|hold|holds|holding|pinned|pin|pins|pinning|pushed|push) (?:me|us) (?:down|on the floor|against)|"
     r"(?:sat|sits|sitting|knelt|kneels|kneel|kneeling|lay|lie|lies|lying) on (?:me|top of me|my (?:back|chest|legs|arms))|"
     r"(?:put|puts|putting) me in (?:a )?(?:hold|headlock|restraint)"),
    ("physical-abuse", "lock locks locked locking kept keep keeps shut shuts",
     r"(?:locks?|locked|locking) (?:me|us) (?:in|up|in my room|in the|inside|away)|(?:locks?|locked) (?:my|the) "
     r"(?:door|room door) (?:from the outside|so i cant|on me)|(?:kept|keeps|keep|shut|shuts) (?:me|us) in (?:my|the|a) "
     r"(?:room|house|cupboard|shed|garden)"),
    ("physical-abuse", "wont let out leave", r"(?:wont|dont|doesnt|never|not) let (?:me|us) (?:out|leave)(?: of)? "
                                             r"(?:my|the) (?:room|house)"),
    # --- domestic abuse ---
    ("domestic-abuse", "strangle strangles strangled strangling choke choked chokes choking neck throat breathe",
     r"strangl\w*|chok(?:e|ed|es|ing) me|(?:hands?|arm) (?:round|around|on) my (?:neck|throat)|couldnt breathe"),
    ("domestic-abuse", "boyfriend girlfriend partner husband wife ex fiance dad missus babys",
     (rf"\b{PARTNER}\b", rf"\b(?:{HIT}|throws?|threw|threaten\w*|control\w*|checks? my phone|wont let me|doesnt let me|"
                         r"dont let me|takes? my (?:money|phone|bank card|card)|took my (?:money|phone|card)|follows me|"
                         r"followed me|turns? up|turned up|keeps turning up|came round|comes round|stalk\w*|watching "
                         r"me|tracks? me|tracking|track my|kill me|screams|shouts|jealous|angry)\b")),
    ("domestic-abuse", "ex", r"\bex (?:keeps |kept |has been |is |was )?(?:turn\w* up|show\w* up|came round|coming round|"
                             r"comes round|outside|waiting|following|messag\w*|texting|calling|ringing|threaten\w*|"
                             r"found (?:out )?where)"),
    ("domestic-abuse", HIT_ANCHORS, rf"{HIT} (?:my )?(?:mum|dad|her|him|nan|stepmum|stepdad|my mums?)\b"),
    ("domestic-abuse", "domestic refuge", r"domestic (?:abuse|violence)|womens refuge|\brefuge\b|womens aid"),
    # --- criminal exploitation ---
    ("criminal-exploitation", "county line lines trap cuckoo cuckooing trapping ots cunch",
     r"county ?lines?|trap ?houses?|trapping|cuckoo\w*|\bots\b|\bcunch\b|out of town (?:for|to sell|with)"),
    ("criminal-exploitation", "run runs runs drop drops shift shifts", r"(?:do|doing|did|done) (?:a |the |some )?"
                                                                       r"(?:run|runs|drops|drop|shift|shifts)\b"),
    ("criminal-exploitation", "running run", r"(?:running|run|ran) (?:a |the )?(?:line|lines|food|drugs|packs|"
                                             r"packages|parcels|errands|bits) for|running for (?:them|him|the olders|"
                                             r"older|a gang|the gang)"),
    ("criminal-exploitation", "carry carrying carried hold holding held drop dropping dropped move moving moved "
                              "deliver delivering delivered take taking took keep keeping kept hide hiding hid stash "
                              "stashing stashed",
     r"(?:carry|carrying|carried|hold|holding|held|drop|dropping|dropped|move|moving|moved|deliver|delivering|"
     r"delivered|take|taking|took|keep|keeping|kept|hide|hiding|hid|stash|stashing|stashed) (?:stuff|things|drugs|"
     r"packages?|bags?|parcels?|food|packs?|a package|a bag|a parcel|their stuff|his stuff|it|money|phones?|weed|"
     r"cash|bits) (?:for|to) (?:them|him|older|these|some|people|a guy|a man|other people|the olders|the older|my "
     r"olders)"),
    ("criminal-exploitation", "owe owes owing owed debt debts",
     r"(?:owe|owes|owing|owed) (?:them|him|these|people|the older|the olders|a debt|money|loads|a lot|them money|him "
     r"money)|(?:debt|debts) (?:to )?(?:them|him|people|older|bond)|(?:work|working|pay|paying) (?:it )?off (?:the )?"
     r"(?:debt|what i owe)|(?:robbed|lost) (?:the )?(?:stuff|drugs|package|bag|money) (?:and|so) (?:now )?(?:i )?owe"),
    ("criminal-exploitation", "shotting shot selling sell sold deal dealing dealt bag bagging weighing",
     r"(?:shotting|selling|sell|sold|deal|dealing|dealt|bag up|bagging up|weighing out|weigh out) (?:drugs|weed|crack|"
     r"coke|food|bags|gear|pills|nitty|for (?:them|him|older|the olders))"),
    ("criminal-exploitation", "nitty nitties shotta shottas shotter shotters olders burner",
     r"\b(?:nitty|nitties|shottas?|shotters?|my olders|the olders|olders|burner (?:phone|phones)?|burners)\b"),
    ("criminal-exploitation", "make made makes forced forcing forces pressure pressured pressuring carry carrying "
                              "sell selling steal stealing shoplift shoplifting rob robbing deal dealing hide stash",
     r"(?:make|made|makes|forced|forcing|forces|pressur\w+) (?:me|us) (?:to |into )?(?:sell|selling|carry|carrying|"
     r"deal|dealing|hide|hiding|stash|steal|stealing|rob|robbing|shoplift\w*|nick|nicking|run drugs|do drops|deliver|"
     r"hold (?:stuff|drugs|things|it))"),
    ("criminal-exploitation", "gang gangs", r"\bgangs?\b(?! of (?:friends|mates))"),
    ("criminal-exploitation", "drop dropping dropped deliver delivering delivered packages parcels packs",
     r"(?:drop|dropping|dropped|deliver\w*) (?:off )?(?:packages|parcels|packs|bags|bits)|(?:pay|pays|paid|paying) "
     r"(?:me|us) (?:to|for) (?:carry|take|drop|deliver|hold|move|run|sell|keep)"),
    ("criminal-exploitation", "money cash paid pay pays paying",
     r"(?:pay|paying|paid|give|gives|gave|offer\w*) (?:me |us )?(?:loads of |good |easy |quick |bare |a lot of )?(?:money|"
     r"cash|a lot) (?:to|for) (?:carry|take|drop|deliver|hold|move|go to|run|sell|keep)"),
    ("criminal-exploitation", "carry owe debt package run sell drop snitch grass",
     (r"\b(?:hurt|get|stab|kill|shoot|find|go after|come for|target|touch|burn)\b",
      rf"\b{FAMILY}\b", r"\b(?:owe|debt|run|package|carry|work for|sell|drop|money|dont do|if i dont|if i stop|snitch|"
                        r"grass)\b")),
    ("criminal-exploitation", "train trains coach town city",
     (r"\b(?:train|trains|coach|sent me|send me|take me|took me)\b", r"\b(?:other|another|different) (?:town|city|"
                                                                    r"place)\b",
      r"\b(?:package|bag|drop|stay|flat|stuff|money|phone|for them|for him|olders)\b")),
    # --- threats and weapons ---
    ("violence-threats", "stab kill hurt beat jump batter shank smash merk ching wet bore dip shoot slice cut burn "
                         "murder end rush kick punch slap hit knife drill violate get said gonna threaten threatened swore swear "
                         "promised",
     r"(?:said|say|says|saying|going to|will|threaten\w*|told me|told us|promised|swear|swore|wants? to|trying to|"
     r"tried to|coming to|out to|gonna|keep saying|keeps saying|messag\w*)\b(?:\s\w+){0,6}\s(?:stab|kill|hurt|beat|"
     r"jump|batter|shank|smash|merk|ching|wet|bore|dip|shoot|slice|cut|burn|murder|end|rush|kick|punch|slap|hit|knife|"
     r"drill|violate) (?:me|us|my)\b|(?:said|going to|will|gonna|coming to|out to|trying to) get (?:me|us)\b(?! (?:through|ready|to|a|an|some|into|there|home|back|sorted|help|up|out|in|from|on|off|new|my|the|one|it|started|involved|used|settled))"),
    ("violence-threats", "knife knives blade machete shank gun guns strap nank nanks bat weapon weapons rambo acid "
                         "shanks",
     r"(?:carry|carries|carrying|carried|bring|brings|brought|bringing|pull|pulls|pulled|pulling|got|had|has|have|hide|"
     r"hides|hid|keep|keeps|kept|wave|waved|waving|show|showed|flash|flashed|threaten\w*|with|buy|bought|held|hold|holds|"
     r"holding|sleep with|pointed|points) (?:out )?(?:a |an |his |her |their |my |the |me with a |me with an |me with "
     r"|one |some )?(?:knife|knives|blade|machete|zombie knife|shank|shanks|gun|guns|strap|nank|nanks|bat|baseball bat|"
     r"weapon|weapons|rambo|acid|flick knife|kitchen knife)\b"),
    ("violence-threats", "stab stabbed stabbing stabs shanked shanking shot jumped rushed robbed beaten battered drive",
     r"stab(?:bed|bing|s)?\b|shank(?:ed|ing)\b|(?:shot at|shooting at|drive ?by)|(?:got|get|gets|getting|was|been) "
     r"(?:jumped|rushed|robbed|shot|stabbed|beaten up|battered|attacked|mugged)|(?:jumped|rushed|attacked|mugged) "
     r"(?:me|us)\b|(?:going to|will|want to|wants to|gonna) (?:jump|rush) (?:me|us)"),
    ("violence-threats", "after coming out gunning price bounty following",
     r"(?:theyre|they are|hes|he is|shes|she is|people are|someone is|gang is|they|people|boys|lads|girls) (?:are |is )?"
     r"(?:after me|coming for me|out for me|gunning for me|looking for me|following me|waiting for me outside|waiting "
     r"outside)|(?:price|bounty) on my head"),
    ("violence-threats", "threat threats threaten threatened threatens threatening",
     r"threat(?:s|en|ened|ens|ening)?\b(?! to (?:move me|take my phone|take away|stop my pocket|ground))"),
    ("violence-threats", "kill", r"kill (?:me|us|my \w+) if i (?:(?:tell|told|talk|speak) (?:anyone|someone|the police|my social|social|"
                                 r"staff|what|about (?:it|this|him|them))|snitch|grass|say anything|go to the police|"
                                 r"leave|report|dont pay|dont give|dont do what)"),
    ("violence-threats", "bullied bullying bullies bully bullys picked pick picks picking",
     r"bull(?:ied|ying|ies|y|ys)\b|(?:picked|pick|picks|picking) on (?:me|us)"),
    # --- homeless or thrown out ---
    ("homelessness", "nowhere", r"no ?where (?:(?:else )?to )?(?:sleep|stay|go|live)|nowhere (?:tonight|safe)"),
    ("homelessness", "place home bed roof", r"no (?:place|home|bed|roof|where) (?:to (?:go|sleep|stay|live)|for tonight|"
                                            r"tonight)|(?:dont|do not) have (?:a )?(?:home|anywhere to (?:go|sleep|stay))"),
    ("homelessness", "kicked thrown chucked threw kick throw chuck turfed booted kicking throwing chucking",
     r"(?:kicked|thrown|chucked|threw|kick|throw|chuck|turfed|booted|kicking|throwing|chucking) (?:me |us )?out"
     r"(?! of (?:class|lesson|lessons|the lesson|school|the game|the team|club|the club|the group|maths|english|science|"
     r"college|pe|the shop|the match|the cinema|the library))"),
    ("homelessness", "sleep sleeping slept", r"(?:sleep|sleeping|slept) (?:rough|outside|on the streets?|in (?:a |the |"
                                             r"my |his |her )?(?:park|car|tent|bus station|stairwell|doorway|station|"
                                             r"bin shed|shed|garage|subway)|on (?:a |the |my mates |mates |different )?"
                                             r"(?:bench|sofa|sofas|couch|floor|floors|night bus|buses)|at (?:a |the )?"
                                             r"(?:bus|train) station|at (?:a |my )?(?:mates|friends))"),
    ("homelessness", "homeless homelessness sofa couch surfing evicted eviction evict streets street",
     r"homeless\w*|(?:sofa|couch) ?surf\w*|evict\w*|on the streets?\b|section 21"),
    ("homelessness", "lost losing lose flat home house tenancy room place accommodation hostel",
     r"(?:lost|losing|lose|lost) my (?:flat|home|house|tenancy|room|place|accommodation|hostel|bed)"),
    ("homelessness", "leave out notice told", r"(?:told|tell|tells|telling|wants|want|given|gave|said) (?:me )?(?:to |my )?(?:pack my "
                                         r"(?:bags|stuff|things) and )?(?:leave|get out|go|notice) (?:the house|the flat|"
                                         r"home|and not come back|tonight|for good|by|today|now)"),
    ("homelessness", "where sleep stay tonight", r"where (?:will|am|do|can|shall|should) i (?:sleep|go|stay|live) "
                                                 r"(?:tonight|now)|(?:dont|do not) know where (?:to |im |i will |ill )?"
                                                 r"(?:go|sleep|stay|sleeping|staying) (?:tonight|now)"),
    # --- going missing ---
    ("going-missing", "ran run running runs away off",
     r"(?:ran|run|running|runs|going to run|want to run|wanna run) (?:away|off)\b(?! (?:with (?:it|the|my)|from (?:my|the) "
     r"problems|from spiders))"),
    ("going-missing", "missing", r"(?:went|go|going|gone|goes|keep going|been|was|were|get|got) missing|(?:reported|"
                                 r"report) (?:me )?(?:as )?missing|missing (?:person|from care|from home|episode|"
                                 r"episodes|again)"),
    ("going-missing", "out night overnight", r"(?:stay|stayed|staying|stays) out (?:all night|overnight|til|till|until"
                                             r"|for days|for the night)"),
    ("going-missing", "night nights days weekend", r"(?:didnt|dont|never|wont|not) (?:come|go|coming|going|came) (?:back|home) "
                                   r"(?:last night|for (?:days|a few days|two days|\w+ nights|the night|the weekend)|"
                                   r"all night|at night|til|till|until)"),
    ("going-missing", "police", r"police (?:brought|bring|found|picked|pick|bringing|fetched|came and got|had to find|"
                                r"looking for|were looking for|came looking for) me|(?:police|they) (?:came|come|were) "
                                r"looking for me"),
    ("going-missing", "interview rhi", r"return (?:home )?interview|\brhi\b"),
    ("going-missing", "sneak snuck sneaking leave left leaving window", r"(?:leave|left|leaving|sneak|snuck|sneaking|"
                                                                        r"climb|climbed) out (?:at night|in the night|"
                                                                        r"the window|through the window|of my window|"
                                                                        r"every night|of the window)"),
    ("going-missing", "disappear disappeared disappearing gone away days",
     r"(?:disappear|disappeared|disappearing|been gone|gone|went off|go off) (?:for|4) (?:days|a few days|\w+ days|the "
     r"weekend|nights|\w+ nights|a week)"),
    # --- neglect ---
    ("neglect", "food electric gas heating water meter nappies milk formula clothes shoes bed sheets bedding duvet "
                "blanket coat dinner tea breakfast lunch eat money",
     r"(?:no|not any|not enough|never any|never enough|hardly any|aint got no|aint got any|dont have any|dont have|"
     r"dont have enough|havent got|havent had|not had|no more|run out of|ran out of|out of|without) (?:any )?"
     r"(?:food|electric|gas|heating|hot water|water|credit on the meter|gas or electric|electric or gas|nappies|milk|"
     r"formula|baby milk|clean clothes|clothes that fit|shoes that fit|bed|sheets|bedding|duvet|blanket|warm clothes|"
     r"coat|winter coat|dinner|tea|breakfast|lunch|anything to eat|nothing to eat|to eat|money for (?:food|gas|electric|"
     r"the meter|nappies|milk|formula|my baby|rent|bills)|money left|money till|money until|food in the (?:house|flat|"
     r"fridge|cupboards))"),
    ("neglect", "nothing eat", r"nothing (?:to eat|in the fridge|in the cupboards|for tea|for dinner)"),
    ("neglect", "eaten ate eat", r"(?:havent|have not|not|didnt|hasnt|aint) (?:eaten|ate|eat|had (?:anything to eat|food"
                                 r"|a meal|dinner|breakfast|tea)) (?:for|since|in|all|properly|anything|today)"),
    ("neglect", "hungry starving", r"(?:hungry|starving) (?:all the time|every day|every night|at night|and (?:theres|"
                                   r"there is) no|and no|no food|because (?:theres|there is) no)|(?:go|goes|went|going|"
                                   r"gone|sent) to bed hungry"),
    ("neglect", "foodbank food bank", r"food ?banks?"),
    ("neglect", "eat feed nappies milk formula gas electric heating meter heat rent bills", r"(?:cant|can not|cannot|couldnt) afford (?:food|to eat|to feed|nappies|milk|formula|gas|"
                          r"electric|heating|the meter|to heat|to put the heating|rent|the rent|bills|my bills|"
                          r"to top up|to live|anything)"),
    ("neglect", "baby son daughter kid milk formula nappies",
     (r"\b(?:baby|babys|son|daughter|kid|little one|lo)\b", r"\b(?:no milk|no formula|no nappies|hungry|nothing to eat|"
                                                            r"not eaten|without milk|without formula|cant feed|cant "
                                                            r"afford|hasnt had (?:milk|food|formula|a bottle|anything)|"
                                                            r"havent got (?:milk|formula|nappies))\b")),
    ("neglect", "electric gas meter power heating", r"(?:electric|gas|meter|power|heating) (?:has |got |is |ran |run |"
                                                    r"went |gone |been |keeps )?(?:off|out|cut off|run out|ran out|"
                                                    r"been cut off|got cut off|disconnected|going off|turned off)"),
    ("neglect", "dark", r"(?:sitting|sit|sat|living) in the dark"),
    ("neglect", "alone own myself", r"(?:left|leave|leaves) (?:me|us) (?:alone|on my own|on our own|home alone|by "
                                    r"myself)\b(?: (?:for|all|overnight|at night|every|when|with no|with my))"),
    ("neglect", "looks cares feeds washes takes", r"noone (?:looks after|cares for|feeds|washes|takes care of|cooks "
                                                  r"for) (?:me|us|my brother|my sister)"),
    ("neglect", "doctor doctors dentist hospital gp medication inhaler medicine",
     r"(?:wont|dont|never|refuse to|refuses to|didnt) (?:take|took) me to (?:the )?(?:doctor|doctors|dentist|hospital|"
     r"gp)|(?:wont|dont|never|didnt) (?:give|gave|let me have) (?:me )?(?:my )?(?:medication|inhaler|medicine|tablets)"),
    ("neglect", "neglect neglected neglecting neglects", r"neglect\w*"),
    ("neglect", "drunk wasted high drugs face using drinking passed",
     r"(?:mum|dad|parents|carer|carers|stepdad|stepmum|foster mum|foster dad) (?:is |are |was |were |gets |get |got |keeps "
     r"getting |always )?(?:always )?(?:drunk|wasted|high|off (?:her|his|their) face|on drugs|using again|drinking again"
     r"|passed out)"),
    ("neglect", "eat food dinner tea breakfast lunch meal meals",
     r"(?:dont|doesnt|wont|never|not|didnt|refuse to|refuses to|stop|stops|stopped) (?:let|lets|give|gives|allow|"
     r"allows|feed|feeds|allowed) (?:me|us) (?:to )?(?:eat|any food|food|dinner|tea|breakfast|lunch|a meal|meals|"
     r"anything to eat)|(?:not|never) allowed (?:to )?(?:eat|food|dinner|tea|breakfast|any food|snacks|anything to eat)|"
     r"starv(?:e|es|ed|ing) (?:me|us)|(?:no|without) (?:dinner|tea|food) (?:as (?:a )?punishment|for punishment)|"
     r"(?:take|takes|took) (?:away )?(?:my|me|our) (?:food|dinner|tea)|lock(?:s|ed)? (?:the )?(?:fridge|kitchen|"
     r"cupboards|food)|sent to (?:my )?(?:room|bed) without (?:dinner|tea|food|eating)"),
    # --- emotional abuse ---
    ("emotional-abuse", "eat food dinner tea breakfast lunch meal meals fridge kitchen starve starves starved "
                        "starving",
     r"(?:dont|doesnt|wont|never|not|didnt|refuse to|refuses to|stop|stops|stopped) (?:let|lets|give|gives|allow|"
     r"allows|feed|feeds|allowed) (?:me|us) (?:to )?(?:eat|any food|food|dinner|tea|breakfast|lunch|a meal|meals)|"
     r"starv(?:e|es|ed|ing) (?:me|us)|(?:no|without) (?:dinner|tea|food) (?:as (?:a )?punishment|for punishment)|"
     r"lock(?:s|ed)? (?:the )?(?:fridge|kitchen|cupboards|food)"),
    ("emotional-abuse", "call calls called calling names",
     r"(?:call|calls|called|calling) (?:me|us) (?:names|fat|ugly|stupid|thick|worthless|useless|retard\w*|slag|slut|"
     r"whore|bitch|dumb|disgusting|pathetic|a waste|mental|psycho|crazy|a mistake|an idiot|idiot|vile|scum|horrible names|"
     r"the n word|racist names|a paki|a freak|freak)"),
    ("emotional-abuse", "worthless useless stupid fat ugly nothing waste disgusting pathetic mistake ruin ruined "
                        "burden unwanted unloved wish regret born wants loves deserve",
     (r"\b(?:says?|said|saying|tell|tells|told|telling|keeps telling|keep saying|makes me feel|made me feel|make me "
      r"feel|screams|shouts)\b",
      r"\b(?:worthless|useless|stupid|fat|ugly|im nothing|i am nothing|like nothing|a waste|disgusting|pathetic|a mistake|never amount|ruin|ruined|"
      r"burden|unwanted|unloved|should never have been born|wish i was never born|wishes i was|regret having me|"
      r"noone wants me|noone loves me|no one wants|no one loves|nobody wants|nobody loves|deserve (?:it|this|to)|"
      r"nobody will ever|noone will ever|never be loved|waste of space)\b")),
    ("emotional-abuse", "scream screams screamed screaming shout shouts shouted shouting yell yells yelled swear swears",
     r"(?:scream|screams|screamed|screaming|shout|shouts|shouted|shouting|yell|yells|yelled|yelling|swear|swears|"
     r"swore|swearing) (?:in my face|at (?:me|us) (?:all the time|every day|constantly|for no reason|for hours|until|"
     r"till|and|in my face|so much|every|whenever))"),
    ("emotional-abuse", "call ring phone text speak talk see contact tell social worker iro advocate childline police "
                        "anyone teacher",
     r"(?:not allowed|wont let me|dont let me|doesnt let me|never let me|never lets me|stop me|stops me|stopped me|"
     r"wont allow me|cant|scared to|too scared to|afraid to) (?:to )?(?:call|ring|phone|text|speak to|talk to|see|"
     r"contact|tell|message) (?:my )?(?:social worker|iro|advocate|independent reviewing officer|pa|personal advis\w+|"
     r"childline|the police|anyone|teacher|my teacher|staff|someone)"),
    ("emotional-abuse", "phone calls listen listens read reads check checks social worker iro",
     (r"\b(?:takes?|took|listen|listens|listened|read|reads|check|checks|checked|watch|watches) (?:my )?(?:phone|calls|"
      r"messages|texts)\b", r"\b(?:social worker|iro|advocate|pa|cant (?:call|ring|tell|talk)|so i cant)\b")),
    ("emotional-abuse", "warned never told", r"(?:told|tell|tells|telling|warned) (?:me|us) (?:not to|to never|never to|to "
                                     r"not|to keep quiet|dont) (?:tell|say|speak|talk|snitch)"),
    ("emotional-abuse", "treat treats treated", r"(?:treat|treats|treated) (?:me|us) (?:like|as) (?:dirt|a dog|a slave"
                                                r"|a servant|an animal|nothing|crap|shit|a prisoner|a maid|rubbish|a "
                                                r"burden|an outsider|a lodger|a paycheck|a pay cheque|money|a stranger)|"
                                                r"(?:treat|treats|treated) (?:me|us) (?:different|differently) (?:to|"
                                                r"from|than) (?:their|her|his) own"),
    ("emotional-abuse", "money", r"only (?:doing it|do it|in it|have me|keep me|keeps me|want me|wants me|look after me|foster me|here) "
                                 r"for (?:the )?money"),
    ("emotional-abuse", "ignore ignores ignored", r"(?:ignore|ignores|ignored) (?:me|us) (?:for days|all the time|"
                                                  r"completely|like im not|for weeks)"),
    ("emotional-abuse", "kill yourself die", r"(?:tell|tells|told|telling|say|says|said) (?:me )?(?:to )?(?:go )?"
                                             r"(?:kill yourself|die|kill myself)"),
    ("emotional-abuse", "racist racism homophobic transphobic", r"(?:racist|racism|homophobic|transphobic|"
                                                                r"homophobia)\b"),
    ("emotional-abuse", "move send away home kick", r"threat\w* (?:to|that (?:they|she|he) will) (?:send me away|move me"
                                                    r"|kick me out|put me in a home|have me moved|get rid of me)"),
    # --- drink or drugs to cope ---
    ("substance-misuse", DRUG_ANCHORS,
     rf"(?:drink|drinking|drank|drunk|get drunk|getting drunk|got drunk|smoke|smoking|smoked|take|taking|took|use|"
     rf"using|used|pop|popping|popped|do|doing|did|sniff\w*|vape|vaping|inhal\w*|huff\w*|buy|buying|need|needs) "
     rf"(?:some |loads of |more |a lot of |so much )?{DRUGS}\b"),
    ("substance-misuse", DRUG_ANCHORS,
     (r"\b(?:drink|drinking|drank|drunk|weed|smoke|smoking|pills|drugs|alcohol|vodka|high|stoned|wasted|off my face|"
      r"off my head|cans|ket|xans|spliffs?|zoots?|cider|booze)\b",
      r"\b(?:to cope|to forget|to numb|to block|to escape|to get through|to switch off|help me sleep|to sleep|to feel "
      r"(?:nothing|numb|normal|better|ok|okay)|so i dont (?:feel|think)|so i can (?:sleep|cope|forget)|every day|every "
      r"night|all the time|before school|on my own|alone|cant stop|deal with|most nights|most days|pass out|black out|"
      r"blackout|till i forget|until i forget)\b")),
    ("substance-misuse", "addicted hooked dependent", rf"(?:addicted|hooked|dependent) (?:to|on) (?:{DRUGS}|drink\w*|"
                                                      r"smoking|getting high|vaping)"),
    ("substance-misuse", DRUG_ANCHORS + " smoking drinking", rf"(?:cant|cannot) (?:stop|go a day without|sleep without|cope without|"
                                         rf"function without) (?:drinking|smoking|getting high|getting drunk|a drink|"
                                         rf"{DRUGS})"),
    ("substance-misuse", "drunk wasted stoned high mashed baked blazed", r"(?:drunk|wasted|stoned|high|off my face|"
                                                                         r"off my head|mashed|baked|blazed|wrecked|"
                                                                         r"hammered) (?:every day|every night|all the "
                                                                         r"time|most days|most nights|before school|at "
                                                                         r"school|in school|on my own|alone|again|to "
                                                                         r"cope|to forget|to sleep)"),
    # --- radicalisation ---
    ("radicalisation", "radicalised radicalized radicalisation radicalization extremist extremists extremism "
                       "extreme",
     r"radicali\w*|extremis\w*|extreme (?:views|group|groups|videos|stuff)"),
    ("radicalisation", "isis daesh jihad jihadi caliphate taliban qaeda nazi nazis action heil incel blackpill "
                       "martyr martyrdom",
     r"\b(?:isis|daesh|jihad\w*|caliphate|taliban|al qaeda|nazis?|neo nazis?|national action|sieg heil|heil|incels?|"
     r"blackpill\w*|martyr\w*)\b"),
    ("radicalisation", "war replacement power genocide", r"holy war|race war|great replacement|white power|white "
                                                         r"genocide|white pride"),
    ("radicalisation", "kill hate hating muslims jews immigrants gays blacks whites foreigners migrants women",
     r"(?:kill|killing|hate|hating|get rid of|deport) (?:all )?(?:the )?(?:muslims|jews|immigrants|gays|blacks|whites|"
     r"pakis|foreigners|migrants|black people|white people|asians)"),
    ("radicalisation", "bomb bombs explosive explosives", r"(?:make|making|build|building|made|how to make) (?:a )?"
                                                          r"(?:bomb|bombs|explosives?)"),
    ("radicalisation", "muslims jews immigrants foreigners migrants", r"(?:immigrants|muslims|jews|foreigners|"
                                                                      r"migrants) (?:are|should be) (?:the problem|"
                                                                      r"taking over|invading|killed|sent back|"
                                                                      r"destroyed|vermin|animals|the enemy)"),
    ("radicalisation", "telegram discord server channel group videos",
     (r"\b(?:telegram|discord|server|channel|group|chat|man|men|people|someone)\b",
      r"\b(?:fight for|join them|join their|the cause|brothers|the truth about|wake up people|take back|the enemy|"
      r"war is coming|propaganda|beheading|attack)\b")),
    # --- feeling unsafe ---
    ("feeling-unsafe", "safe secure", r"(?:dont|do not|never|not|doesnt|dont really|dont always|didnt|cant|wont) "
                                      r"(?:feel|felt|feeling|be|am|am i|stay|keep) (?:very |really |totally )?(?:safe|"
                                      r"secure)|not safe\b|unsafe|(?:is|im|am|are|was|were) (?:not|never) safe"),
    ("feeling-unsafe", "unsafe danger", r"unsafe|in danger"),
    ("feeling-unsafe", SCARED_ANCHORS,
     rf"{SCARED} (?:to go|of going|about going|to be|of being|to stay|of staying|to come|of coming|to return|to sleep|"
     r"to walk|of walking) (?:back|home|there|in|at|alone|near|around|left|on my own|with|out|outside)"
     r"(?! (?:to|at|in) (?:school|college|class|uni|lessons|the exam|exams))"),
    ("feeling-unsafe", SCARED_ANCHORS,
     rf"{SCARED} (?:of|by) (?:him|her|them|my (?!exams|test|tests|results|first|new|future|grades)\w+|the (?:staff|"
     r"older|boys|lads|men|man|people|other|carer|carers|girls|house|manager)|what (?:he|she|they|will|might|could)|"
     r"he|she|they|people|someone|men|boys|lads|going home|being hurt|getting hurt|for my life|where i live|living "
     r"here|living there)"),
    ("feeling-unsafe", SCARED_ANCHORS, rf"{SCARED} (?:he|she|they|someone|people|it|hell) (?:will|is going to|might|"
                                       r"going to|would|will come|comes|is coming|finds|find)|"
                                       rf"{SCARED} for my (?:life|safety)|{SCARED} all the time|"
                                       rf"(?:im|i am|so|really|too) {SCARED} (?:at|in) (?:night|the night|my room|my "
                                       r"placement|the house|my house|home|my flat|the flat|the home|the unit|here)"),
    ("feeling-unsafe", "please plz pls someone asap urgently rescued saved urgent", r"(?:please|plz|someone|pls) help (?:me|us)\b(?! (?:with|to|find|get|do|fill|understand|sort|out with|learn|pick|choose|apply|make|write))|help (?:me|us) (?:please|now|asap|"
                                      r"quick|urgently)|(?:need|needs) help (?:now|asap|please|urgently|quick|right now)"
                                      r"|(?:need|want) (?:to be )?(?:rescued|saved|taken away from)"),
    ("feeling-unsafe", "sleep sleeping slept lock locking wedge wedging block blocking barricade chair",
     r"(?:sleep|sleeping|slept) with (?:a |the )?(?:knife|chair|door (?:locked|blocked|barricaded))|(?:lock|locking|"
     r"wedge|wedging|block|blocking|barricad\w*|put a chair against) (?:my |the )?(?:door|room door)"
     r"(?: (?:at night|every night|so|because|when|before))?"),
    ("feeling-unsafe", "back home return tonight", r"(?:dont|do not|never|cant) (?:want to |wanna )?(?:go|going|"
                                                   r"return) (?:back|home) (?:there|tonight|to (?:that|the) (?:house|"
                                                   r"placement|flat|home))"),
    ("feeling-unsafe", "dread dreading", r"(?:dread|dreading|hate) (?:going|to go) (?:back|home) (?:there|tonight|to "
                                         r"(?:that|the) (?:house|placement|flat|home))"),
    ("feeling-unsafe", "following watching stalking outside waiting", r"(?:keeps |keep |is |are |has been |have been |"
                                                                      r"been )(?:following|watching|stalking|waiting "
                                                                      r"outside|hanging around outside) (?:me|my)"),
    ("feeling-unsafe", "snitch grass tell told", r"if i (?:tell|told|say|snitch|grass)\b.{0,30}\b(?:they|he|she|it|ill|i will|something"
                               r"|bad|worse|hurt|kill|trouble)\b"),
    ("feeling-unsafe", "worry worried scares scare scary", r"(?:he|she|they|it|staff|carer|carers|the house|"
                                                           r"living there|going home) (?:really )?(?:scares|scare|"
                                                           r"frightens|frighten|terrifies|terrify) (?:me|us)"),
    # --- found writing more comments in young people's style ---
    ("suicidal-thoughts", "point", r"(?:dont|cant|do not|cannot) see (?:the |a )?point (?:any more|of anything|in anything|"
                                   r"of living|in living|of being|of me|in me|in trying|of trying|in life)|(?:dont|cant) "
                                   r"see (?:the |a )?point(?= \.|$)"),
    ("suicidal-thoughts", "done everything", r"done with (?:everything|it all|life|living|everyone)(?= \.|$| now| "
                                             r"honestly| tbh| and)"),
    ("suicidal-thoughts", "disappear vanish", r"(?:want|wanna|wish i could|could just|just want|wish i could just) "
                                              r"(?:to )?(?:just )?(?:disappear|vanish)\b(?! (?:to|for a|on|into|with|off to))"),
    ("suicidal-thoughts", "rope noose", r"(?:got|bought|have|hid|hidden|keep|kept|found) (?:a |some |the )?(?:rope|noose)\b(?! (?:swing|ladder|bridge|course|climb))"),
    ("self-harm", "bleed bleeds bleeding", r"(?:till|until|so|and) (?:i|it|they) (?:bleed|bleeds|bled)|make (?:it|them) bleed"),
    ("self-harm", "purpose", (r"\b(?:burn|burnt|burned|cut|scratch\w*|hit|hurt|bruise\w*|starve\w*|punch\w*|bang\w*)\b",
                              r"\bon purpose\b")),
    ("sexual-abuse", "makes forces forced making force", r"(?:makes?|made|making|forces?|forced) (?:me|us) (?:to )?do "
                                                         r"(?:things|stuff) (?:i dont want|i didnt want|to him|to her|with "
                                                         r"him|with her|for him|for money|in bed|in my room|that)"),
    ("sexual-abuse", "privates private willy dick penis", r"(?:pictures|videos|picture|video) of (?:his|her|their) "
                                                          r"(?:private|privates|willy|dick|penis|thing|bits)"),
    ("sexual-exploitation", "online snapchat snap insta instagram tiktok discord internet app roblox whatsapp",
     (r"\b(?:pictures|videos|money|gifts|presents|secret|sends me|send him|wants me)\b",
      r"\b(?:online|snapchat|snap|insta|instagram|tiktok|discord|internet|an app|roblox|whatsapp|facebook)\b",
      r"\b(?:man|guy|stranger|bloke|adult|older|someone i met|person i met)\b")),
    ("sexual-exploitation", "boyfriend girlfriend",
     r"(?:im|i am) (?:1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b.{0,25}\b(?:boyfriend|girlfriend|man|"
     r"guy|hes|he is)\b(?: is)? (?:1[89]|[2-5][0-9]|twenty\w*|thirty\w*|forty\w*)\b"),
    ("emotional-abuse", "door mattress duvet blanket bed clothes",
     r"(?:took|take|takes|taken|takes away|took away) (?:my |our )?(?:door|mattress|bed|duvet|blanket|clothes|shoes)"
     r"(?: (?:off|away))?|(?:wont|dont|never) give (?:me|us) (?:my |a )?(?:mattress|bed|duvet|blanket|clothes)"),
    ("emotional-abuse", "paid", r"(?:only|just) (?:keeps?|has|have|wants?|looks? after|fosters?|puts up with) (?:me|us) "
                               r"(?:because|for|so) (?:she|he|they) (?:gets?|get|can get) paid|(?:she|he|they) (?:only|"
                               r"just) (?:do it|does it|foster|have me) (?:for|because of) (?:the )?(?:money|pay)"),
    ("emotional-abuse", "horrible nasty cruel mean vile evil", r"(?:horrible|nasty|cruel|mean|vile|evil) to (?:me|us)"),
    ("homelessness", "leave tonight", r"(?:have to|got to|need to|must|gotta|told to) (?:leave|get out|move out|go) "
                                      r"(?:tonight|today|now|by tomorrow|the house|the flat|the placement)\b(?! (?:for|to|or ill be late))"),
    ("homelessness", "tent car hostel doorway shed garage stairwell",
     r"(?:staying|living|sleeping|stay|live|stayed|lived|slept) in (?:a |the |my |his )?(?:tent|car|bus station|doorway|"
     r"shed|garage|stairwell|park)"),
    ("feeling-unsafe", "out away here there", r"(?:get|take) (?:me|us) (?:out of|away from) (?:here|this (?:house|place|"
                                              r"placement|flat)|there|them|him|her)"),
    ("feeling-unsafe", "there placement return", r"(?:dont|do not|never|cant) (?:want to |wanna )?(?:go|going|return) "
                                                 r"(?:back|home) (?:there|tonight|to (?:that|the) (?:house|placement|flat|"
                                                 r"home))"),
    ("suicidal-thoughts", "worth", r"(?:life|my life|living) (?:isnt|is not|aint|not|is never) worth|not worth living|"
                                   r"worth more dead"),
    ("self-harm", "scars cuts cutting", r"(?:scars|cuts) (?:on|all over|up) my|from cutting"),
    ("sexual-abuse", "does did doing", r"(?:does|did|do|doing) (?:stuff|things|sexual things|bad things) to (?:me|us)"),
    ("physical-abuse", "hit beaten battered slapped punched kicked smacked whacked hurt",
     r"(?:get|gets|got|getting|been|was|being|am) (?:hit|beaten|battered|slapped|punched|kicked|smacked|hurt|whacked)"
     r"(?: at home| by| all the time| every| when| if| at my| in my| there)"),
    ("criminal-exploitation", "country cunch", r"(?:go|going|went|goes|been|sent|send) (?:out )?(?:country|cunch)"),
    ("criminal-exploitation", "sell shift", r"(?:bits|stuff|things|drugs|food|packs|weed|bags) to (?:sell|shift|drop|"
                                            r"move|hold|carry)"),
    ("violence-threats", "next", r"(?:said|told me|saying|says|say|messaged) (?:that )?(?:im|i am|youre|you are|i was) next"),
    ("emotional-abuse", "regret regrets regretted wishes", r"regret\w* (?:taking me|having me|fostering me|ever having "
                                                           r"me|me)|(?:wishes|wish|wished) (?:she|he|they) (?:never|hadnt|"
                                                           r"had never) (?:took|taken|had|fostered) me"),
    ("feeling-unsafe", "hide hiding hid", r"(?:hide|hiding|hid) (?:in|under) (?:my|the) (?:wardrobe|room|bed|cupboard|"
                                          r"bathroom|toilet) (?:when|because|from|so|every)|(?:hide|hiding|hid) from (?:him|"
                                          r"her|them|my carer|staff)"),
    # Indirect wording the learnt model read weakly on the development set (grouped cross-validation); from
    # here on, see FROM_MODEL_MISSES.
    ("suicidal-thoughts", "alive dark", r"(?:thoughts?|thinking|think|thought) (?:about|of) (?:not being|not be|never being|"
                                        r"being not) alive|dark thoughts"),
    ("suicidal-thoughts", "forever permanently", r"(?:want|wish|need|just want) (?:it|everything|it all|all this|all of "
                                                 r"this|the pain) (?:all )?to (?:stop|end) (?:forever|for good|permanently)"),
    ("suicidal-thoughts", "gave giving given", (r"\b(?:gave|giving|given)\b", r"\b(?:to remember me|remember me by|wont need "
                                                r"(?:them|it)|(?:has|have|keep) (?:them|it) after)\b")),
    ("suicidal-thoughts", "date planned", r"(?:a|my) plan and a date|planned (?:how|when|where) (?:id|i would|i will|ill|to) "
                                          r"do it"),
    ("suicidal-thoughts", "bye goodbye", r"(?:bye|goodbye) to (?:everyone|everybody|all my \w+|my \w+)(?: today| tonight)? "
                                         r"(?:like|as if) (?:it was|its|it is) (?:the|my) last"),
    ("suicidal-thoughts", "calm", (r"\bcalm\b", r"\bdecided\b")),
    ("suicidal-thoughts", "point", r"(?:whats|what is) the point (?:in |of )?(?:even )?(?:being here|being alive|living|"
                                   r"existing|me being here|of me(?= *$| \.))"),
    ("suicidal-thoughts", "way", r"(?:cant|can not|cannot|dont) see (?:a|any) way out|no way out (?:of this|any more)"),
    ("suicidal-thoughts", "over soon", r"(?:all )?my (?:problems|troubles|pain) will (?:all )?be over soon|it will (?:all )?"
                                       r"be over soon"),
    ("suicidal-thoughts", "longer", r"(?:be|being) (?:around|here) (?:much|for much|for long|any) longer"),
    ("suicidal-thoughts", "tablets pills paracetamol painkillers", r"(?:looked|looking|look|searched|searching|googled|"
                                                                   r"googling) (?:up )?how many (?:tablets|pills|"
                                                                   r"paracetamol|painkillers)"),
    ("suicidal-thoughts", "dying death dead", r"(?:poems?|stories|songs?|notes?|letters?|drawings?) about (?:dying|death|"
                                              r"being dead|killing myself|ending it)|(?:think|thinking|thought|thoughts) "
                                              r"(?:about|of) (?:dying|death|being dead)"),
    ("suicidal-thoughts", "jump jumping jumped", r"jump(?:ing|ed|s)? (?:in front of|off|from) (?:a|the) (?:train|bus|car|"
                                                r"lorry|bridge|roof|building|cliff|car park)"),
    ("suicidal-thoughts", "killing", r"(?:thinking|thought|think|thoughts) (?:about|of) killing(?= *$| \.| and| again)"),
    ("suicidal-thoughts", "alive born", r"if i (?:just )?(?:wasnt|was not|werent|were not) (?:alive|born|around)"),
    ("suicidal-thoughts", "anyone anybody noone", r"nothing (?:anyone|anybody|noone|you) can do (?:to help me|for me)"),
    ("self-harm", "marks cuts scars burns bruises", (r"\b(?:marks|cuts|scars|burns)\b", r"\b(?:its me|it was me|i did (?:it|"
                                                     r"them) myself|i do it myself)\b")),
    ("self-harm", "cover covering hide hiding", (r"\b(?:cover|covering|hide|hiding)\b", r"\b(?:what ive done|what i did|so "
                                                 r"(?:nobody|noone|people|they) (?:dont )?(?:sees?|notices?))\b")),
    ("self-harm", "sleeves", (r"\blong sleeves\b", r"\b(?:summer|hot|asks? why|ask me why|why i|so noone|so nobody)\b")),
    ("self-harm", "cuts", r"my cuts\b(?! (?:from|after) )"),
    ("self-harm", "punch punching punched", r"punch(?:ing|ed|es)? (?:the )?walls?"),
    ("self-harm", "burn burning burned burnt burns", r"burn(?:ing|ed|t|s)? my (?:arms?|legs?|wrists?|skin|hands?|self)"),
    ("self-harm", "cut cutting", (r"\b(?:i cut|cutting|i still cut)\b", r"\b(?:to cope|can cope|cope with|control|only "
                                  r"thing|only way|helps? me)\b")),
    ("physical-abuse", "hair", r"(?:pulls?|pulled|pulling|yanks?|yanked|drags?|dragged) (?:me by )?my hair"),
    ("physical-abuse", "head", r"(?:held|holds|hold|holding|pushed|pushes|put|puts) my head (?:under|in the|down)"),
    ("feeling-unsafe", "bad", r"something bad (?:is going to|will|is gonna) happen to me"),
    ("going-missing", "run", r"run (?:away )?and never (?:look back|come back|go back|return)"),
    ("radicalisation", "movement cause", r"(?:the|our) (?:movement|cause) is my (?:family|life)|part of the (?:cause|movement)"
                                         r"|(?:fight|die|kill) for (?:the|our) (?:cause|movement)"),
    ("radicalisation", "violence", r"violence is the (?:only )?(?:way|answer)"),
    ("radicalisation", "fight", r"(?:group|they|people online|guys online|friends) (?:says?|said|tell me|told me) (?:that )?"
                                r"(?:we|i) (?:have|need|got|must) to fight"),
    ("radicalisation", "against", r"(?:plan|planning|plans|do|doing) (?:stuff|things|something|attacks?) against (?:the )?"
                                  r"(?:muslims|jews|immigrants|foreigners|refugees|asylum seekers|black people|gay people)"),
    ("radicalisation", "seeing", (r"\bstop seeing (?:my )?(?:friends|mates)\b", r"\b(?:cause|group|movement)\b")),
    ("neglect", "dinner lunch breakfast", r"(?:no|never have|never get|never got|dont get|dont have) (?:any )?(?:breakfast "
                                          r"or )?(?:dinner|lunch|breakfast) money"),
    ("neglect", "clothes smell", r"clothes (?:are|r) (?:always|never|all|really) (?:dirty|washed|smelly)|(?:kids|people|"
                                 r"they|everyone) (?:say|says) i smell"),
    ("neglect", "food", r"(?:ask|asked|asking) (?:next door|the neighbours?|neighbours|my mates|friends|people) for food|"
                        r"beg(?:ged|ging|s)? (?:\w+ )?for food"),
    ("neglect", "food dinner tea breakfast meals fed", r"noone (?:gives|feeds|makes|cooks|gets) (?:me|us)(?: any)? (?:food|"
                                                       r"dinner|tea|breakfast|meals?)|(?:dont|never|didnt|do not) get fed"),
    ("neglect", "crisps food eat breakfast tea dinner", (r"\b(?:crisps|food|eat|breakfast|tea|dinner)\b", r"\b(?:thats all "
                                                         r"there is|nothing else to eat|theres nothing else|nothing in the "
                                                         r"(?:cupboards?|fridge))\b")),
    ("neglect", "cupboards cupboard fridge", r"nothing in the (?:cupboards?|fridge)(?= *$| \.| again| at home| to eat| for| "
                                             r"and| but| so| because)"),
    ("neglect", "alone left leaves", r"(?:left|leave|leaves) (?:me |us )?(?:at )?home (?:on my own|on our own|alone)|left "
                                     r"(?:me |us )?(?:on my own|on our own|alone) (?:all day|all night|all weekend|for days|"
                                     r"overnight)"),
    ("neglect", "dentist doctor doctors gp hospital", r"(?:nobody|noone|they never|mum never|mum doesnt|dad never) (?:takes?|"
                                                      r"took) me to the (?:dentist|doctors|doctor|gp|hospital)"),
    ("homelessness", "tonight after", r"(?:dont|do not) know where (?:ill|i will|im going to|to) (?:go|sleep|stay|live) "
                                      r"(?:next|tonight|after this)"),
    ("homelessness", "found", r"(?:havent|have not|hasnt|not) found me (?:anywhere|a place|somewhere)"),
    ("homelessness", "sofas sofa couches surfing", r"(?:mates|friends|aunties|peoples|peoples) (?:sofas|couches)|sofa "
                                                   r"surfing|between (?:\w+ )?(?:and )?(?:\w+ )?sofas"),
    ("going-missing", "slept", r"slept in (?:a|the) (?:lorry|car|van|park|shed|bus shelter|stairwell|doorway|garage)"
                           r"(?! on the way| on the journey)"),
    ("going-missing", "awol vanishing disappearing vanish", r"(?:i|ill|i keep) (?:go|going) awol|went awol (?:again|last|yesterday|this)|keep (?:vanishing|"
                                                            r"disappearing)|vanish(?:ing)? for (?:hours|days)"),
    ("sexual-exploitation", "chats messages", r"(?:if|whether) my (?:mum|dad|carer|carers|foster carer|parents) (?:can see|"
                                              r"checks|reads|sees) (?:our|my) (?:chats|messages)"),
    ("sexual-exploitation", "app private secret", r"(?:move|switch|go) to (?:a )?(?:private|secret|different) (?:app|chat)"),
    ("sexual-exploitation", "age", r"(?:isnt|is not|wasnt|not) (?:really )?(?:my age|the age (?:he|she) said)"),
    ("sexual-abuse", "sexually dirty touched", (r"\bwhat (?:he|she|they|happened)\b.{0,24}\bto me\b", r"\b(?:sexually|dirty|"
                                                r"down there|touched)\b")),
    ("substance-misuse", "painkillers pills weed drinking vodka alcohol cider spice ket xans",
     (r"\b(?:painkillers|pills|weed|drinking|vodka|alcohol|cider|spice|ket|xans)\b",
      r"\bto (?:numb|block (?:it )?out|forget|stop (?:feeling|worrying|thinking)|cope|feel calm|calm down)\b")),
    ("substance-misuse", "use", r"i use (?:on my own|alone|every day|every night) to"),
    ("emotional-abuse", "ignored ignore ignores", r"ignored? (?:me )?for (?:days|weeks)|ignores me for (?:days|weeks)"),
    ("criminal-exploitation", "shot", r"to shot\b(?! (?:at|of))"),
]

#: RULES from this index on were written from the development comments the learnt model scored lowest in
#: cross-validation. They flag those comments from now on, but since they were written from them they would
#: flatter the cross-validated recall: `bench/train_safeguarding.py` does not credit them when it chooses the
#: model's threshold.
FROM_MODEL_MISSES = next(i for i, (kind, anchors, _) in enumerate(RULES) if anchors == "alive dark")

#: Everyday sayings and look-alikes, blanked out before the rules run ("I'd kill for a pizza").
SAYINGS = (
    r"kill(?:ed|ing)? it\b|(?:would|could|id) (?:literally )?kill for|kill for (?:a|an|some|the)|"
    r"(?:killing|kill|kills|killed) me (?:lol|haha|lmao|xd|softly)|(?:killing|kills) me\b(?! if)(?=.{0,15}\b(?:homework|"
    r"exam|exams|revision|feet|legs|head|back|work|school|tooth|teeth|stomach|cramps|period|maths|lol))|"
    r"(?:homework|exams?|revision|feet|legs|head|back|work|school|tooth|teeth|stomach|period|maths|this|it|that|heat) "
    r"(?:is|are|was|were) (?:literally |actually |honestly |lowkey |so )?killing me|"
    r"(?:going to|will|would|gonna|is going to|is gonna|are going to|is) (?:literally |actually |honestly )?kill (?:me|us)"
    r"(?= (?:when|if|for|because|lol|haha|lmao|after|xd)\b)(?! if i (?:tell|told|snitch|grass|talk|speak|say|go to|"
    r"report|leave))|"
    r"(?:could|can|would|id|i will|ill|i could) (?:literally |actually )?(?:kill|murder|strangle) (?:him|her|them|my "
    r"(?:brother|sister|mate|friend|bro|sis)) (?:lol|haha|lmao|xd)|"
    r"die for\b|dying (?:to|for|of laughter|laughing|of embarrassment|of boredom|inside)\b|to die for|died laughing|"
    r"nearly died|literally died|i died|(?:im|i am|was|literally) dead (?:lol|haha|lmao|xd)|dead (?:funny|good|nice|"
    r"easy|bored|jel|jealous|boring|happy|excited|proud)|life ?saver|murder(?:s|ed)? (?:me|it)|(?:school|maths|pe) is "
    r"murder|kill(?:ing)? (?:myself|me) laughing|(?:bored|embarrassed|scared|worried) (?:me )?to death|"
    r"(?:die|died|dying) (?:of|from) (?:embarrassment|boredom|shame|laughing|laughter|cringe)|"
    rf"{SCARED} of (?:spiders|dogs|heights|the dark|clowns|needles|exams|tests|the exam|my exams|failing|change|the "
    r"future|moving|starting|public speaking|speaking|presentations|my first day|the first day|first day|results|my "
    r"results|new school|the new school|big school|college|horror films|snakes|wasps|bees|flying|the dentist|"
    r"injections|getting lost|being late|my gcses|gcses|sats|mocks|interviews|driving)|"
    r"cut (?:my|his|her) (?:hair|nails|fringe|finger|thumb|hand)|cut (?:myself )?(?:shaving|cooking|on a)|"
    r"i (?:broke|sprained|twisted|bruised|hurt|injured|banged) my (?:ankle|knee|leg|arm|wrist|back|foot|finger|hand|"
    r"toe|head|nose|elbow|shoulder)\b(?! (?:on purpose|myself))|"
    r"(?:hurt|injured|cut|burnt|burned|bruised) (?:my ?self|my (?:ankle|knee|leg|arm|wrist|back|foot|finger|hand)) "
    r"(?:at|in|playing|on|when|while|during|doing) (?:football|rugby|pe|the trampoline|cooking|training|a game|the "
    r"park|gym|netball|basketball|boxing|skating|my bike|the match|hockey|dance|practice)|"
    r"run(?:ning)? away with (?:it|the)|missing (?:out|my|the|you|him|her|them|home|school|lessons|class|the bus|a|"
    r"an|some|having|being|it|his|her|our|their|everyone|people|friends|mates|lunch|dinner|breakfast|tea)\b|"
    r"(?:shoot|shot) me (?:a|an) (?:message|text|email)|hit (?:me|us) up|beat (?:me|us) (?:at|in|on|by)\b|"
    r"(?:push|pushes|pushed|pushing) (?:me|us) (?:to|on|forward|through|along|harder|out of)\b|"
    r"(?:grab|grabbed|grabs) (?:me|us) (?:a|an|some|lunch|food|dinner)|(?:it|this|that|which|really|deeply|truly|film|"
    r"song|story|speech|words|video|kindness|letter) (?:really |deeply |truly )?(?:touched|touches) (?:me|my heart)|"
    r"(?:he|she|that|this|it|you) kills me(?: lol| haha)?$|slay\w*|killer (?:tune|song|outfit|heels)|"
    r"(?:didnt|dont|never|couldnt|cant|doesnt|wont|not) wake (?:up )?(?:in time|for school|on time|early|for my alarm|"
    r"when my alarm|for college|for work|till|until|when)|(?:go|going|went) missing from (?:the group chat|class)|"
    r"(?:knife and fork|knives and forks|butter knife|bread knife|knife to cut|cut my food|sharp knives? in the kitchen"
    r")|(?:fire|gun|bang) (?:drill|alarm)|(?:pocket|birthday|christmas) money|end (?:of|it) (?:the|this) (?:term|year|"
    r"week|day|month)|(?:in|on) (?:the )?end|bullet ?points?|kick ?off (?:time|at)|kicked off (?:at|the match)|"
    r"(?:drama|theatre|school|the) (?:play|show) about"
)

#: Words that make a match part of a game, sport or play fight ("we were play fighting").
PLAY = (r"play ?fight\w*|playfight\w*|messing (?:about|around)|mucking (?:about|around)|mess about|banter|joking|"
        r"for a laugh|for fun|just playing|only playing|wrestl\w*|pillow fight|snowball|water fight|nerf|laser tag|"
        r"paintball|tackl\w*|(?:in|at|playing|during|on) (?:fifa|fortnite|cod|call of duty|minecraft|roblox|gta|the game|"
        r"a game|xbox|ps4|ps5|playstation|football|rugby|pe|training|boxing|karate|judo|kickboxing|mma|netball|"
        r"basketball|hockey|the match|a match|matches|dodgeball|tag|taekwondo|jiu jitsu)|sparring|"
        r"(?:boxing|karate|judo|kickboxing|taekwondo|rugby|football) (?:club|class|lesson|training|practice|match)")
#: Play fights that went too far are still flagged.
PLAY_TOO_FAR = (r"wouldnt stop|didnt stop|wont stop|wouldnt let me go|scared|crying|cry|every night|every day|blood|"
                r"really hurt|on purpose|bruises|couldnt breathe|carer|staff|foster")
#: Trips away: sleeping in a tent or a car on them is not being homeless.
TRIP = (r"\b(?:camping|festival|holiday|scouts|cubs|brownies|guides|dofe|duke of edinburgh|road trip|on the way|"
        r"the journey|residential|sleepover|glamping)\b")
HOMELESS_PLAIN = r"\b(?:nowhere|kicked|chucked|thrown|homeless|evict\w*|sofa|tonight|streets?|rough)\b"
#: Films, songs, games and news: a match about them, with no "I" or "me" in it, is not about the young person.
MEDIA = (r"\b(?:film|films|movie|movies|series|tv|telly|episode|netflix|youtube|song|songs|lyrics|album|rapper|drill "
         r"music|music video|book|books|novel|game|games|gaming|fortnite|cod|call of duty|gta|minecraft|roblox|fifa|"
         r"xbox|ps5|ps4|playstation|news|documentary|podcast|anime|character|characters|level|boss|zombies|horror|"
         r"eastenders|hollyoaks|corrie|soap|show|shows|play|lesson|lessons|pshe|assembly|history|workshop|talk about|"
         r"training|poster|campaign|awareness|article|story|stories|cartoon|marvel|manga|comic)\b")
#: Clearly resolved, long-past troubles ("I used to ... but I've been fine for two years and have support").
PAST = (r"used to|years ago|year ago|when i was (?:little|younger|a kid|small|a child|\w+ years old|\d+|[a-z]+teen|"
        r"five|six|seven|eight|nine|ten|eleven|twelve)|in the past|long time ago|back then|before i (?:came|moved|went)|"
        r"at my (?:old|last|first) (?:placement|foster|home|house|school)|(?:my|the) old (?:placement|carers?|foster)")
RESOLVED = (r"(?:im|i am|ive been|its|it is|everything is|things are|all|i feel|were|we are|now im|now i am) (?:now )?"
            r"(?:really |much |so |a lot )?(?:fine|ok|okay|good|better|sorted|over|great|happy|safe|doing well|"
            r"much better|in a good place|settled|loads better)|been (?:fine|ok|okay|clean|sober|good|better|safe|"
            r"happy|well) (?:for|since)|(?:got|getting|had|have|get|gave me) (?:loads of |lots of |good |the right )?"
            r"(?:help|support|counselling|therapy|camhs)|stopped|no longer|sorted|dealt with|its over|all over now|"
            r"over now|better now|clean for|sober for|havent (?:done it|cut|self harmed|harmed|drunk|used|felt like "
            r"that) (?:in|for|since)|recovered|in recovery|moved on|not any more|dont any more")
#: Signs the trouble is not over after all.
STILL = (r"\b(?:still|again|sometimes|recently|relapse\w*|lately|these days|at the moment|right now|tonight|today|"
         r"this week|last night|yesterday|now and then|started|starting|keeps|keep|every day|every night)\b")
