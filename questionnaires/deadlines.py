"""Questionnaires as a deadline source for the reminders engine (see reminders/registry.py).

An obligation is a recipient State that has not submitted its answers to a circulated questionnaire;
its deadline is the questionnaire's. Reminders stop once the State submits, and overdue notices stop
`OPEN_AFTER_DEADLINE_DAYS` after the deadline.
"""

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reminders.registry import BaseDeadlineSource, CycleProgress, Obligation

from .models import Questionnaire, Recipient, Response
from .selectors import OPEN_AFTER_DEADLINE_DAYS, response_rates


def _open_questionnaires(today: datetime.date) -> list[Questionnaire]:
    return list(
        Questionnaire.objects.circulated()
        .filter(deadline__gte=today - datetime.timedelta(days=OPEN_AFTER_DEADLINE_DAYS))
        .order_by("deadline", "pk")
    )


class QuestionnaireSource(BaseDeadlineSource):
    kind = "questionnaire"
    label = gettext_lazy("Questionnaires")

    def obligations(self, *, today: datetime.date) -> list[Obligation]:
        questionnaires = {q.pk: q for q in _open_questionnaires(today)}
        if not questionnaires:
            return []
        submitted = Response.objects.filter(
            questionnaire=OuterRef("questionnaire"), state=OuterRef("state"), submitted_at__isnull=False
        )
        drafts = {
            (qid, sid): pk
            for qid, sid, pk in Response.objects.filter(
                questionnaire_id__in=questionnaires, submitted_at__isnull=True
            ).values_list("questionnaire_id", "state_id", "pk")
        }
        recipients = (
            Recipient.objects.filter(questionnaire_id__in=questionnaires)
            .exclude(Exists(submitted))
            .order_by("questionnaire_id", "state__name_en")
            .values_list("questionnaire_id", "state_id")
        )
        out = []
        for qid, state_id in recipients:
            q = questionnaires[qid]
            out.append(
                Obligation(
                    source=self.kind,
                    cycle=str(qid),
                    state_id=state_id,
                    deadline=q.deadline,
                    title=str(_("Questionnaire: %(title)s") % {"title": q.title}),
                    path=reverse("questionnaires:answer", kwargs={"pk": qid}),
                    object_id=drafts.get((qid, state_id)),
                )
            )
        return out

    def is_fulfilled(self, obligation: Obligation) -> bool:
        return Response.objects.filter(
            questionnaire_id=int(obligation.cycle), state_id=obligation.state_id, submitted_at__isnull=False
        ).exists()

    def describe(self, obligation: Obligation) -> str:
        q = Questionnaire.objects.filter(pk=int(obligation.cycle)).first()
        title = q.title if q is not None else obligation.title
        return _("Questionnaire: %(title)s") % {"title": title}

    def progress(self, *, today: datetime.date) -> list[CycleProgress]:
        questionnaires = _open_questionnaires(today)
        rates = response_rates(questionnaires)
        return [
            CycleProgress(
                source=self.kind,
                cycle=str(q.pk),
                title=str(_("Questionnaire: %(title)s") % {"title": q.title}),
                owed=rates[q.pk].recipients,
                submitted=rates[q.pk].submitted,
            )
            for q in questionnaires
        ]


SOURCES = [QuestionnaireSource()]
