"""What a browser test does again and again: open a page, sign in, check accessibility, look."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def accessibility_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core on the page and return the violations of the given impacts."""
    if not AXE.exists():
        raise RuntimeError(f"axe-core is missing at {AXE}: run `npm ci`")
    # Evaluated through the browser's debugging protocol: a <script> tag holding axe's source
    # would be an inline script, which the Content-Security-Policy blocks.
    for attempt in range(3):
        try:
            page.evaluate(AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            )
            break
        except PlaywrightError:
            # A click's navigation still under way: the old document is gone, the new one not
            # yet there ("Execution context was destroyed", no documentElement). Run it on the
            # new page once that has loaded.
            if attempt == 2:
                raise
            page.wait_for_timeout(200)
            page.wait_for_load_state()
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"][:5]],
        }
        for v in violations
        if v["impact"] in impacts
    ]


@dataclass
class Site:
    page: Page
    base_url: str
    visited: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def go(self, path: str, *, check_a11y: bool = True):
        response = self.page.goto(self.url(path))
        assert response is not None and response.status < 400, (
            f"{path} answered {response and response.status}"
        )
        if check_a11y:
            self.check_a11y()
        return response

    def check_a11y(self) -> None:
        """Fail on any serious or critical axe-core violation of the current page."""
        violations = accessibility_violations(self.page)
        self.visited.append(self.page.url)
        assert violations == [], f"accessibility violations on {self.page.url}: {violations}"

    def login(self, username: str, password: str = PASSWORD) -> None:
        self.page.goto(self.url("/login/"))
        self.page.get_by_label("手机号 / 身份证号 / 用户名").fill(username)
        self.page.get_by_label("密码").fill(password)
        self.page.get_by_role("button", name="登录").click()
        expect(self.page.get_by_role("button", name="退出")).to_be_attached()

    def logout(self) -> None:
        self.page.get_by_role("button", name="退出").first.click()

    def screenshot(self, name: str, *, phone: bool = False) -> Path:
        """Save a full-page screenshot under var/screenshots/ for a person to look at."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.set_viewport_size(PHONE if phone else DESKTOP)
        path = SCREENSHOTS / f"{name}{'-phone' if phone else ''}.png"
        self.page.screenshot(path=str(path), full_page=True)
        self.page.set_viewport_size(DESKTOP)
        return path
