"""What contributors may write in a page, and the sanitiser every built page passes through.

The policy, checked by ``page_policy_problems`` (called from ``load_site_data``, so by
``make check`` and at the start of every build), one problem per offence:

- Front matter holds only ``title`` and ``description`` (and ``article`` on summary pages,
  which has its own schema); both are plain text: no ``< > & "`` and no control characters.
  The theme prints them into ``<title>``, ``<meta content>``, the navigation and the search
  index without escaping, and any other key (``template``, ``author``…) would reach it too.
- The Markdown body may use only a few inline and block HTML tags with a few harmless
  attributes (``CONTRIBUTOR_TAGS``, ``CONTRIBUTOR_ATTRIBUTES``): no scripts, no event handlers,
  no embedded objects, no styles. The same attribute rule applies to ``{ … }`` attribute lists.
- No link, image or attribute may use a ``javascript:``, ``vbscript:`` or ``data:`` URL,
  however it is spelled (entities, mixed case, embedded tabs or newlines).
- No ``--8<--`` snippet includes: they pull in files these checks never read.

Defence in depth: whatever the check lets through, ``sanitise`` (run by hooks/pages.py on
every page's HTML) keeps only the elements and attributes the site's own markup uses, drops
scripts, event handlers and script URLs with nh3 (the Rust ``ammonia`` sanitiser), and
``plain_text`` escapes titles and descriptions before the theme prints them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import nh3
from markupsafe import Markup

from ..base.languages import is_generated
from ..read.textfile import read_text
from ..base.problems import Problem, relative_path
from ..read.yamlfile import YamlDocument, load_yaml, split_front_matter
from .markers import blanked

PAGE_KEYS = ("title", "description")
MARKUP_CHARACTERS = re.compile(r'[<>&"\x00-\x08\x0b-\x1f\x7f-\x9f]')

CONTRIBUTOR_TAGS = frozenset(
    {
        "abbr",
        "b",
        "br",
        "cite",
        "code",
        "del",
        "details",
        "div",
        "em",
        "i",
        "ins",
        "kbd",
        "mark",
        "p",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "u",
    }
)
CONTRIBUTOR_ATTRIBUTES = frozenset({"class", "id", "lang", "title", "dir", "markdown"})
# Ids contributors may give (heading anchors, attribute lists, raw HTML): lower-case words joined
# by hyphens. The theme's own ids begin with "__" (__config, __drawer, __search …), so no
# contributed id can stand in for one (DOM clobbering: the first element with an id wins); the
# built-site audit also refuses an id given twice on one page (clusterdocs/publish/site_audit.py).
CONTRIBUTED_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")

# What the HTML a page's Markdown became may keep (``sanitise``): what Markdown produces, plus
# the site's markup that existed when this list was drawn up. Contributors get the narrower list
# above; this one only keeps scripts out. It is what contributed HTML keeps, so it does not grow
# with the templates: the pipeline sanitises a page before the rendered sections go in
# (clusterdocs/render/pages.py ``page_content``).
PAGE_TAGS = CONTRIBUTOR_TAGS | {
    "a",
    "article",
    "blockquote",
    "button",
    "caption",
    "col",
    "colgroup",
    "dd",
    "desc",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "g",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "img",
    "input",
    "label",
    "legend",
    "li",
    "nav",
    "ol",
    "option",
    "output",
    "pre",
    "rect",
    "section",
    "select",
    "svg",
    "table",
    "tbody",
    "td",
    "text",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "ul",
}
PAGE_ATTRIBUTES = {
    "*": {"class", "id", "lang", "title", "role", "hidden", "dir"},
    "a": {"href", "download", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "button": {"type"},
    "input": {"checked", "name", "type", "value"},
    "label": {"for"},
    "option": {"value", "selected"},
    "select": {"name"},
    "output": {"for"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    "time": {"datetime"},
    "details": {"open"},
    "svg": {"viewBox", "preserveAspectRatio", "width", "height", "style", "focusable"},
    "rect": {"x", "y", "width", "height", "rx"},
    "text": {"x", "y", "dx", "dy", "text-anchor"},
}
SITE_URL_SCHEMES = {"http", "https", "mailto"}
# Inline styles the site itself writes: chart heights, and Markdown's table column alignment
# (and, in the project's own markup only, the overview's narrowest width).
SITE_STYLE_PROPERTIES = {"max-height", "text-align"}


# Everything the project's own templates write (overrides/hooks/*.html): the page's list plus
# the SVG the timeline overview draws with. No page's HTML is sanitised with it; a build test
# (tests/build/test_own_markup.py) holds every rendered section to it, so a template that started
# writing a script, a handler or a style would fail there.
SITE_TAGS = PAGE_TAGS | {"circle", "defs", "line", "pattern", "polygon", "tspan"}
SITE_ATTRIBUTES = {
    **PAGE_ATTRIBUTES,
    "svg": PAGE_ATTRIBUTES["svg"] | {"font-size", "x", "y", "overflow"},
    "a": PAGE_ATTRIBUTES["a"],
    "rect": PAGE_ATTRIBUTES["rect"],
    "text": PAGE_ATTRIBUTES["text"] | {"dominant-baseline", "font-size"},
    "circle": {"cx", "cy", "r"},
    "polygon": {"points"},
    "tspan": {"x", "y", "dominant-baseline"},
    "line": {"x1", "y1", "x2", "y2"},
    "pattern": {"patternUnits", "patternTransform", "width", "height"},
}


def sanitise(page_html: str, *, site_markup: bool = False) -> str:
    """The page's HTML with only the allowed elements, attributes and URL schemes kept.

    ``site_markup``: allow everything the project's templates write (``SITE_TAGS``); by default
    only what the HTML of a page's Markdown may keep (``PAGE_TAGS``).
    """
    return nh3.clean(
        page_html,
        tags=set(SITE_TAGS if site_markup else PAGE_TAGS),
        attributes=SITE_ATTRIBUTES if site_markup else PAGE_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=SITE_URL_SCHEMES,
        filter_style_properties=SITE_STYLE_PROPERTIES | ({"min-width"} if site_markup else set()),
        link_rel=None,
        strip_comments=True,
    )


def plain_text(text: str, *, entities_encoded: bool = False) -> Markup:
    """``text`` with the characters that would open markup or end an attribute escaped.

    ``entities_encoded``: the text already writes ``&`` as ``&amp;`` (a title MkDocs took from a
    heading), so ``&`` is left alone. Apostrophes stay as they are: the theme quotes attributes
    with ``"``, and "site's" must still read (and be found by search) as typed.
    """
    escaped = str(text) if entities_encoded else str(text).replace("&", "&amp;")
    return Markup(escaped.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def is_script_url(url: str) -> bool:
    """True for a URL a browser would run or render as a document, however it is spelled."""
    if ":" not in url and "&" not in url:
        return False  # every such scheme ends in a colon, written as such or as an entity
    decoded = html.unescape(url)
    decoded = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", decoded)  # Markdown backslash escapes
    compact = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200d\u2060\ufeff]", "", decoded).lower()
    return compact.startswith(SCRIPT_SCHEMES)


def page_policy_problems(
    docs_dir: Path, root: Path, front_matter: dict[str, YamlDocument] | None = None
) -> list[Problem]:
    """Every breach of the contributor policy in every page under ``docs_dir``.

    ``front_matter``: pages whose front matter the caller has parsed already in this load (the
    article pages, whose front matter holds all their data), by path, so it is not parsed again.
    """
    problems = []
    for page in sorted(page for page in docs_dir.rglob("*.md") if not is_generated(page, docs_dir)):
        text, _unreadable = read_text(page, root)  # an unreadable page is reported by the content check
        if text is None:
            continue
        is_article = page.parent.name == "articles" and page.name != "index.md"
        path = relative_path(page, root)
        problems += _page_problems(text, path, is_article, (front_matter or {}).get(path))
    return problems


def _page_problems(text: str, path: str, is_article: bool, parsed: YamlDocument | None = None) -> list[Problem]:
    header, body, offset = split_front_matter(text)
    problems = []
    if header is not None:
        problems += _front_matter_problems(header, path, offset, is_article, parsed)
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return problems + _body_problems(body, path, body_line)


def _front_matter_problems(
    header: str, path: str, offset: int, is_article: bool, parsed: YamlDocument | None = None
) -> list[Problem]:
    document = parsed if parsed is not None else load_yaml(header, path, line_offset=offset)[0]
    if document is None or not isinstance(document.data, dict):
        return []  # reported by the front-matter loaders
    problems = []
    # Article pages' keys are checked by their schema; a non-text title by page_checks.py.
    for key, value in document.data.items():
        if key not in PAGE_KEYS and not is_article:
            problems.append(
                document.problem(
                    (key,),
                    f"front matter takes only {', '.join(PAGE_KEYS)}: "
                    f"remove {str(key)!r} (the theme would print it unescaped)",
                )
            )
        elif key in PAGE_KEYS and isinstance(value, str):
            if match := MARKUP_CHARACTERS.search(value):
                problems.append(
                    document.problem(
                        (key,),
                        f"is plain text: remove {match.group(0)!r} (no markup, entities, quotes or control characters)",
                    )
                )
    return problems


# Markdown constructs the HTML scan must not misread, replaced by spaces (line breaks kept).
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
BACKTICKS = re.compile(r"`+")
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
EMAIL_AUTOLINK = re.compile(r"<[^\s<>@]+@[^\s<>]+>")
LINK_TARGET = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]+)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
ATTRIBUTE_LIST = re.compile(
    r"\{:?[ \t]*((?:[.#][\w-]+|[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))"
    r"(?:[ \t]+(?:[.#][\w-]+|[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+)))*)[ \t]*\}"
)
ATTRIBUTE = re.compile(r"([\w:-]+)=(\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+)")
SNIPPET = re.compile(r"^[ \t]*;?-{1,}8<-{1,}", re.MULTILINE)


def _blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda match: blanked(match.group(0)), text)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each inline code span, in linear time: as CommonMark pairs them, a run of
    backticks opens a span that the next run of the same length closes; a run with no such
    partner is literal text. (A backtracking pattern took minutes on one long line of backticks.)"""
    runs = [(match.start(), match.end()) for match in BACKTICKS.finditer(text)]
    partner: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        partner[index] = later.get(length)
        later[length] = index
    spans, index = [], 0
    while index < len(runs):
        closing = partner[index]
        if closing is None:
            index += 1
        else:
            spans.append((runs[index][0], runs[closing][1]))
            index = closing + 1
    return spans


