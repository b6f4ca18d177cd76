"""Screenshots of each demo role's main pages at 1366 px and 390 px, for a person to look at.

Not a test: it drives a running demo portal and writes PNGs plus a short list of what a machine
can spot (pages wider than the screen, tap targets under 24 px, server errors).

    PORTAL_VAR_DIR=/tmp/phonevar manage.py migrate && seed_demo && collectstatic --noinput
    PORTAL_VAR_DIR=/tmp/phonevar manage.py runserver 127.0.0.1:8766
    .venv/bin/python bench/screenshots.py --base http://127.0.0.1:8766 --out /work/notes/shots

`--only clerk_a` limits the run to some roles; the demo password is that of `seed_demo`.
"""

import argparse
import json
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

PASSWORD = "Demo#2026"
WIDTHS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Per role: the login (None = not signed in) and its main pages. A page given as
# ("from", path, css) is the first link matching css on the page at path, so the shots follow the
# demo data rather than fixed ids.
ROLES = {
    "public": (
        None,
        [
            ("home", "/"),
            ("catalogue", "/disclosure/catalogue/"),
            ("item", ("from", "/disclosure/catalogue/", "main a[href^='/disclosure/catalogue/']")),
            ("columns", "/disclosure/"),
            ("article", ("from", "/disclosure/", "main a[href^='/disclosure/articles/']")),
            ("search", "/disclosure/search/?q=营业执照"),
            ("complaint_file", "/petitions/file/"),
            ("board", "/petitions/board/"),
            ("evaluation", "/evaluation/"),
            ("login", "/login/"),
            ("register", "/register/"),
            ("password_reset", "/password/reset/"),
            ("qa", "/petitions/messages/"),
            (
                "qa_detail",
                ("from", "/petitions/messages/", "main a[href^='/petitions/messages/LY']"),
            ),
            ("message_write", "/petitions/messages/write/"),
            ("suggestions", "/petitions/suggestions/"),
            ("consultations", "/petitions/consultations/"),
            ("interaction_figures", "/petitions/interaction/figures/"),
            ("appraisal", "/petitions/appraisal/"),
            (
                "appraisal_results",
                ("from", "/petitions/appraisal/", "main a[href$='/results/']"),
            ),
            ("item_history", "/disclosure/catalogue/market-002/history/"),
            ("interviews", "/petitions/interviews/"),
            (
                "interview_archived",
                ("from", "/petitions/interviews/archive/", "main .list-group a"),
            ),
            ("surveys", "/petitions/surveys/"),
            ("survey_closed", ("from", "/petitions/surveys/", "main .list-group a:last-child")),
        ],
    ),
    "citizen": (
        "13900000001",
        [
            ("account", "/account/"),
            ("inbox", "/account/inbox/"),
            ("cases", "/approvals/mine/"),
            ("case", ("from", "/approvals/mine/", "main a[href*='/approvals/cases/']")),
            ("apply", ("from", "/disclosure/catalogue/", "main a[href^='/disclosure/catalogue/']")),
            ("requests", "/disclosure/requests/mine/"),
            ("complaints", "/petitions/mine/"),
            (
                "appraisal_answer",
                ("from", "/petitions/appraisal/", "main .list-group a.btn-primary"),
            ),
            ("survey", ("from", "/petitions/surveys/", "main .list-group a")),
            ("monitoring", "/petitions/monitors/mine/"),
            ("monitor_report", "/petitions/monitors/new/"),
        ],
    ),
    "clerk_a": (
        "clerk_a",
        [
            ("workbench", "/workbench/"),
            ("queue", "/approvals/staff/"),
            (
                "case",
                ("from", "/approvals/staff/?status=submitted", "main a[href*='/staff/cases/']"),
            ),
            ("case_any", ("from", "/approvals/staff/?scope=all", "main a[href*='/staff/cases/']")),
        ],
    ),
    "head_market": (
        "head_market",
        [
            ("workbench", "/workbench/"),
            ("queue", "/approvals/staff/"),
            ("case", ("from", "/approvals/staff/", "main a[href*='/staff/cases/']")),
            ("catalogue", "/disclosure/staff/catalogue/"),
            ("articles", "/disclosure/staff/articles/"),
            ("tickets", "/approvals/ratings/staff/tickets/"),
            ("stats", "/approvals/staff/stats/"),
            ("interviews", "/petitions/staff/interviews/"),
            (
                "interview_console",
                ("from", "/petitions/staff/interviews/", "main table a"),
            ),
            ("surveys", "/petitions/staff/surveys/"),
            ("survey_builder", ("from", "/petitions/staff/surveys/", "main table a")),
        ],
    ),
    "clerk_office": (
        "clerk_office",
        [
            ("requests", "/disclosure/staff/requests/"),
            (
                "request",
                ("from", "/disclosure/staff/requests/", "main table a[href*='/requests/']"),
            ),
        ],
    ),
    "operator": (
        "operator",
        [
            ("workbench", "/workbench/"),
            ("queue", "/petitions/staff/"),
            ("complaint", ("from", "/petitions/staff/", "main table a[href*='/petitions/staff/']")),
            ("register", "/petitions/staff/register/"),
            ("messages", "/petitions/staff/messages/"),
            ("moderation", "/petitions/staff/moderation/"),
            (
                "moderation_item",
                (
                    "from",
                    "/petitions/staff/moderation/",
                    "main a[href*='/petitions/staff/moderation/']",
                ),
            ),
        ],
    ),
    "leader": (
        "leader",
        [
            ("workbench", "/workbench/"),
            ("dashboard", "/supervision/"),
            ("brief", "/supervision/brief/"),
            ("complaints", "/petitions/staff/"),
        ],
    ),
    "inspector": (
        "inspector",
        [
            ("dashboard", "/supervision/"),
            ("alerts", "/supervision/alerts/"),
            ("clocks", "/supervision/clocks/"),
            ("notices", "/supervision/notices/"),
            ("warnings", "/evaluation/staff/warnings/"),
            ("appraisal_staff", "/petitions/staff/appraisal/"),
            ("monitors", "/petitions/staff/monitors/"),
            ("monitors_appoint", "/petitions/staff/monitors/appoint/"),
            ("monitors_summary", "/petitions/staff/monitors/summary/"),
        ],
    ),
    "admin": (
        "admin",
        [
            ("workbench", "/workbench/"),
            ("catalogue", "/disclosure/staff/catalogue/"),
            ("articles", "/disclosure/staff/articles/"),
            ("reports", "/disclosure/staff/reports/"),
            ("roster", "/evaluation/staff/roster/"),
        ],
    ),
}

