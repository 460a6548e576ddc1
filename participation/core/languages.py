"""The language a young person or member of the public reads the pages in.

Chosen, in order: ``?lang=xx`` on any page (remembered for the visit in the session), then the
browser's Accept-Language, then English. Only languages in the ``LANGUAGES`` setting are offered,
and a catalogue a fluent speaker has not checked (its header comment says
``# Checked by a fluent speaker: no``) is offered
only when the council lists it in ``LANGUAGES_UNCHECKED_ON`` too.
"""
from __future__ import annotations

import re
from pathlib import Path

from typing import Any, Iterable, Mapping

from flask import Flask, g, request, session
from flask_babel import Babel, get_locale, gettext, refresh

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
RTL = {"ar", "fa", "prs", "ps", "ckb", "he", "ur"}
#: Each language's own name, in its own script, as a young person looks for it.
NAMES = {"en": "English", "cy": "Cymraeg", "ar": "العربية", "fa": "فارسی", "prs": "دری", "ps": "پښتو",
         "ckb": "کوردی (سۆرانی)", "ti": "ትግርኛ", "am": "አማርኛ", "vi": "Tiếng Việt", "sq": "Shqip"}
#: Where the code a council writes in LANGUAGES (and a young person in ?lang=) is not the one Babel
#: knows: Dari is `prs`, and its catalogue and dates are Babel's Afghan Persian, fa_AF.
CATALOGUES = {"prs": "fa_AF"}
#: The page's lang attribute, where it is not the code: screen readers and fonts know Dari as fa-AF.
HTML_LANGS = {"en": "en-GB", "prs": "fa-AF"}


def N_(message: str) -> str:
    """Mark words for the catalogues (`make messages`) that are translated later, when shown."""
    return message


#: The council's names as shipped, shown in the page's language until the council sets its own.
SHIPPED_NAMES = {"COUNCIL_NAME": N_("Your council"), "COUNCIL_HELP_NAME": N_("the Participation Team")}


def council_name(config: Mapping[str, Any], key: str) -> str:
    """A name setting (COUNCIL_NAME, COUNCIL_HELP_NAME) in the page's language: the council's own for it
    (COUNCIL_NAME_CY for Welsh) when set, otherwise the one setting, or the shipped name translated."""
    code = current()
    own = config.get(f"{key}_{code.upper()}") if code != "en" else None
    if own:
        return str(own)
    value = str(config[key])
    return gettext(value) if value == SHIPPED_NAMES.get(key) else value


def checked(code: str) -> bool:
    """True when the catalogue's header says a fluent speaker has checked it (English always is)."""
    if code == "en":
        return True
    po = TRANSLATIONS / CATALOGUES.get(code, code) / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return False
    # In the header's comment, which `make messages` keeps (it drops header fields it does not know).
    header = po.read_text(encoding="utf-8").split("\n\n", 1)[0]
    found = re.search(r"^#\s*Checked by a fluent speaker:\s*(\w+)", header, re.MULTILINE | re.IGNORECASE)
    return found is not None and found.group(1).lower() == "yes"


def listed(app: Flask) -> list[str]:
    """The languages the council lists in LANGUAGES, checked or not, in its order."""
    return [c.strip() for c in str(app.config.get("LANGUAGES", "en,cy")).split(",") if c.strip()]


def offered(app: Flask) -> list[str]:
    """The languages on offer, in the order the council lists them."""
    wanted = listed(app)
    turned_on = {c.strip() for c in str(app.config.get("LANGUAGES_UNCHECKED_ON", "")).split(",") if c.strip()}
    return [c for c in wanted if checked(c) or c in turned_on]


def select_locale() -> str:
    """Babel's name for the language chosen for this request, or English where the page's content is not
    in it (see limit_to)."""
    chosen = _chosen()
    limit = g.get("language_limit")
    return CATALOGUES.get(chosen, chosen) if limit is None or chosen in limit else "en"


def limit_to(codes: Iterable[str]) -> None:
    """Show the rest of this request in one of `codes` (and English), e.g. the languages a survey is
    translated into, so a page is never half in one language: a young person who chose a language the
    survey does not offer reads it all in English. Their choice is still remembered for other pages."""
    g.language_limit = {"en", *codes}
    refresh()


def _chosen() -> str:
    from flask import current_app
    codes = current_app.extensions["languages"]
    asked = request.args.get("lang")
    if asked is not None and asked in codes:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    if isinstance(remembered, str) and remembered in codes:
        return remembered
    return request.accept_languages.best_match(codes) or "en"


def current() -> str:
    """The language this request is shown in, by the code in LANGUAGES (choosing it, and remembering a
    ?lang= choice, if not yet done)."""
    return current_code(str(get_locale() or "en"))


_CODES = {catalogue: code for code, catalogue in CATALOGUES.items()}


def current_code(locale: str) -> str:
    """The code in LANGUAGES for Babel's name of a language (`prs` for fa_AF)."""
    return _CODES.get(locale, locale)


def html_lang(code: str) -> str:
    """The value for a lang attribute showing words in the language `code`."""
    return HTML_LANGS.get(code, code)


def init_app(app: Flask) -> None:
    app.extensions["languages"] = offered(app)
    Babel(app, locale_selector=select_locale, default_translation_directories=str(TRANSLATIONS))

    @app.template_filter("translated")
    def translated(words: str) -> str:
        """Words marked with N_ where they were written (a board label, a face's word), in the page's language.

        Plain text, escaped like any other: `_()` in a template would mark its result as safe HTML, and
        what is looked up may be typed by someone (a theme's name, a stored answer), so it must never go there."""
        return gettext(words)

    @app.context_processor
    def language_context() -> dict:
        code = current()
        limit = g.get("language_limit")
        return {
            "lang_code": html_lang(code),
            "lang_dir": "rtl" if code in RTL else "ltr",
            "languages": [(c, NAMES.get(c, c), html_lang(c), "rtl" if c in RTL else "ltr") for c in app.extensions["languages"] if limit is None or c in limit],
            "current_lang": code,
        }
