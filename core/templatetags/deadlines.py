"""How long until (or since) a deadline, said the same way on every page.

{% load deadlines %}{% days_remaining row.days_left %}: "12 days left", "due today", "3 days late".
"""

from django import template

register = template.Library()


@register.inclusion_tag("core/days_remaining.html")
def days_remaining(days_left):
    """`days_left` is the deadline minus today, in days: negative once the deadline has passed."""
    if days_left is None:
        return {"days": None}
    return {"days": days_left, "late": -days_left}
