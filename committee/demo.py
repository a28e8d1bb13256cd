"""The Convention's committees and the 2023 composition of the cooperation and assistance committee."""

from core.demo import DemoContext, upsert
from states.models import State

from .models import Committee, CommitteeMembership, CommitteeYear

COMMITTEES = [
    (
        "article-5",
        "Committee on Article 5 Implementation",
        "Comité sur l'application de l'article 5",
        "Comité sobre la Aplicación del Artículo 5",
    ),
    (
        "victim-assistance",
        "Committee on Victim Assistance",
        "Comité sur l'assistance aux victimes",
        "Comité sobre Asistencia a las Víctimas",
    ),
    (
        "cooperation-assistance",
        "Committee on the Enhancement of Cooperation and Assistance",
        "Comité sur le renforcement de la coopération et de l'assistance",
        "Comité sobre el Fortalecimiento de la Cooperación y la Asistencia",
    ),
    (
        "cooperative-compliance",
        "Committee on Cooperative Compliance",
        "Comité sur le respect des obligations par la coopération",
        "Comité sobre el Cumplimiento Cooperativo",
    ),
    ("coordinating", "Coordinating Committee", "Comité de coordination", "Comité de Coordinación"),
]
# The theme each committee's conclusions are titled by.
TOPICS = {
    "article-5": ("Article 5 implementation", "Application de l'article 5", "Aplicación del artículo 5"),
    "victim-assistance": ("Victim assistance", "Assistance aux victimes", "Asistencia a las víctimas"),
    "cooperation-assistance": ("Cooperation and assistance", "Coopération et assistance", "Cooperación y asistencia"),
    "cooperative-compliance": (
        "Cooperative compliance",
        "Respect des obligations par la coopération",
        "Cumplimiento cooperativo",
    ),
}

# Two-year terms (first year) that give the seed's 2023 composition; Thailand chairs in its second year.
CA_TERMS_2023 = {"THA": 2022, "NLD": 2022, "DZA": 2023, "JPN": 2023}


def load(ctx: DemoContext) -> None:
    for order, (slug, en, fr, es) in enumerate(COMMITTEES):
        upsert(
            Committee,
            slug=slug,
            defaults={
                "name_en": en,
                "name_fr": fr,
                "name_es": es,
                "order": order,
                "is_coordinating": slug == "coordinating",
                **dict(zip(["topic_en", "topic_fr", "topic_es"], TOPICS.get(slug, ("", "", "")), strict=True)),
            },
        )
    ca = Committee.objects.get(slug="cooperation-assistance")
    states = {s.iso3: s for s in State.objects.filter(iso3__in=CA_TERMS_2023)}
    for iso3, start in CA_TERMS_2023.items():
        CommitteeMembership.objects.get_or_create(committee=ca, state=states[iso3], term_start=start)
    upsert(
        CommitteeYear, committee=ca, year=2023, defaults={"chair": states["THA"], "gender_focal_point": states["NLD"]}
    )