def _blank_code_spans(text: str) -> str:
    pieces, last = [], 0
    for start, end in code_spans(text):
        pieces += [text[last:start], blanked(text[start:end])]
        last = end
    return "".join(pieces) + text[last:]


def _body_problems(body: str, path: str, first_line: int) -> list[Problem]:
    def at(position: int, field: str, message: str) -> Problem:
        line = body.count("\n", 0, position)
        column = position - (body.rfind("\n", 0, position) + 1)
        return Problem(path, first_line + line, column + 1, field, message)

    problems = []
    text = _blank(_blank_code_spans(_blank(body, FENCE)), COMMENT)
    for match in SNIPPET.finditer(text):
        problems.append(
            at(
                match.start(),
                "(snippet)",
                "snippet includes are not allowed: they pull in files the checks do not read; write the text here",
            )
        )
    for pattern, field in ((AUTOLINK, "(link)"), (LINK_TARGET, "(link)"), (REFERENCE_DEFINITION, "(link)")):
        for match in pattern.finditer(text):
            if is_script_url(match.group(1).strip("<>")):
                problems.append(at(match.start(1), field, _script_url_message(match.group(1))))
    for match in ATTRIBUTE_LIST.finditer(text):
        for shorthand in re.finditer(r"(?:^|[ \t])#([\w-]+)", match.group(1)):
            position = match.start(1) + shorthand.start(1)
            problems += _id_problems(shorthand.group(1), lambda field, message: at(position, field, message), "{#…}")
        for attribute in ATTRIBUTE.finditer(match.group(1)):
            name, value = attribute.group(1).lower(), attribute.group(2).strip("\"'")
            position = match.start(1) + attribute.start()
            problems += _attribute_problems(
                name, value, lambda field, message: at(position, field, message), "{…}", element_allowed=True
            )
    text = _blank(_blank(text, AUTOLINK), EMAIL_AUTOLINK)
    scanner = _TagScanner(
        lambda line, column, field, message: Problem(path, first_line + line - 1, column + 1, field, message)
    )
    scanner.feed(text)
    scanner.close()
    return problems + scanner.problems


