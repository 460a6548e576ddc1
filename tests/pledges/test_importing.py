"""Reading promises from pasted text and CSV files, and carrying a promise's identity across years."""

from __future__ import annotations

import pytest

from participation.core.spreadsheets import UnreadableFile, decode_upload, read_table
from participation.pledges.importing import match_identities, parse_lines, parse_table
from participation.core.suppression import FEWER_THAN, HIDDEN, share, suppress_counts

THEMES = {"involve-me": "Involve me", "safe-home": "Provide me with a good, safe home",
          "healthy": "Keep me healthy", "achieve": "Help me to achieve", "adult-life": "Support me to move to adult life"}

STRATEGY = """Outcome 1 - Involve me
- We will make sure you have a say when adults make decisions that affect you.
- We will be honest with you.

Outcome 4 – Help me to achieve
1. You will receive a planned and stable education.
Keep me healthy:
You will have access to health services when and where you need them.
"""


def test_headings_set_the_theme_of_the_promises_under_them_and_bullets_are_dropped():
    parsed = parse_lines(STRATEGY, THEMES)
    assert parsed.ok, parsed.errors
    assert [(r.line, r.theme, r.text) for r in parsed.rows] == [
        (2, "involve-me", "We will make sure you have a say when adults make decisions that affect you."),
        (3, "involve-me", "We will be honest with you."),
        (6, "achieve", "You will receive a planned and stable education."),
        (8, "healthy", "You will have access to health services when and where you need them."),
    ]


def test_bad_lines_are_named_by_number_and_nothing_is_accepted():
    text = "# Sport and fun\nWe will listen.\nWe will listen.\n" + "x" * 501
    parsed = parse_lines(text, THEMES)
    assert not parsed.ok
    assert parsed.errors[0].startswith("Line 1: “Sport and fun” looks like a heading but is not one of your themes")
    assert "Line 3: this promise is the same as line 2." in parsed.errors
    assert any(e.startswith("Line 4: this promise is longer than 500 characters") for e in parsed.errors)
    assert parse_lines("  \n\n", THEMES).errors == ["There are no promises to add. Put one promise on each line."]


def test_a_table_needs_a_promise_column_and_known_themes():
    missing = parse_table(["text", "outcome"], [["We will listen", "Involve me"]], THEMES)
    assert missing.errors[0].startswith("The file needs a column headed “promise”")
    parsed = parse_table(["Promise", "Theme", "For young people"],
                         [["We will listen to you", "involve me", "We listen to you"],
                          ["", "Keep me healthy"],
                          ["We will help with money", "Money matters"]], THEMES)
    assert parsed.errors == ["Row 3: the promise is empty.",
                             "Row 4: “Money matters” is not one of your themes (Involve me, Provide me with a good, "
                             "safe home, Keep me healthy, Help me to achieve, Support me to move to adult life)."]
    assert [(r.text, r.theme, r.for_young_people) for r in parsed.rows] == [
        ("We will listen to you", "involve-me", "We listen to you")]


def test_csv_in_any_common_encoding_with_quoted_commas_and_line_breaks():
    text = decode_upload('promise;theme\n"We will help you, always";Involve me\n"Two\nlines";achieve\n'.encode("cp1252"))
    header, rows = read_table(text)
    assert header == ["promise", "theme"]
    assert rows == [["We will help you, always", "Involve me"], ["Two\nlines", "achieve"]]
    assert decode_upload("\ufeffpromise,theme\r\nA £10 voucher,healthy\r\n".encode("utf-8")).startswith("promise,theme\n")
    assert "£10" in decode_upload("promise\nA £10 voucher\n".encode("cp1252"))
    assert "£10" in decode_upload("promise\nA £10 voucher\n".encode("utf-16"))
    with pytest.raises(UnreadableFile, match="not a CSV file"):
        decode_upload(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(UnreadableFile, match="empty"):
        read_table("")


def test_reworded_and_reordered_promises_keep_their_identity_and_new_ones_get_none():
    old = [("a", "We will help you keep your links with family and friends."),
           ("b", "You will receive a planned and stable education."),
           ("c", "We will be honest with you.")]
    new = ["You will receive a planned, stable education.",
           "We will support you in your hobbies and interests.",
           "We will help you keep in touch with your family and friends, when it is safe."]
    assert match_identities(new, old) == ["b", None, "a"]
    # Each of last year's promises carries on at most once.
    assert match_identities(["We will be honest with you.", "We will be honest with you!"], old) == ["c", None]


def test_suppression_hides_small_counts_and_the_cell_that_would_give_one_away():
    shown, total = suppress_counts({"kept": 10, "sometimes": 3, "not-yet": 0, "dont-know": 6})
    assert shown == {"kept": 10, "sometimes": FEWER_THAN, "not-yet": 0, "dont-know": HIDDEN}
    assert total == 19
    assert share(shown["kept"], total) == pytest.approx(10 / 19)
    assert share(shown["sometimes"], total) is None
    # Two small cells cannot be told apart, so nothing more is hidden.
    shown, total = suppress_counts({"kept": 12, "sometimes": 2, "not-yet": 3, "dont-know": 0})
    assert shown == {"kept": 12, "sometimes": FEWER_THAN, "not-yet": FEWER_THAN, "dont-know": 0} and total == 17
    # The only answers are a small cell: the total goes too.
    shown, total = suppress_counts({"kept": 3, "sometimes": 0})
    assert shown == {"kept": FEWER_THAN, "sometimes": 0} and total == FEWER_THAN
    assert suppress_counts({"kept": 3, "sometimes": 1}, exact=True) == ({"kept": 3, "sometimes": 1}, 4)
