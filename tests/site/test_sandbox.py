"""Pages in docs/ cannot run Python: macros render only on opt-in, in a sandbox with our macros only."""
from __future__ import annotations

import shutil

import pytest
from jinja2 import TemplateError, UndefinedError
from jinja2.sandbox import SecurityError

from macros.adapters.macros_env import PAGE_MACROS
from macros.adapters.sandbox import PageSandbox
from tests.helpers import REPO, build, copy_data

pytestmark = pytest.mark.site

# The red team's page: printed `uid=0(root)` into the built site with an unsandboxed environment.
SSTI = "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('echo KB-PWNED-$((6*7))').read() }}"
PAYLOADS = [
    SSTI,
    "{{ agenda.__globals__ }}",
    "{{ agenda_vooruitblik.__globals__['os'] }}",
    "{{ config }}",
    "{{ page }}",
    "{{ environment }}",
    "{{ range(10) | list }}",
    "{{ lipsum() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ 'x' * 1000000000 }}",
    "{{ '' | attr('__class__') }}",
    "{% include '../../etc/passwd' %}",
    "{% import 'x' as y %}",
]


def _page(front: str, body: str) -> str:
    return f"---\ntitle: Proef\n{front}---\n\n# Proef\n\n{body}\n"


def _site(tmp_path, **pages: str):
    copy_data(tmp_path / "data")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    for name, text in pages.items():
        # agenda/*.md is out of the navigation (not_in_nav), like every record
        (tmp_path / "docs" / "agenda" / f"{name}.md").write_text(text, encoding="utf-8")
    return build(tmp_path, env={"KENNISBANK_TODAY": "2019-05-01"})


def test_a_page_without_opt_in_shows_jinja_as_text_and_runs_nothing(tmp_path):
    result = _site(tmp_path, proef=_page("", SSTI))
    assert result.returncode == 0, result.output
    html = result.html("agenda/proef")
    assert "KB-PWNED-42" not in html and "KB-PWNED-42" not in result.output
    assert "popen(" in html  # left as the text the contributor wrote
    # the pages that opt in still get their macros
    assert "kb-card" in result.html("goede-voorbeelden")


def test_a_page_that_opts_in_cannot_reach_python_and_the_build_fails(tmp_path):
    result = _site(tmp_path, proef=_page("render_macros: true\n", SSTI))
    assert result.returncode != 0
    assert "KB-PWNED-42" not in result.output
    assert not (tmp_path / "site" / "agenda" / "proef" / "index.html").exists() or \
        "KB-PWNED-42" not in result.html("agenda/proef")


def test_mkdocs_yml_renders_macros_only_on_opt_in():
    import yaml
    cfg = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    macros = next(p["macros"] for p in cfg["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["render_by_default"] is False
    for page in REPO.joinpath("docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        front = text.split("---", 2)[1] if text.startswith("---") else ""
        uses_macros = any(f"{name}(" in text for name in PAGE_MACROS)
        assert uses_macros == ("render_macros: true" in front), page


def _sandbox() -> PageSandbox:
    return PageSandbox({name: (lambda *a, _n=name: f"<{_n}>") for name in PAGE_MACROS})


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_sandbox_refuses_everything_but_calling_our_macros(payload):
    env = _sandbox()
    with pytest.raises((SecurityError, UndefinedError, TemplateError, TypeError)):
        env.from_string(payload).render(config={"secret": "KB-SECRET"}, page="KB-PAGE", environment="KB-ENV")


def test_the_sandbox_calls_our_macros_with_literal_arguments():
    out = _sandbox().from_string("A {{ agenda_vooruitblik(3) }} B {{ praktijkbibliotheek() }}").render(config={})
    assert out == "A <agenda_vooruitblik> B <praktijkbibliotheek>"


def test_under_serve_an_error_is_shown_in_the_page_not_raised():
    env = PageSandbox({}, show_errors=True)
    out = env.from_string("{{ bestaat_niet() }}").render()
    assert "Fout in deze pagina" in out and "bestaat_niet" in out
    out = env.from_string("{{ kapot(").render()
    assert "Fout in deze pagina" in out
    out = env.from_string("{{ '<script>' ~ x }}").render()
    assert "<script>" not in out
