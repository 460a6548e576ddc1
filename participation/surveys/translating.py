"""A survey's words in other languages: which pieces there are, which are translated and up to date, and
which languages a survey can therefore offer young people. Answers never change with the language: an
answer's stored value stays; only the words shown are translated.

Services here add, change and flush; the caller's transaction commits (participation.core.transaction).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from participation.auth.models import Actor
from participation.auth.services import record
from participation.core.transaction import Refused
from participation.core.spreadsheets import safe_cell
from participation.core.words import clean_text
from participation.surveys.models import Survey, SurveyTextTranslation

#: The longest translation of one piece kept (the English of the longest piece, an intro, is 2,000).
MAX_TEXT = 4000
#: Characters that turn the direction of all the text after them (embeddings and overrides): a pasted one
#: could show a question backwards or spill into the page around it. The marks and isolates that mixed
#: Arabic and English text needs (U+200E, U+200F, U+2066 to U+2069) are kept.
_DIRECTION_OVERRIDES = re.compile("[\u202a-\u202e]")


@dataclass(frozen=True)
class Piece:
    """One piece of a survey's words to translate."""

    #: Stable while the piece exists, e.g. "question.12.text" or "option.12.foster-carers".
    key: str
    #: What it is, for the officer: "Title", "Page 2: question 1", "Page 2: question 1, answer 3".
    what: str
    english: str


def source_hash(english: str) -> str:
    """The hash of a piece's English, stored with its translation to tell when the English has changed."""
    return hashlib.sha256(clean_text(english).encode("utf-8")).hexdigest()


def pieces(survey: Survey) -> list[Piece]:
    """Every piece of the survey's words a young person reads, in the order they meet them; empty words
    (an intro or hint left blank) need no translation and are left out. The answers of faces, scales,
    yes/no and promise questions are the app's own words, translated with the rest of its pages."""
    found = [Piece("survey.title", "Title", survey.title), Piece("survey.intro", "What the survey is for", survey.intro)]
    for page, section in enumerate(survey.sections, start=1):
        found += [Piece(f"section.{section.id}.title", f"Page {page}: title", section.title),
                  Piece(f"section.{section.id}.intro", f"Page {page}: words under the title", section.intro)]
        for number, question in enumerate(section.questions, start=1):
            where = f"Page {page}: question {number}"
            found += [Piece(f"question.{question.id}.text", where, question.text),
                      Piece(f"question.{question.id}.help", f"{where}, hint", question.help)]
            found += [Piece(f"option.{question.id}.{option.value}", f"{where}, answer {n}", option.label)
                      for n, option in enumerate(question.options, start=1)]
    found.append(Piece("survey.thanks", "Thank-you words", survey.thanks))
    return [piece for piece in found if clean_text(piece.english)]


def stored(session: Session, survey: Survey, language: str | None = None) -> dict[tuple[str, str], SurveyTextTranslation]:
    """The survey's translations by (language, key); only one language's when `language` is given."""
    query = select(SurveyTextTranslation).where(SurveyTextTranslation.survey_id == survey.id)
    if language is not None:
        query = query.where(SurveyTextTranslation.language == language)
    return {(t.language, t.key): t for t in session.scalars(query)}


@dataclass(frozen=True)
class Progress:
    """How far a survey's translation into one language has got."""

    language: str
    total: int
    missing: int
    out_of_date: int

    @property
    def complete(self) -> bool:
        """Every piece translated from the English as it is now."""
        return self.missing == 0 and self.out_of_date == 0


def progress(survey: Survey, language: str, translations: dict[tuple[str, str], SurveyTextTranslation]) -> Progress:
    """Count the pieces not yet translated into `language` and those translated from English since changed."""
    missing = out_of_date = 0
    all_pieces = pieces(survey)
    for piece in all_pieces:
        found = translations.get((language, piece.key))
        if found is None:
            missing += 1
        elif found.source_hash != source_hash(piece.english):
            out_of_date += 1
    return Progress(language, len(all_pieces), missing, out_of_date)


