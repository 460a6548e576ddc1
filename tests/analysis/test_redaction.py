"""Personal details are taken out before committee members read a comment."""

import pytest

from participation.analysis.redaction import redact


@pytest.mark.parametrize("text, expected", [
    ("email me on jo.bloggs+care@gmail.com please", "email me on [email] please"),
    ("my number is 07700 900123", "my number is [phone]"),
    ("ring 07700900123", "ring [phone]"),
    ("call +44 7700 900 123 after school", "call [phone] after school"),
    ("+447700900123", "[phone]"),
    ("the office is 0161 496 0000", "the office is [phone]"),
    ("landline 01632 960 001 or (01632) 960001", "landline [phone] or [phone]"),
    ("I live near M1 1AE", "I live near [postcode]"),
    ("postcode sk11 6by", "postcode [postcode]"),
    ("I live at 12 Elm Road now", "I live at [address] now"),
    ("moved to 4b high street", "moved to [address]"),
    ("my social worker is Dave Smith and she is nice", "my social worker is [name] and she is nice"),
    ("my sw is dave", "my sw is [name]"),
    ("my foster mum called sarah is kind", "my foster mum called [name] is kind"),
    ("my PA's name is Priya", "my PA's name is [name]"),
])
def test_personal_details_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "my social worker is nice", "my PA is rubbish at ringing back", "I got 5 GCSEs in 2024",
    "it was called off", "we had 3 moves in 12 months", "my foster carer is always busy",
])
def test_ordinary_words_and_numbers_are_left_alone(text):
    assert redact(text) == text
