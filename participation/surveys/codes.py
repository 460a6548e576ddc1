"""Access codes a closed group types before answering, strong enough that guessing cannot find one.

Nothing locks a code for everyone, however many wrong codes are typed (a flood of them from thrown-away
cookies would otherwise shut out every young person with the right one). Instead each code must be
hard to guess: a code an officer chooses is scored by zxcvbn, with the survey's own words counted as
the first guesses, and refused below MIN_GUESSES_LOG10; and the share page offers one made of four
words picked at random from WORDS, 469**4 (about 4.8 * 10**10) possibilities. See the README's
"Access codes" for why that is safe.
"""

from __future__ import annotations

import re
import secrets

from flask import current_app
from zxcvbn import zxcvbn

from participation.core import limits

#: A code must need at least 10**10 guesses by zxcvbn's count (its top score, 4).
MIN_GUESSES_LOG10 = 10.0
#: How many words a made-up code has.
WORDS_IN_A_CODE = 4
#: Short, friendly words that are easy to spell on a phone: animals, food, nature and things, nothing
#: about families, homes or bodies. Lower case, 3 to 8 letters, no two alike.
WORDS = tuple("""
    acorn adder alpaca amber anchor angel ant antler apple apricot apron arch arrow aspen atlas
    attic autumn avocado axle badge badger bagel bake bamboo banana banjo barley barn basil basin
    basket beach beacon bead beagle beak bean bear beaver bee beetle bell bench berry bicycle birch
    biscuit bison blanket blossom blue boat bongo bonnet book boot bottle boulder bowl box branch
    bread breeze brick bridge broom bubble bucket buffalo bugle bun bunny butter button buzzard
    cabin cactus cake camel camera canal candle canoe canvas canyon cape carpet carrot castle cedar
    celery cello chalk cherry chess chestnut chime chip cider cinema circus clam clay cliff cloak
    clock cloud clover coach coast cobble cocoa coconut comet compass conker copper coral cosmos
    cotton crab crane crayon creek cricket crocus crow crown crumpet crystal cub cube cupcake
    curtain cushion cycle daisy dancer dandy delta denim desert dew diamond dinghy dingo disco
    dolphin domino donkey dove dragon drum duck dune dust eagle earth easel echo eclipse eel elbow
    elk elm ember emu engine envelope fable falcon fan farm feather fennel fern ferry fiddle fig
    finch fir flag flame flask flint flute foal fog forest fossil fountain fox frog frost fudge
    galaxy garden garlic gate gecko gem ginger giraffe glacier glove goat gold goose gorilla grape
    grass gravel guitar gull hammock hare harp harvest hat hazel heron hill hippo honey hoop horizon
    hornet horse husky ice igloo iguana ink iris island ivy jacket jade jaguar jam jasmine jelly
    jigsaw jungle juniper kayak kelp kettle kite kiwi koala ladder lagoon lake lamb lamp lantern
    lark lava lemon lemur lentil leopard letter lettuce lily lime linen lion lizard llama lobster
    locket lotus lunar lynx magnet magpie mango maple marble meadow melon meteor mint mitten mole
    monkey moon moose moss moth mountain mouse muffin mushroom napkin nectar needle nest nettle newt
    noodle nutmeg oak oar oasis ocean octopus olive onion opal orange orbit orchard orchid otter owl
    oyster paddle pagoda palm pancake panda paper parrot parsley peach peanut pear pebble pelican
    pencil penguin pepper piano pickle pigeon pillow pine pinecone planet plum pocket pony poppy
    potato prairie prism puffin pumpkin puppet puzzle quail quartz quill quilt quince rabbit radish
    rain rainbow raisin raven reed reef rhubarb ribbon river robin rocket rose ruby saddle saffron
    sail salmon sand sandal satchel scarf scooter seal seed shell shrimp silver skate sketch sled
    sloth snail snow sock sofa sparrow spider spinach spoon sprout squash squid squirrel star statue
    stone storm straw stream sugar summit sun swan sweater table tadpole tango teapot tent thistle
    thunder tiger timber toast tomato topaz torch tortoise toucan towel tower tractor trail tram
    trout trumpet tulip tuna tunnel turnip turtle umbrella unicorn valley vanilla velvet violet
    violin volcano vulture waffle wagon walnut walrus wand wave whale wheat whistle willow window
    wizard wombat wool yak yarn yoyo zebra zigzag
""".split())
#: Words a guesser would try first for any survey here.
_GUESSABLE = ("code", "access", "survey", "care", "council", "young", "people", "children", "leaver", "leavers",
              "foster", "participation", "voice", "have", "your", "say")


def made_up_code() -> str:
    """Four random words joined by hyphens, such as "otter-lantern-plum-comet"."""
    while True:
        code = "-".join(secrets.choice(WORDS) for _ in range(WORDS_IN_A_CODE))
        if is_strong(code):  # practically always; the check keeps the promise whatever the dice say
            return code


def is_strong(code: str, *known: str) -> bool:
    """True when the code would take a guesser long enough; `known` are words of the survey (its title and
    link name), tried first. Codes match whatever the case, so only the lower-case code is scored."""
    hints = list(_GUESSABLE)
    for value in filter(None, known):
        words = value.lower().replace("-", " ").split()
        hints += [value.lower(), *words, "".join(words), "-".join(words)]
    typed = code.strip().lower()[:40]
    # A guesser tries the words whatever joins them, so the code must be strong however it is joined:
    # "council-care-2026" is scored as "councilcare2026" too, which zxcvbn sees through.
    parts = [part for part in re.split(r"[^0-9a-z]+", typed) if part]
    spellings = {typed, "".join(parts), " ".join(parts)}
    return all(zxcvbn(spelling, user_inputs=hints)["guesses_log10"] >= MIN_GUESSES_LOG10 for spelling in spellings)


def note_wrong_code(survey) -> None:
    """Count a wrong code typed for this survey today; it slows and refuses nobody."""
    limits.add_to_today("wrong-codes", f"survey-{survey.id}")


def many_wrong_codes_today(survey) -> int:
    """Wrong codes typed for the survey today when they reach ACCESS_CODES_WARNING, else 0."""
    typed = limits.today_total("wrong-codes", f"survey-{survey.id}")
    return typed if survey.access_code and typed >= current_app.config["ACCESS_CODES_WARNING"] else 0