def _shortened(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _script_url_message(url: str) -> str:
    return (
        f"{_shortened(url)!r} is a javascript:, vbscript: or data: URL; "
        "links go to web pages (https://…) or other pages of this site"
    )


def _id_problems(value: str, problem, field: str) -> list[Problem]:
    if CONTRIBUTED_ID.fullmatch(value):
        return []
    return [
        problem(
            field,
            f"id {_shortened(value)!r} is not allowed: use lower-case letters, digits and hyphens "
            "(ids beginning with __ are the theme's own)",
        )
    ]


def _attribute_problems(name: str, value: str | None, problem, element: str, element_allowed: bool) -> list[Problem]:
    """An attribute's problems; on an element that is itself refused, only the dangerous ones."""
    field = f"{element}[{name}]"
    if name in ("id", "name") and value is not None and element_allowed:
        found = _id_problems(value, problem, field)
        if found:
            return found
    if name.startswith("on"):
        return [problem(field, f"attribute {name!r} is an event handler: it would run a script")]
    if value is not None and is_script_url(value):
        return [problem(field, _script_url_message(value))]
    if element_allowed and name not in CONTRIBUTOR_ATTRIBUTES:
        allowed = ", ".join(sorted(CONTRIBUTOR_ATTRIBUTES))
        return [problem(field, f"attribute {name!r} is not allowed; allowed: {allowed}")]
    return []


class _TagScanner(HTMLParser):
    """Finds raw HTML tags in Markdown text (code and comments already blanked out)."""

    def __init__(self, make_problem):
        super().__init__(convert_charrefs=True)
        self.make_problem = make_problem
        self.problems: list[Problem] = []

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()

        def problem(field, message):
            return self.make_problem(line, column, field, message)

        allowed = tag in CONTRIBUTOR_TAGS
        if not allowed:
            self.problems.append(
                problem(
                    f"<{tag}>",
                    f"raw HTML <{tag}> is not allowed in pages; use Markdown, "
                    f"or one of: {', '.join(sorted(CONTRIBUTOR_TAGS))}",
                )
            )
        for name, value in attrs:
            self.problems += _attribute_problems(name, value, problem, f"<{tag}>", allowed)

    handle_startendtag = handle_starttag
