from django import template

from fund.money import format_money

register = template.Library()


@register.filter
def money(amount, currency: str) -> str:
    """{{ amount|money:currency }} in the active language, e.g. €12,500.00 or 12 500,00 €."""
    return format_money(amount, currency)


STATUS_BADGES = {
    "draft": "secondary",
    "submitted": "info",
    "screened": "info",
    "gender_reviewed": "info",
    "revision_requested": "warning",
    "approved": "primary",
    "rejected": "danger",
    "disbursed": "primary",
    "report_received": "success",
    "closed": "dark",
}


@register.filter
def status_badge(status: str) -> str:
    return STATUS_BADGES.get(status, "secondary")
