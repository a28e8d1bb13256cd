import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from core.ratelimit import parse_rate


@pytest.mark.parametrize(
    "rate, parsed",
    [("5/m", (5, 60)), ("10/15m", (10, 900)), ("10/minute", (10, 60)), ("3/hour", (3, 3600)), ("2/d", (2, 86400))],
)
def test_rates_are_read_in_our_short_form_and_in_drf_words(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["ten/m", "10/fortnight", "10", ""])
def test_a_rate_that_cannot_be_read_is_refused(rate):
    with pytest.raises(ValueError):
        parse_rate(rate)


def test_the_app_refuses_to_start_with_an_unreadable_rate(settings):
    settings.PUBLIC_PDF_RATE = "10 per minute"
    with pytest.raises(SystemCheckError, match="PUBLIC_PDF_RATE"):
        call_command("check")
