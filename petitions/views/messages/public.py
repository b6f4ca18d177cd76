"""The public side of messages: write, the receipt, follow with a query code, my messages, the Q&A."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from petitions.forms import messages as message_forms
from petitions.models import Message
from petitions.selectors import messages as message_selectors
from petitions.services.messages import writing
from portal import ratelimit, write_limits
from portal.addresses import client_address
from portal.errors import DomainError
from portal.models import Department
from portal.pagination import PageWithoutCount
from portal.query_params import choice_param, id_param, month_param, text_param
from portal.submissions import Submitted, submit_once

JUST_WRITTEN_KEY = "petitions_message_written"
FOLLOWED_KEY = "petitions_messages_followed"


def remember(request, message: Message) -> None:
    """Let this browser session read the message it wrote or opened with its query code."""
    followed = request.session.get(FOLLOWED_KEY, [])
    if message.number not in followed:
        request.session[FOLLOWED_KEY] = [*followed, message.number][-20:]


def write(request):
    """在线咨询 / 县长信箱 / 部门信箱: signed in, or anonymous where the setting allows."""
    user = request.user if request.user.is_authenticated else None
    if user is None and not settings.PETITIONS_MESSAGES_ANONYMOUS:
        return redirect_to_login(request.get_full_path())
    addressee = id_param(request.GET.get("to"))
    form = message_forms.MessageForm(
        request.POST or None, user=request.user, initial={"addressee": addressee}
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def create() -> Submitted:
            write_limits.anonymous_write_check(
                request,
                scope="petitions:message",
                per_hour=settings.PETITIONS_ANONYMOUS_FILINGS_PER_HOUR,
            )
            message, code = writing.message_submit(
                author=user,
                mailbox=data["mailbox"],
                addressee=data["addressee"],
                category=data["category"],
                title=data["title"],
                content=data["content"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_address=data["contact_address"],
                publish_consent=data["publish_consent"],
            )
            return Submitted(subject=message, secret=code)

        try:
            submitted = submit_once(token=data["submission_token"], account=user, create=create)
        except DomainError as error:
            form.add_error(None, error.message)
            if error.code == write_limits.RATE_LIMITED:
                status = 429
        else:
            remember(request, submitted.subject)
            request.session[JUST_WRITTEN_KEY] = {
                "number": submitted.subject.number,
                "code": submitted.secret,
            }
            return redirect("petitions:message_written")
    return render(request, "petitions/messages/write.html", {"form": form}, status=status)


def written(request):
    """The receipt: the number and query code, shown once."""
    receipt = request.session.pop(JUST_WRITTEN_KEY, None)
    if receipt is None:
        return redirect("petitions:message_track")
    return render(request, "petitions/messages/written.html", {"receipt": receipt})


def track(request):
    """Follow a message with its number and query code alone."""
    form = message_forms.TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = f"petitions:message-track-fail:{client_address(request)}"
        if ratelimit.attempts(key, 3600) >= settings.PETITIONS_TRACK_ATTEMPTS_PER_HOUR:
            form.add_error(None, _("查询失败次数过多，请一小时后再试，或拨打12345咨询。"))
        else:
            number = form.cleaned_data["number"].strip().upper()
            message = Message.objects.filter(number=number).only("number", "query_code_digest")
            message = message.first()
            if message is not None and writing.query_code_matches(
                message, form.cleaned_data["code"]
            ):
                remember(request, message)
                return redirect("petitions:message_track_detail", number=message.number)
            ratelimit.hit(key, 3600)
            form.add_error(None, _("留言编号或查询码不正确。"))
    return render(request, "petitions/messages/track.html", {"form": form})


def track_detail(request, number: str):
    """The author's view: status, light, the answer (never the staff's internal notes)."""
    message = message_selectors.follower_get(number)
    own = request.user.is_authenticated and message.author_id == request.user.pk
    if not own and number not in request.session.get(FOLLOWED_KEY, []):
        return redirect("petitions:message_track")
    return render(request, "petitions/messages/track_detail.html", {"message": message})


@login_required
def mine(request):
    page = PageWithoutCount.of(message_selectors.of_author(request.user), request.GET.get("page"))
    return render(request, "petitions/messages/mine.html", {"page": page})


def qa_list(request):
    """网上留言公开: every published Q&A, with search and filters; query count pinned."""
    form = message_forms.QaFilterForm(request.GET or None)
    department_id = id_param(request.GET.get("department"))
    department = (
        Department.objects.filter(pk=department_id, is_active=True).first()
        if department_id
        else None
    )
    filters = {
        "department": department,
        "category": choice_param(request.GET.get("category"), Message.Category.values),
        "month": month_param(request.GET.get("month")),
        "answered": choice_param(request.GET.get("answered"), ("yes", "no")),
        "text": text_param(request.GET.get("q"), max_length=50),
    }
    page = PageWithoutCount.of(message_selectors.public_qa(**filters), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "petitions/messages/qa_list.html",
        {"form": form, "page": page, "query_string": query.urlencode()},
    )


def qa_detail(request, number: str):
    message = message_selectors.public_get(number)
    return render(request, "petitions/messages/qa_detail.html", {"message": message})


def department_qa(request, code: str):
    """The department's page of interaction: its mailbox and its published Q&A."""
    department = Department.objects.filter(code=code, is_active=True).first()
    if department is None:
        raise Http404
    page = PageWithoutCount.of(
        message_selectors.public_qa(department=department), request.GET.get("page")
    )
    return render(
        request,
        "petitions/messages/department.html",
        {"department": department, "page": page},
    )