def complete_languages(survey: Survey, translations: dict[tuple[str, str], SurveyTextTranslation],
                       turned_on: Iterable[str]) -> list[str]:
    """The languages a survey offers young people, in the council's order: English, and each language the
    council has turned on that every piece is translated into from the English as it is now."""
    return ["en"] + [code for code in turned_on if code != "en" and progress(survey, code, translations).complete]


def translated(survey: Survey, language: str, translations: dict[tuple[str, str], SurveyTextTranslation]) -> None:
    """Put the translations into `language` in place of the English of a survey (a read-only copy no session
    holds): titles, intros, questions, hints, answers' labels and the thank-you words. Values stay."""
    def text(key: str, english: str) -> str:
        found = translations.get((language, key))
        return found.text if found is not None and clean_text(english) else english

    survey.title = text("survey.title", survey.title)
    survey.intro = text("survey.intro", survey.intro)
    survey.thanks = text("survey.thanks", survey.thanks)
    for section in survey.sections:
        section.title = text(f"section.{section.id}.title", section.title)
        section.intro = text(f"section.{section.id}.intro", section.intro)
        for question in section.questions:
            question.text = text(f"question.{question.id}.text", question.text)
            question.help = text(f"question.{question.id}.help", question.help)
            for option in question.options:
                option.label = text(f"option.{question.id}.{option.value}", option.label)


def copy_translations(session: Session, source: Survey, copy: Survey) -> None:
    """Give a copy of a survey (with the same words, flushed) the source's translations, each still
    marked with the English it was translated from."""
    keys = {old.key: new.key for old, new in zip(pieces(source), pieces(copy))}
    for (language, key), found in stored(session, source).items():
        if key in keys:
            session.add(SurveyTextTranslation(survey=copy, key=keys[key], language=language, text=found.text,
                                              source_hash=found.source_hash))
    session.flush()


@dataclass(frozen=True)
class Entry:
    """One translation given by an officer, on the page or in a spreadsheet."""

    key: str
    text: str
    #: The hash of the English the officer translated from (as shown on the page, or as in the spreadsheet).
    from_hash: str
    #: The officer confirmed that an unchanged translation still fits the changed English.
    confirmed: bool = False


def save(session: Session, actor: Actor, survey: Survey, language: str, entries: Iterable[Entry], *,
         translatable: Iterable[str], empty_removes: bool) -> int:
    """Store the translations given into `language`; return how many pieces changed. Nothing is committed.

    A translation whose words are unchanged keeps the English it was made from (so one out of date stays
    out of date) unless the officer confirmed it. An empty one removes the stored translation when
    `empty_removes` (the page: the officer cleared the box), and is left alone otherwise (a spreadsheet:
    an empty cell may be an old copy's). Keys no piece has any more are ignored. A piece too long refuses
    the whole change, so nothing of it is kept.
    """
    if language == "en" or language not in set(translatable):
        raise Refused("Choose one of the council's languages to translate into.")
    known = {piece.key: piece for piece in pieces(survey)}
    have = stored(session, survey, language)
    changed = 0
    for entry in entries:
        if entry.key not in known:
            continue
        words = _DIRECTION_OVERRIDES.sub("", clean_text(entry.text))
        if len(words) > MAX_TEXT:
            raise Refused(f"The translation of “{known[entry.key].what}” is too long: keep it under {MAX_TEXT} "
                          f"characters.", field=entry.key)
        found = have.get((language, entry.key))
        if not words:
            if found is not None and empty_removes:
                session.delete(found)
                changed += 1
            continue
        if found is None:
            session.add(SurveyTextTranslation(survey=survey, key=entry.key, language=language, text=words,
                                              source_hash=entry.from_hash))
            changed += 1
        elif found.text != words or (entry.confirmed and found.source_hash != entry.from_hash):
            found.text, found.source_hash = words, entry.from_hash
            changed += 1
    if changed:
        record(session, actor, "survey.translated", survey, f"Translated “{survey.title}” into {language}",
               language=language, pieces=changed)
    session.flush()
    return changed


