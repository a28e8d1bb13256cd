"""Access to Article 7 reports.

Submitted versions are public, unless the ISU recalled them. A draft (and a report's private page) is
for the State's own delegates and read-only users, and the committee (chair, members, ISU). Writing is
for the State's delegates and the ISU: another State's delegate gets 404, the chair, members and the
State's read-only users get PermissionDenied. The editor is open to the State's read-only users too,
read-only. Recalling, reinstating and the ISU's remarks: ISU staff only.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import is_committee, is_isu, is_reader_of, own_state_id, require_isu
from states.models import State

from . import selectors
from .deadlines import INITIAL
from .models import MineTypeRow, Report, ReportAttachment, ReportingCycle, ReportVersion


def can_see_private(user, state: State) -> bool:
    if not user.is_authenticated:
        return False
    return is_committee(user) or own_state_id(user) == state.pk


def can_write(user, state: State) -> bool:
    return bool(user.is_authenticated and (is_isu(user) or (user.is_delegate and user.state_id == state.pk)))


def can_open_editor(user, state: State) -> bool:
    """The editor: those who write (the State's delegates, the ISU), and the State's read-only users, who read it."""
    return can_write(user, state) or is_reader_of(user, state.pk)


def can_see_recalled(user, state: State) -> bool:
    """A recalled version is no longer public: the committee and the State's own users still see it, marked."""
    return can_see_private(user, state)


def get_state_for_user(user, iso3: str, *, private: bool = False, write: bool = False) -> State:
    """The State whose reports are asked for; 404 for another State's private pages, 403 for read-only roles."""
    state = get_object_or_404(State.objects.prefetch_related("memberships"), iso3=iso3.upper())
    if (private or write) and not can_see_private(user, state):
        raise Http404
    if write and not can_write(user, state):
        raise PermissionDenied
    return state


def get_cycle(year: int) -> ReportingCycle:
    return get_object_or_404(ReportingCycle, year=year)


def get_cycle_to_start(state: State, year: int) -> ReportingCycle:
    """The cycle in which the State's report may be started: it must be open (created by the ISU or the
    yearly task) and owed by the State (membership during the year); any other year raises Http404.

    A new State Party's initial report (Article 7.1) may be started before its cycle opens, once the
    Convention is in force for it: it is due within 180 days, often before the yearly task opens the
    cycle on 1 December. The cycle returned is then unsaved and `services.report_start` opens it."""
    cycle = ReportingCycle.objects.filter(year=year).first()
    if cycle is None:
        cycle = selectors.cycle_for_year(year)
        if selectors.state_current_cycle(state).year != year or selectors.report_kind(state, cycle) != INITIAL:
            raise Http404
    if not selectors.is_report_required(state, cycle):
        raise Http404
    return cycle


def get_report_for_editor(user, iso3: str, year: int, *, write: bool) -> Report:
    """The report in the editor (and its check-and-submit page): writing as `get_report_for_user(write=True)`;
    reading also for the State's read-only users (the committee reads the overview, not the editor: 403)."""
    if write:
        return get_report_for_user(user, iso3, year, write=True)
    report = get_report_for_user(user, iso3, year, private=True)
    if not can_open_editor(user, report.state):
        raise PermissionDenied
    return report


def get_report_for_isu(user, iso3: str, year: int) -> Report:
    """A report the ISU acts on (recall, reinstate, remarks): anyone else gets PermissionDenied first."""
    require_isu(user)
    return get_report_for_user(user, iso3, year, private=True)


def get_report_for_user(user, iso3: str, year: int, *, write: bool = False, private: bool = False) -> Report:
    """A State's report on a year. Anyone may read a submitted one (public); a draft or the private view
    needs the State's delegates or the committee; writing needs the State's delegates or the ISU."""
    state = get_state_for_user(user, iso3, private=private, write=write)
    report = get_object_or_404(
        Report.objects.select_related("state", "cycle", "current_version", "submitted_by", "draft_saved_by"),
        state=state,
        cycle__year=year,
    )
    report.state = state
    if not report.is_submitted and not can_see_private(user, state):
        raise Http404
    return report


def get_version_for_user(user, iso3: str, year: int, number: int, *, recalled: bool = True) -> ReportVersion:
    """A submitted version: public (a version exists only once submitted), unless it was recalled: then
    only the committee and the State's own users see it (everyone else: 404); `recalled=False` refuses a
    recalled version to everyone (its PDF and print copy, public documents)."""
    version = get_object_or_404(
        ReportVersion.objects.select_related("report__state", "report__cycle", "submitted_by", "recalled_by"),
        report__state__iso3=iso3.upper(),
        report__cycle__year=year,
        number=number,
    )
    if version.is_recalled and not (recalled and can_see_recalled(user, version.report.state)):
        raise Http404
    return version


def get_attachment_for_user(user, iso3: str, pk: int) -> ReportAttachment:
    """A file uploaded with one of the State's reports (a Form H photograph). Public once a row of a
    submitted, current version refers to it; until then only the State's users and the committee see it
    (anyone else: 404)."""
    attachment = get_object_or_404(
        ReportAttachment.objects.select_related("report__state"), pk=pk, report__state__iso3=iso3.upper()
    )
    if can_see_private(user, attachment.report.state):
        return attachment
    published = MineTypeRow.objects.filter(
        photo=attachment,
        version__report__state=attachment.report.state,
        version__report__current_version=F("version"),
    ).exists()
    if not published:
        raise Http404
    return attachment
