"""The HTML page in a real browser: headless Chromium driven by Playwright.

Skipped, with the reason, where Chromium or Playwright is missing; ``.ci/run``
installs both. Set ARGMAP_CHROMIUM to use another Chromium executable.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
import argmap.attribution
from argmap.render.html import to_html
from conftest import ROOT

CHROMIUM = os.environ.get("ARGMAP_CHROMIUM") or next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
if CHROMIUM is None:
    pytest.skip("no Chromium here (Debian: apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

BUNDLED = ROOT / "data" / "claims.json"
INJECTION = ROOT / "tests" / "data" / "html" / "injection.json"
V2 = ROOT / "tests" / "data" / "render" / "v2.json"
CLAIM = "musk-departure-was-mutual"


class Visit:
    """A page opened in the browser, with every console message and request seen."""

    def __init__(
        self,
        browser: Any,
        path: Path,
        view: str = "map",
        size: tuple[int, int] = (1400, 900),
    ) -> None:
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.url = path.resolve().as_uri()
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url + (f"#{view}" if view else ""))
        self.page.wait_for_selector("body[data-ready=true]")

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if u.split("#")[0] != self.url and u != "data:,"]

    def box(self, node: str) -> Any:
        return self.page.locator(f'#map g.node[data-node="{node}"]')

    def classes(self, node: str) -> set[str]:
        return set((self.box(node).get_attribute("class") or "").split())

    def view_box(self) -> str:
        return str(self.page.locator("#map").get_attribute("viewBox"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "musk-altman.html"
    path.write_text(to_html(argmap.load(BUNDLED)), encoding="utf-8")
    return path


@pytest.fixture
def visit(browser: Any, bundled_page: Path) -> Iterator[Visit]:
    v = Visit(browser, bundled_page)
    yield v
    v.page.close()


def test_loads_clean_and_asks_for_nothing(visit: Visit) -> None:
    m = argmap.load(BUNDLED)
    assert visit.page.title() == m.title
    assert visit.page.locator("#map g.node[data-node]").count() == len(m.claims) + len(m.evidence)
    assert visit.page.locator("#panel").is_hidden()
    assert visit.errors == []
    assert visit.outside_requests() == []


def test_clicking_a_claim_shows_its_quotes_and_rebuttals(visit: Visit) -> None:
    m = argmap.load(BUNDLED)
    evidence = {e.id: e for e in m.evidence}
    claims = {c.id: c for c in m.claims}
    quotes = [
        evidence[r.source].quote for r in m.relations if r.target == CLAIM and r.source in evidence
    ]
    rebuttals = [
        claims[r.source].text for r in m.relations if r.target == CLAIM and r.type == "rebuts"
    ]
    assert quotes and rebuttals
    visit.box(CLAIM).click()
    panel = visit.page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert claims[CLAIM].text in text
    assert claims[CLAIM].original is not None and claims[CLAIM].original.text in text
    for quote in quotes:
        assert quote in text
    for rebuttal in rebuttals:
        assert rebuttal in text
    assert "line 17, column 498" in text  # where the quote stands in its source
    assert "selected" in visit.classes(CLAIM)
    assert visit.errors == []


def test_keyboard_enter_opens_the_panel_and_escape_closes_it(visit: Visit) -> None:
    visit.box(CLAIM).focus()
    visit.page.keyboard.press("Enter")
    assert visit.page.locator("#panel").is_visible()
    assert "mutual" in visit.page.locator("#panel-body").inner_text()
    visit.page.keyboard.press("Escape")
    assert visit.page.locator("#panel").is_hidden()


def test_a_link_in_the_panel_moves_to_that_node(visit: Visit) -> None:
    visit.box(CLAIM).click()
    link = visit.page.locator("#panel a[data-go]").first
    target = link.get_attribute("data-go")
    assert target and target != CLAIM
    before = visit.view_box()
    link.click()
    assert "selected" in visit.classes(target)
    assert "selected" not in visit.classes(CLAIM)
    assert visit.view_box() != before
    assert visit.page.evaluate("document.activeElement.dataset.node") == target


def test_filters_hide_and_show_nodes(visit: Visit) -> None:
    m = argmap.load(BUNDLED)
    only_musk = [c.id for c in m.claims if c.asserted_by == ["elon-musk"]]
    others = [c.id for c in m.claims if "elon-musk" not in c.asserted_by and c.asserted_by]
    assert only_musk and others
    visit.page.locator('input[name="party"][value="elon-musk"]').uncheck()
    assert all("hidden" in visit.classes(n) for n in only_musk)
    assert not any("hidden" in visit.classes(n) for n in others[:5])
    shown = visit.page.locator("#shown").inner_text()
    assert shown.startswith("Showing ") and not shown.startswith("Showing 142 ")
    visit.page.locator('input[name="party"][value="elon-musk"]').check()
    assert not any("hidden" in visit.classes(n) for n in only_musk)

    grok = [e.id for e in m.evidence if e.source == "grok-note-2025"]
    visit.page.locator('input[name="source"][value="grok-note-2025"]').uncheck()
    assert all("hidden" in visit.classes(n) for n in grok)
    visit.page.locator("#show-all").click()
    assert not any("hidden" in visit.classes(n) for n in grok)


def test_verdict_filter_and_hidden_edges(visit: Visit) -> None:
    statuses = argmap.status.claim_statuses(argmap.load(BUNDLED))
    answered = [s.id for s in statuses if s.verdict == "answered"]
    assert answered
    words = visit.page.locator('input[name="verdict"]').evaluate_all("els => els.map(e => e.value)")
    assert words == [
        w for w in argmap.status.VERDICT_WORDS if any(s.verdict == w for s in statuses)
    ]
    visit.page.locator('input[name="verdict"][value="answered"]').uncheck()
    assert all("hidden" in visit.classes(n) for n in answered)
    edges = visit.page.locator(f'#map g.edge[data-to="{answered[0]}"]')
    assert edges.count() > 0
    assert all(
        "hidden" in (edges.nth(i).get_attribute("class") or "") for i in range(edges.count())
    )


def test_panel_shows_line_verdict_reason_and_credit(visit: Visit) -> None:
    m = argmap.load(BUNDLED)
    statuses = argmap.status.node_statuses(m)
    visit.box(CLAIM).click()
    text = visit.page.locator("#panel").inner_text()
    assert statuses[CLAIM].line in text
    assert statuses[CLAIM].verdict in text and statuses[CLAIM].reason in text
    words = argmap.attribution.Attribution(m)
    quotes = [
        r.source
        for r in m.relations
        if r.target == CLAIM and r.source in statuses and statuses[r.source].kind == "evidence"
    ]
    for q in quotes:
        assert f"— {words.quote_credit(q)}" in text


def test_undercuts_and_moves_in_the_panel(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "v2.html"
    path.write_text(to_html(argmap.load(V2)), encoding="utf-8")
    visit = Visit(browser, path)
    visit.box("mission-abandoned").click()
    text = visit.page.locator("#panel").inner_text()
    assert "unsupported" in text and "its support from ev-lucrative is undercut" in text
    assert "Undercut by Musk's intentions are not as noble as he says." in text
    assert "Moves that deny nothing, aimed at it (1)" in text and "insults" in text
    assert "Did OpenAI abandon its founding mission? yes" in text
    visit.box("motives-not-noble").click()
    text = visit.page.locator("#panel").inner_text()
    assert "It undercuts (1)" in text and "scheme: ad-hominem" in text
    # hiding the undercutter hides its line, and the point stays with its relation
    visit.page.locator('input[name="party"][value="altman"]').uncheck()
    cut = visit.page.locator('#map g.edge[data-via="ev-lucrative"]')
    assert cut.count() == 1 and "hidden" in (cut.get_attribute("class") or "")
    point = visit.page.locator('#map g.node[data-from="ev-lucrative"]')
    assert "hidden" not in (point.get_attribute("class") or "")
    assert visit.errors == []
    visit.page.close()


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def test_search_highlights_matches(visit: Visit) -> None:
    m = argmap.load(BUNDLED)
    expected = {
        c.id
        for c in m.claims
        if "tesla" in fold(c.text + " " + (c.original.text if c.original else ""))
    }
    visit.page.locator("#search").fill("Tésla")  # accents and case do not matter
    matched = set(
        visit.page.locator("#map g.node.match").evaluate_all("els => els.map(e => e.dataset.node)")
    )
    assert expected and expected <= matched
    assert "match" in visit.page.locator("#search-count").inner_text()
    visit.page.locator("#search").press("Enter")
    assert visit.page.locator("#panel").is_visible()
    first = visit.page.locator("#map g.node.selected").get_attribute("data-node")
    assert first in matched
    visit.page.locator("#search").press("Escape")
    assert visit.page.locator("#map g.node.match").count() == 0


def test_zoom_and_pan_change_the_view(visit: Visit) -> None:
    home = visit.view_box()
    visit.page.locator("#zoom-in").click()
    zoomed = visit.view_box()
    assert float(zoomed.split()[2]) < float(home.split()[2])
    box = visit.page.locator("#map").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    visit.page.mouse.move(x, y)
    visit.page.mouse.down()
    visit.page.mouse.move(x + 120, y + 40, steps=4)
    visit.page.mouse.up()
    assert visit.view_box() != zoomed
    assert visit.page.locator("#panel").is_hidden(), "a drag is not a click"
    visit.page.locator("#zoom-fit").click()
    assert [round(float(v), 1) for v in visit.view_box().split()] == [
        round(float(v), 1) for v in home.split()
    ]


def test_a_link_to_a_node_opens_it(browser: Any, bundled_page: Path) -> None:
    page = browser.new_page()
    page.goto(bundled_page.resolve().as_uri() + "#" + CLAIM)
    page.wait_for_selector("#panel:not([hidden])")
    assert "mutual" in page.locator("#panel-body").inner_text()
    page.close()


def test_injection_map_runs_nothing(browser: Any, tmp_path: Path) -> None:
    m = argmap.load(INJECTION)
    path = tmp_path / "injection.html"
    path.write_text(to_html(m), encoding="utf-8")
    visit = Visit(browser, path)
    page = visit.page
    for node in [c.id for c in m.claims] + [e.id for e in m.evidence]:
        visit.box(node).click()
    page.locator("#search").fill("script")
    page.locator("#search").press("Enter")
    page.locator("details").first.click()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    assert visit.outside_requests() == []
    assert visit.errors == []
    visit.box("c-script").click()
    text = page.locator("#panel").inner_text()
    assert "Claim <script>window.__pwned = 1</script>" in text
    assert '"><img src=x onerror="window.__pwned = 2">' in text  # the rebuttal, as text
    assert "Mallory" in text
    # the reporter's name, the scheme, the question and the stance, as text
    assert "— Eve </script><script>window.__pwned = 7</script>" in text
    assert "scheme: ad-hominem </script><script>window.__pwned = 11</script>" in text
    assert 'Question <img src=x onerror="window.__pwned = 8">?' in text
    assert '<b onmouseover="window.__pwned = 10">yes' in text
    visit.box("c-close").click()
    text = page.locator("#panel").inner_text()
    assert "It undercuts" in text and '"><img src=x onerror="window.__pwned = 12">' in text
    assert page.evaluate("window.__pwned") is None
    assert page.title() == m.title
    page.close()


def test_print_styles_leave_the_controls_out(visit: Visit, tmp_path: Path) -> None:
    visit.box(CLAIM).click()
    visit.page.emulate_media(media="print")
    assert visit.page.locator("#filter-party").is_hidden()
    assert visit.page.locator(".zoom").is_hidden()
    assert visit.page.locator("#sources").is_visible()
    assert visit.page.locator("#panel").is_visible()  # the open panel is printed too
    pdf = visit.page.pdf(path=str(tmp_path / "map.pdf"))
    assert pdf.startswith(b"%PDF")
    visit.page.emulate_media(media="screen")
    assert visit.page.locator("#filter-party").is_visible()


# --- the views: questions, a question's map, the timeline, the sources -------------------

DISPUTE = ROOT / "tests" / "data" / "v2" / "dispute.json"


@pytest.fixture(scope="module")
def dispute_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dispute") / "dispute.html"
    path.write_text(to_html(argmap.load(DISPUTE)), encoding="utf-8")
    return path


def in_view(page: Any, locator: Any) -> bool:
    """Whether the element lies wholly inside the window, without scrolling."""
    box = locator.bounding_box()
    size = page.viewport_size
    return bool(
        box
        and box["width"] > 0
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def smallest_text(page: Any, selector: str) -> float:
    """The smallest font size, in CSS pixels, of the text shown inside ``selector``."""
    return float(
        page.evaluate(
            """(sel) => {
                let least = Infinity;
                const root = document.querySelector(sel);
                const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                while (walk.nextNode()) {
                  const t = walk.currentNode;
                  if (!t.textContent.trim() || !t.parentElement.getClientRects().length) continue;
                  least = Math.min(least, parseFloat(getComputedStyle(t.parentElement).fontSize));
                }
                return least;
            }""",
            selector,
        )
    )


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_first_screen_of_the_bundled_map_shows_every_question(
    browser: Any, bundled_page: Path, size: tuple[int, int]
) -> None:
    m = argmap.load(BUNDLED)
    visit = Visit(browser, bundled_page, view="", size=size)
    page = visit.page
    assert m.questions and page.locator("#view-questions").is_visible()
    for q in m.questions:
        link = page.locator("#question-index a", has_text=q.text)
        assert link.count() == 1 and in_view(page, link), q.text
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    assert visit.errors == [] and visit.outside_requests() == []
    page.close()


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_first_screen_shows_every_question(
    browser: Any, dispute_page: Path, size: tuple[int, int]
) -> None:
    m = argmap.load(DISPUTE)
    visit = Visit(browser, dispute_page, view="", size=size)
    page = visit.page
    assert page.locator("#view-questions").is_visible()
    assert page.locator("#view-map").is_hidden()
    for q in m.questions:
        link = page.locator("#question-index a", has_text=q.text)
        assert link.count() == 1 and in_view(page, link), q.text
        assert page.locator(f"#qcard-{q.id}").count() == 1
    # the page fits the phone's width: nothing to scroll sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    assert smallest_text(page, "#view-questions") >= 11
    card = page.locator("#qcard-q-pay").inner_text()
    assert "The town must pay" in card and "— Batiroc" in card
    assert "contested" in card and "quote behind it" in card
    assert visit.errors == [] and visit.outside_requests() == []
    page.close()


def test_a_card_opens_its_question_map(browser: Any, dispute_page: Path) -> None:
    from argmap.questions import question_nodes

    m = argmap.load(DISPUTE)
    visit = Visit(browser, dispute_page, view="", size=(1366, 768))
    page = visit.page
    page.locator('#qcard-q-lenoir button[data-question="q-lenoir"]').click()
    assert page.locator("#view-question").is_visible()
    assert page.locator("#q-title").inner_text() == m.question_by_id()["q-lenoir"].text
    shown = page.locator("#q-map [data-node]").evaluate_all("els => els.map(e => e.dataset.node)")
    assert set(shown) == set(question_nodes(m, "q-lenoir"))
    # the two sides face each other: two columns side by side
    cols = page.locator("#q-map .facing > .qcol")
    assert cols.count() == 2
    left, right = cols.nth(0).bounding_box(), cols.nth(1).bounding_box()
    assert left and right and left["x"] + left["width"] <= right["x"]
    assert smallest_text(page, "#view-question") >= 11
    # a claim opens its panel; a link in a card moves to the other side's claim
    page.locator('#q-map .card[data-node="lenoir-resigned"]').click()
    assert "Lenoir left Batiroc of his own accord" in page.locator("#panel").inner_text()
    page.locator('#q-map .card[data-node="lenoir-resigned"] a[data-go="lenoir-pushed-out"]').click()
    assert page.evaluate("document.activeElement.dataset.node") == "lenoir-pushed-out"
    # the whole map is one click away
    page.locator("#q-to-map").click()
    assert page.locator("#view-map").is_visible() and visit.box("lenoir-resigned").is_visible()
    assert visit.errors == []
    page.close()


def test_the_timeline_filters_itself_and_the_map(browser: Any, dispute_page: Path) -> None:
    visit = Visit(browser, dispute_page, view="timeline")
    page = visit.page
    events = page.locator("#timeline-list li.event")
    total = events.count()
    assert total > 5 and "inferred" in page.locator("#timeline-list").inner_text()
    page.select_option("#range-from", "2019")
    page.select_option("#range-to", "2019")
    shown = page.locator("#timeline-list li.event:visible time").all_inner_texts()
    assert shown and all(t.startswith("2019") for t in shown)
    assert "Dates 2019–2019" in page.locator("#range-note").inner_text()
    page.locator('#views button[data-view="map"]').click()
    assert "hidden" in visit.classes("bridge-opened")  # dated 2015
    assert "hidden" not in visit.classes("lenoir-pushed-out")  # dated by its quote, 2019-03
    assert "hidden" not in visit.classes("town-pays")  # undated: kept
    page.locator('#views button[data-view="timeline"]').click()
    page.locator("#range-undated").uncheck()
    page.locator('#views button[data-view="map"]').click()
    assert "hidden" in visit.classes("town-pays")
    page.locator('#views button[data-view="timeline"]').click()
    page.locator("#range-clear").click()
    assert page.locator("#timeline-list li.event:visible").count() == total
    assert "hidden" not in visit.classes("bridge-opened")
    assert visit.errors == []
    page.close()


def test_a_highlight_opens_its_quote_and_back(browser: Any, dispute_page: Path) -> None:
    m = argmap.load(DISPUTE)
    visit = Visit(browser, dispute_page, view="sources")
    page = visit.page
    text = page.locator("#reader-text")
    marks = text.locator("mark.q")
    assert marks.count() > 5
    assert "68% of this text" in page.locator("#reader-head").inner_text()
    assert text.locator("span.unquoted").count() >= 8  # the passages no quote covers
    # every highlight is where the quote was proven
    proven = page.evaluate(
        """() => Array.from(document.querySelectorAll('#reader-text mark[data-ev~="ev-dangerous"]'),
            (e) => e.textContent).join('')"""
    )
    assert proven == next(e.quote for e in m.evidence if e.id == "ev-dangerous")
    text.locator('mark[data-ev~="ev-dangerous"]').first.click()
    panel = page.locator("#panel").inner_text()
    assert "Le pont était dangereux" in panel and "It supports (1)" in panel
    assert "The bridge was dangerous; closing it was unavoidable." in panel
    # from a claim's panel, a quote jumps to its place in its source
    page.locator('#panel a[data-go="bridge-unsafe"]').click()
    page.locator('#panel a[data-read="ev-dangerous"]').click()
    assert page.locator("#view-sources").is_visible()
    focused = page.evaluate("document.activeElement.dataset.ev || ''")
    assert "ev-dangerous" in focused.split()
    # the other source, and its unquoted passages one after the other
    page.locator('#reader-tabs button[data-source="batiroc-release"]').click()
    assert "40% of this text" in page.locator("#reader-head").inner_text()
    page.locator("#next-unquoted").click()
    assert page.locator("#reader-text span.unquoted.flash").count() >= 1
    assert visit.errors == [] and visit.outside_requests() == []
    page.close()


def test_every_view_of_hostile_text_runs_nothing(browser: Any, tmp_path: Path) -> None:
    m = argmap.load(INJECTION)
    path = tmp_path / "injection.html"
    path.write_text(to_html(m), encoding="utf-8")
    visit = Visit(browser, path, view="")
    page = visit.page
    assert (
        'Question <img src=x onerror="window.__pwned = 8">?'
        in page.locator("#view-questions").inner_text()
    )
    page.locator("#question-cards button[data-question]").first.click()
    page.locator("#q-map .card").first.click()
    for view in ("timeline", "sources"):
        page.locator(f'#views button[data-view="{view}"]').click()
    assert "<script>window.__pwned = 1</script>" in page.locator("#reader-text").inner_text()
    page.locator("#reader-text mark.q").first.click()
    assert page.locator("#panel").is_visible()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    assert visit.errors == [] and visit.outside_requests() == []
    page.close()


def test_a_map_too_big_to_draw_keeps_its_views(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(to_html(argmap.load(DISPUTE), picture_limit=3), encoding="utf-8")
    visit = Visit(browser, path, view="map")
    page = visit.page
    assert "more than the 3 one picture" in (page.locator("#map").text_content() or "")
    assert page.locator("#filter-party input").count() > 0  # filters still work
    page.locator('#views button[data-view="questions"]').click()
    page.locator('button[data-question="q-pay"]').click()
    assert page.locator("#q-map .card.claim:visible").count() == 4
    assert visit.errors == []
    page.close()