def add_from_outline(session: Session, actor: Actor, survey: Survey, language: str, outline: dict[str, Any],
                     translatable: Iterable[str]) -> int:
    """Translate a survey built from a description (the demo) from the same shape of description in
    `language`: {title, intro, thanks, sections: [{title, intro, questions: [{text, help, options}]}]},
    each piece in the order the English has it. Pieces already translated are left as they are."""
    english = {piece.key: piece for piece in pieces(survey)}
    given: dict[str, str] = {"survey.title": outline.get("title", ""), "survey.intro": outline.get("intro", ""),
                             "survey.thanks": outline.get("thanks", "")}
    for section, section_words in zip(survey.sections, outline.get("sections", ())):
        given[f"section.{section.id}.title"] = section_words.get("title", "")
        given[f"section.{section.id}.intro"] = section_words.get("intro", "")
        for question, words in zip(section.questions, section_words.get("questions", ())):
            given[f"question.{question.id}.text"] = words.get("text", "")
            given[f"question.{question.id}.help"] = words.get("help", "")
            for option, label in zip(question.options, words.get("options", ())):
                given[f"option.{question.id}.{option.value}"] = label
    have = stored(session, survey, language)
    return save(session, actor, survey, language,
                [Entry(key, text, source_hash(english[key].english)) for key, text in given.items()
                 if key in english and (language, key) not in have],
                translatable=translatable, empty_removes=False)


#: The largest translations spreadsheet read, and its most rows: a long survey has a few hundred pieces.
MAX_FILE = 1024 * 1024
MAX_ROWS = 5000
#: The first two columns' headings; each column after them is headed by a language's code ("cy").
KEY, ENGLISH = "key", "en"


def sheet(session: Session, survey: Survey, languages: list[str]) -> tuple[list[str], list[list[str]]]:
    """The survey's words as a table to translate in a spreadsheet: a stable key for each piece, its
    English, then one column for each language with what is translated so far."""
    have = stored(session, survey)
    rows = [[piece.key, piece.english, *(have[(code, piece.key)].text if (code, piece.key) in have else ""
                                         for code in languages)]
            for piece in pieces(survey)]
    return [KEY, ENGLISH, *languages], rows


def _as_written(cell: str, *known: str) -> str:
    """The words of a cell as they were before a download made them formula-safe (a CSV file starts a
    cell that begins like a formula with an apostrophe): the known words the cell stands for, or the cell."""
    return next((words for words in known if words and cell in (words, safe_cell(words))), cell)


def read_sheet(session: Session, survey: Survey, table: tuple[list[str], list[list[str]]],
               languages: list[str]) -> dict[str, list[Entry]]:
    """The translations in an uploaded spreadsheet, by language; raises Refused, saying what to fix, for a
    sheet that is not laid out as the download is. Each is marked as translated from the English in its row."""
    header, rows = table
    names = [" ".join(h.lower().split()) for h in header]
    if len(names) < 2 or names[0] != KEY or names[1] != ENGLISH:
        raise Refused("The first row must head the columns “key” and “en”, then one column for each language, "
                      "as in the downloaded spreadsheet.")
    columns = {code: i for i, code in enumerate(names) if i > 1 and code}
    unknown = [header[i] for code, i in columns.items() if code not in languages]
    if unknown:
        raise Refused(f"The column “{unknown[0]}” is not one of the council's languages ({', '.join(languages)}).")
    if not columns:
        raise Refused("The spreadsheet has no column for a language. Add one headed with its code, such as “cy”.")
    english = {piece.key: piece.english for piece in pieces(survey)}
    have = stored(session, survey)
    seen: set[str] = set()
    found: dict[str, list[Entry]] = {code: [] for code in columns}
    for number, row in enumerate(rows, start=2):
        key = row[0].strip()
        if not key:
            continue
        if key in seen:
            raise Refused(f"Row {number} has the same key as an earlier row ({key}). Each key must be there once.")
        seen.add(key)
        written = _as_written(row[1], english.get(key, ""))
        for code, i in columns.items():
            earlier = have.get((code, key))
            text = _as_written(row[i], earlier.text if earlier is not None else "")
            found[code].append(Entry(key, text, source_hash(written)))
    return found