# What a machine can judge: page wider than the viewport, and visible tap targets smaller than
# 24 x 24 CSS px (WCAG 2.2 target size, minimum), links inside running text excepted.
PROBE = """() => {
  const doc = document.documentElement;
  const small = [];
  for (const el of document.querySelectorAll('a, button, input, select, textarea, summary')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (el.tagName === 'A' && el.closest('p, li, dd, td') && !el.classList.contains('btn')) continue;
    if (el.type === 'hidden' || el.closest('.visually-hidden-focusable, .visually-hidden')) continue;
    // A labelled box or radio is tapped through its label as well.
    if ((el.type === 'checkbox' || el.type === 'radio') && el.labels && el.labels.length) continue;
    if (box.height < 24 || box.width < 24) {
      small.push((el.innerText || el.name || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 30)
        + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
    }
  }
  const wide = [];
  if (doc.scrollWidth > doc.clientWidth) {
    for (const el of document.querySelectorAll('main *')) {
      const box = el.getBoundingClientRect();
      if (box.right > doc.clientWidth + 1 && !el.closest('.table-responsive')) {
        wide.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
        if (wide.length > 5) break;
      }
    }
  }
  return {overflow: doc.scrollWidth - doc.clientWidth, wide, small: small.slice(0, 12)};
}"""


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    if page.url.rstrip("/").endswith("/login"):
        raise SystemExit(f"could not sign in as {username}")


def resolve(page, base: str, target) -> str | None:
    if isinstance(target, str):
        return target
    _, path, css = target
    page.goto(f"{base}{path}")
    link = page.locator(css).first
    if not link.count():
        return None
    return link.get_attribute("href")


def shoot_role(browser, base: str, out: Path, role: str, username, pages) -> list[dict]:
    findings = []
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS["1366"])
    page = context.new_page()
    page.set_default_timeout(15_000)
    if username:
        login(page, base, username)
    for name, target in pages:
        path = resolve(page, base, target)
        if path is None:
            findings.append({"shot": f"{role}_{name}", "error": "no link found"})
            continue
        for width, viewport in WIDTHS.items():
            page.set_viewport_size(viewport)
            try:
                response = page.goto(f"{base}{path}")
                page.wait_for_load_state("networkidle")
            except PlaywrightError as error:
                findings.append({"shot": f"{role}_{name}", "path": path, "error": str(error)[:80]})
                break
            shot = out / f"{role}_{name}_{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            probe = page.evaluate(PROBE)
            findings.append(
                {"shot": shot.name, "path": path, "status": response.status if response else 0}
                | probe
            )
    context.close()
    return findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8766")
    parser.add_argument("--out", default="/work/notes/shots")
    parser.add_argument("--only", nargs="*", help="roles to shoot (default: all)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    findings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for role, (username, pages) in ROLES.items():
            if args.only and role not in args.only:
                continue
            findings += shoot_role(browser, args.base, out, role, username, pages)
        browser.close()
    (out / "findings.json").write_text(json.dumps(findings, ensure_ascii=False, indent=1))
    for row in findings:
        flags = []
        if row.get("error") or row.get("status", 200) >= 400:
            flags.append(f"status {row.get('status')} {row.get('error', '')}")
        if row.get("overflow", 0) > 0:
            flags.append(f"overflow {row['overflow']}px {row['wide']}")
        if row.get("small"):
            flags.append(f"small targets {row['small']}")
        print(row["shot"], "; ".join(flags) or "ok")


if __name__ == "__main__":
    main()
