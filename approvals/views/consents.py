"""代办授权: the agent's page waiting for the citizen's consent, and the citizen's requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from approvals.forms.consents import ConsentCodeForm
from approvals.models import AgentConsent
from approvals.selectors import applying as applying_selectors
from approvals.services import consents as consent_services
from portal.errors import DomainError


@login_required
def agent_consent(request, pk: int):
    """The agent's draft waiting for consent: the applicant masked, the code to type in."""
    case = applying_selectors.follower_case_get(request.user, pk)
    consent = AgentConsent.objects.filter(case=case, agent=request.user).first()
    if consent is None:
        raise Http404
    if consent.status == AgentConsent.Status.GRANTED:
        return redirect("approvals:draft" if case.is_draft else "approvals:case", pk=case.pk)
    form = ConsentCodeForm(request.POST if request.POST.get("action") == "confirm" else None)
    status = 200
    if request.method == "POST":
        status = 400
        try:
            if request.POST.get("action") == "resend":
                consent_services.consent_resend_code(actor=request.user, consent=consent)
                messages.success(request, _("新的验证码已发送到申请人的手机。"))
                return redirect("approvals:consent", pk=case.pk)
            if form.is_valid():
                consent_services.consent_confirm_code(
                    actor=request.user, consent=consent, code=form.cleaned_data["code"]
                )
                messages.success(request, _("申请人已同意代办，请继续填写申请。"))
                return redirect("approvals:draft", pk=case.pk)
        except DomainError as error:
            form.add_error(None, error.message)
        consent.refresh_from_db()
    context = {
        "case": case,
        "consent": consent,
        "form": form,
        "code_live": consent_services.code_is_live(consent),
        "can_resend": consent.codes_sent < consent_services.CODES_PER_REQUEST,
    }
    return render(request, "approvals/consents/agent.html", context, status=status)


@login_required
def citizen_consents(request):
    """代办授权: the agents' requests waiting for this citizen's answer, and the last answers."""
    consents = (
        AgentConsent.objects.filter(citizen=request.user)
        .select_related("case__item", "agent__department")
        .order_by("-requested_at", "-id")[:50]
    )
    return render(request, "approvals/consents/citizen.html", {"consents": consents})


@login_required
@require_POST
def consent_decide(request, pk: int):
    """The citizen approves or refuses one request."""
    consent = AgentConsent.objects.filter(pk=pk, citizen=request.user).first()
    if consent is None:
        raise Http404
    decision = request.POST.get("decision")
    if decision not in ("grant", "refuse"):
        messages.error(request, _("请选择同意或拒绝。"))
        return redirect("approvals:consents")
    grant = decision == "grant"
    try:
        consent_services.consent_decide(actor=request.user, consent=consent, grant=grant)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已同意代办。") if grant else _("已拒绝代办。"))
    return redirect("approvals:consents")
