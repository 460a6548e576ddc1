"""The form a young person fills in to be contacted."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from participation.core.languages import N_
from participation.core.words import clean_text

MAX_MESSAGE = 1000

NOT_CONTACT = N_("We cannot use that to reach you. Write a UK phone number, like 07700 900123, "
               "or an email, like sam@example.com.")


def reachable(form, field) -> None:
    """A UK phone number (mobile or landline, with or without +44) or an email someone can write to.

    phonenumbers (Google's libphonenumber) knows which UK numbers are real in shape, and
    email-validator which addresses are; a hand-written pattern lets "abc" through or turns real
    ones away. The email's domain is not looked up: a young person's request never waits on the network.
    """
    typed = (field.data or "").strip()
    if not typed:
        return
    if "@" in typed:
        try:
            validate_email(typed, check_deliverability=False)
            return
        except EmailNotValidError:
            raise ValidationError(_(NOT_CONTACT)) from None
    try:
        number = phonenumbers.parse(typed, "GB")
    except phonenumbers.NumberParseException:
        raise ValidationError(_(NOT_CONTACT)) from None
    if number.country_code != 44:
        raise ValidationError(_(NOT_CONTACT))
    # Any 07 number of a mobile's length is taken, even in a range the library's list does not
    # know yet: turning a real young person's mobile away is worse than keeping a wrong one.
    mobile_shaped = str(number.national_number).startswith("7") and phonenumbers.is_possible_number_for_type(
        number, phonenumbers.PhoneNumberType.MOBILE)
    if not (mobile_shaped or phonenumbers.is_valid_number(number)):
        raise ValidationError(_(NOT_CONTACT))


class HelpRequestForm(FlaskForm):
    """Only the way to reach them is needed; everything else is up to them."""

    name = StringField("What should we call you?", filters=[clean_text], validators=[
        Length(max=80, message=lazy_gettext("Use 80 letters or fewer for your name."))])
    contact = StringField("Your phone number or email", filters=[clean_text], validators=[
        DataRequired(lazy_gettext("Write a phone number or email so we can reach you.")),
        Length(max=200, message=lazy_gettext("That is too long for a phone number or email. Use 200 letters or fewer.")),
        reachable])
    best_time = StringField("When is a good time to contact you?", filters=[clean_text], validators=[
        Length(max=120, message=lazy_gettext("Use 120 letters or fewer."))])
    message = TextAreaField("What would you like help with?", filters=[clean_text], validators=[
        Length(max=MAX_MESSAGE, message=lazy_gettext("Your message is too long. Use %(limit)s letters or fewer.",
                                                     limit="{:,}".format(MAX_MESSAGE)))])
