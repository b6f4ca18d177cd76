"""The citizen's side: file, follow with number + query code, rate, ask for review; the public board."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from petitions.forms.complaints import ComplaintForm, RateForm, ReviewRequestForm, TrackForm
from petitions.models import Attachment, Complaint, ProtectedAccess, ReviewRequest
from petitions.permissions import complaints as complaint_permissions
from petitions.selectors import complaints as complaint_selectors
from petitions.selectors import complaints_public as public_complaints
from petitions.services import identity as identity_services
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import reviews as review_services
from petitions.transitions.complaints import COMPLAINT_MOVES
from portal import ratelimit, write_limits
from portal.addresses import client_address
from portal.errors import DomainError
from portal.pagination import PageWithoutCount
from portal.query_params import year_param
from portal.submissions import Submitted, submit_once

JUST_FILED_KEY = "petitions_just_filed"


def index(request):
    """投诉举报: the hotline, the form, the latest public replies and this year's figures."""
    _rows, total, computed_at = public_complaints.figures_stored(year=timezone.localdate().year)
    latest = public_complaints.public_board()[:8]
    return render(
        request,
        "petitions/index.html",
        {"latest": latest, "total": total, "computed_at": computed_at},
    )


def file_complaint(request):
    """网上投诉: anyone may file, signed in or not, named or anonymous; once per form."""
    form = ComplaintForm(request.POST or None, request.FILES or None, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = request.user if request.user.is_authenticated else None
        # An anonymous complaint keeps no link to the account, not even through its token.
        submitter = None if data["is_anonymous"] else user

        def create() -> Submitted:
            write_limits.anonymous_write_check(
                request,
                scope="petitions:file",
                per_hour=settings.PETITIONS_ANONYMOUS_FILINGS_PER_HOUR,
            )
            complaint, code = filing_services.complaint_file(
                actor=None,
                category=data["category"],
                title=data["title"],
                content=data["content"],
                place=data["place"],
                is_anonymous=data["is_anonymous"],
                names_official=data["names_official"],
                reported_department=data["reported_department"],
                reported_person=data["reported_person"],
                contact_method=data["contact_method"],
                allow_publication=data["allow_publication"],
                identity=_identity(data),
                account=user,
                attachments=data["attachments"],
                related_number=data["related_number"],
            )
            return Submitted(subject=complaint, secret=code)

        try:
            submitted = submit_once(
                token=data["submission_token"], account=submitter, create=create
            )
        except DomainError as error:
            form.add_error(None, error.message)
            if error.code == write_limits.RATE_LIMITED:
                status = 429
        else:
            complaint = submitted.subject
            complaint_permissions.remember_tracking(request, complaint)
            request.session[JUST_FILED_KEY] = {"number": complaint.number, "code": submitted.secret}
            return redirect("petitions:filed")
    return render(request, "petitions/file.html", {"form": form}, status=status)


def _identity(data: dict) -> filing_services.IdentityData:
    """What we keep about the complainant: when anonymous, only the contact they asked for."""
    if not data["is_anonymous"]:
        return filing_services.IdentityData(
            name=data["name"],
            id_number=data["id_number"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
        )
    contact = data["contact_method"]
    return filing_services.IdentityData(
        phone=data["phone"] if contact in (Complaint.Contact.SMS, Complaint.Contact.PHONE) else "",
        email=data["email"] if contact == Complaint.Contact.EMAIL else "",
    )


def filed(request):
    """The number and query code, shown once after filing."""
    just_filed = request.session.pop(JUST_FILED_KEY, None)
    if not just_filed:
        return redirect("petitions:track")
    return render(request, "petitions/filed.html", just_filed)


def track(request):
    """Follow a complaint with its number and query code alone, no account needed."""
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = f"petitions:track-fail:{client_address(request)}"
        if ratelimit.attempts(key, 3600) >= settings.PETITIONS_TRACK_ATTEMPTS_PER_HOUR:
            form.add_error(None, _("查询失败次数过多，请一小时后再试，或拨打12345咨询。"))
        else:
            number = form.cleaned_data["number"].strip().upper()
            complaint = (
                Complaint.objects.filter(number=number)
                .only("pk", "number", "query_code_digest")
                .first()
            )
            if complaint is not None and filing_services.query_code_matches(
                complaint, form.cleaned_data["code"]
            ):
                complaint_permissions.remember_tracking(request, complaint)
                return redirect("petitions:track_detail", number=complaint.number)
            ratelimit.hit(key, 3600)
            form.add_error(None, _("诉求编号或查询码不正确。"))
    return render(request, "petitions/track.html", {"form": form})


def track_detail(request, number: str):
    complaint = complaint_selectors.complaint_get_for_follower(request, number)
    return render(request, "petitions/track_detail.html", _follower_context(complaint))


def _follower_context(complaint: Complaint, **extra) -> dict:
    reviews = list(complaint.reviews.all())
    ratings = list(complaint.ratings.order_by("round"))
    rated_rounds = {rating.round for rating in ratings}
    can_rate = (
        COMPLAINT_MOVES.allowed(complaint, "rate") and complaint.current_round not in rated_rounds
    )
    can_review = (
        COMPLAINT_MOVES.allowed(complaint, "request_review")
        and not complaint.is_final
        and all(review.is_decided for review in reviews)
        and not any(review.level == ReviewRequest.Level.RE_REVIEW for review in reviews)
    )
    return {
        "complaint": complaint,
        "replies": complaint.replies.select_related("department"),
        "ratings": ratings,
        "reviews": reviews,
        "events": _timeline(complaint),
        "attachments": complaint.attachments.all(),
        "rate_form": extra.get("rate_form") or (RateForm() if can_rate else None),
        "review_form": extra.get("review_form") or (ReviewRequestForm() if can_review else None),
    }


def _timeline(complaint: Complaint) -> list:
    """The events (only what the page shows) with their time formatted once here: `|date` twice
    a row cost more than the rest of the timeline."""
    events = list(
        complaint.events.only("complaint", "code", "created_at").order_by("created_at", "id")
    )
    for event in events:
        local = timezone.localtime(event.created_at)
        event.at_iso, event.at_text = local.isoformat(), f"{local:%Y-%m-%d %H:%M}"
    return events


@require_POST
def rate(request, number: str):
    complaint = complaint_selectors.complaint_get_for_follower(request, number)
    form = RateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data

        def create() -> Submitted:
            rating = closing_services.complaint_rate(
                complaint=complaint, level=data["level"], comment=data["comment"]
            )
            return Submitted(subject=rating)

        try:
            submit_once(token=data["submission_token"], account=None, create=create)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("感谢您的评价。"))
            return redirect("petitions:track_detail", number=number)
    return render(
        request,
        "petitions/track_detail.html",
        _follower_context(complaint, rate_form=form),
        status=400,
    )


@require_POST
def review(request, number: str):
    complaint = complaint_selectors.complaint_get_for_follower(request, number)
    form = ReviewRequestForm(request.POST)
    if form.is_valid():
        try:
            review_services.review_request(complaint=complaint, reason=form.cleaned_data["reason"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("申请已提交，将在30日内作出意见。"))
            return redirect("petitions:track_detail", number=number)
    return render(
        request,
        "petitions/track_detail.html",
        _follower_context(complaint, review_form=form),
        status=400,
    )


@login_required
def mine(request):
    page = Paginator(complaint_selectors.complaints_of_account(request.user), 20).get_page(
        request.GET.get("page")
    )
    return render(request, "petitions/mine.html", {"page": page})


def attachment(request, pk: int):
    """Serve an attachment to the complainant and to staff who may see the complaint; 404 to others."""
    item = Attachment.objects.select_related("complaint__category").filter(pk=pk).first()
    if item is None:
        raise Http404
    complaint = item.complaint
    allowed = (
        complaint_permissions.can_follow(request, complaint)
        or complaint_permissions.complaints_visible_to(request.user)
        .filter(pk=complaint.pk)
        .exists()
    )
    if not allowed:
        raise Http404
    try:
        handle = item.file.open("rb")
    except OSError as error:
        raise Http404 from error
    identity_services.protected_access_record(
        user=request.user,
        complaints=[complaint],
        what=ProtectedAccess.What.ATTACHMENT,
        address=client_address(request),
    )
    return FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )


# --- Public board ------------------------------------------------------------------------------


BOARD_PAGE_SIZE = 20


def board(request):
    # No COUNT of the public complaints: it grows with every publication, the pager needs none.
    page = PageWithoutCount.of(
        public_complaints.board_rows(), request.GET.get("page"), size=BOARD_PAGE_SIZE
    )
    return render(request, "petitions/board.html", {"page": page})


def board_detail(request, number: str):
    return render(
        request,
        "petitions/board_detail.html",
        {"complaint": public_complaints.public_get(number)},
    )


def figures(request):
    year = year_param(request.GET.get("year")) or timezone.localdate().year
    rows, total, computed_at = public_complaints.figures_stored(year=year)
    return render(
        request,
        "petitions/figures.html",
        {"rows": rows, "total": total, "year": year, "computed_at": computed_at},
    )


class BoardFeed(Feed):
    """The public replies as an RSS feed."""

    title = gettext_lazy("投诉举报公开答复")
    description = gettext_lazy("经诉求人同意公开的诉求及答复（已隐去个人信息）")

    def link(self):
        return reverse("petitions:board")

    def items(self):
        return public_complaints.public_board()[:30]

    def item_title(self, item):
        return f"{item.number} {item.public_title}"

    def item_description(self, item):
        # The texts a moderator passed, nothing else.
        return item.public_replies[-1].public_content if item.public_replies else ""

    def item_link(self, item):
        return reverse("petitions:board_detail", args=[item.number])

    def item_pubdate(self, item):
        return item.published_at
