"""Copies of Material templates in overrides/ differ from the installed Material only by our documented
edits. When Material is upgraded and changes one of them, this fails: carry the upstream change over."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from tests.helpers import REPO

UPSTREAM = Path(material.__file__).parent / "templates"
OURS = REPO / "overrides"

# file -> [(upstream text, our text)]: every edit, nothing else may differ.
EDITS = {
    "base.html": [
        ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
        ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
        # The home page's own layout from the article's first byte (no `:has()` waiting for content that
        # arrives later in the stream: a layout shift on a slow phone).
        ('<article class="md-content__inner md-typeset">',
         '<article class="md-content__inner md-typeset{% if page and page.is_homepage %} kb-page-home{% endif %}">'),
    ],
    "partials/header.html": [
        # The palette script (it shows the colour toggle) after the search button: see the file's comment.
        ('    {% if not config.theme.palette is mapping %}\n      {% include "partials/javascripts/palette.html" %}\n'
         '    {% endif %}\n', ''),
        ('        {% include "partials/search.html" %}\n      {% endif %}\n    {% endif %}\n',
         '        {% include "partials/search.html" %}\n      {% endif %}\n    {% endif %}\n'
         '    {% if not config.theme.palette is mapping %}\n      {% include "partials/javascripts/palette.html" %}\n'
         '    {% endif %}\n'),
    ],
    "partials/toc.html": [
        ('<label class="md-nav__title" for="__toc">',
         # the "__toc" toggle exists only for a page that is a leaf of the navigation (not a section's index)
         '<label class="md-nav__title"{% if page in nav.pages and not (page.is_index and page.parent and '
         '(page.parent.children | first) == page) %} for="__toc"{% endif %}>'),
    ],
    "partials/nav-item.html": [
        ('id="__toc">', 'id="__toc" aria-label="{{ lang.t(\'toc\') }}">'),
        # An empty tabindex="" (a nested section, e.g. Actueel's archive) is invalid HTML: leave it out.
        ('<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
         '<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>'),
        ('<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
         '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>'),
    ],
    "partials/palette.html": [
        ('<form class="md-header__option" data-md-component="palette">', '<div class="md-header__option" data-kb-palette>'),
        ("</form>", "</div>"),
    ],
    "partials/logo.html": [('alt="logo">', 'alt="logo" width="24" height="24">')],
    "partials/search.html": [
        ('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
        ('        <button type="reset"',
         '        {#- kennisbank: a submit button (WCAG technique H32; kennisbank.js opens the first result). -#}\n'
         '        <button type="submit" class="md-search__icon md-icon" title="{{ lang.t(\'search\') }}" '
         'aria-label="{{ lang.t(\'search\') }}" tabindex="-1">\n'
         '          {% include ".icons/material/arrow-right.svg" %}\n'
         '        </button>\n'
         '        <button type="reset"'),
    ],
}

# file -> SHA-256 of the upstream file that ours replaces as a whole: when Material changes it, look at
# what changed and carry it over (partials/javascripts/palette.html: Material's before-paint palette
# script; ours also picks the scheme by media query and defines __kb_palette for kennisbank.js).
REPLACED = {
    "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
}

LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_override_is_upstream_plus_our_edits(name):
    upstream = LEADING_COMMENT.sub("", (UPSTREAM / name).read_text(encoding="utf-8"))
    for old, new in EDITS[name]:
        assert upstream.count(old) == 1, f"Material's {name} changed near: {old}"
        upstream = upstream.replace(old, new)
    ours = LEADING_COMMENT.sub("", (OURS / name).read_text(encoding="utf-8"))
    assert ours == upstream


@pytest.mark.parametrize("name", sorted(REPLACED))
def test_replaced_upstream_file_is_the_one_we_replaced(name):
    digest = hashlib.sha256((UPSTREAM / name).read_bytes()).hexdigest()
    assert digest == REPLACED[name], f"Material's {name} changed: carry the change over to overrides/{name}"
    assert (OURS / name).exists()
