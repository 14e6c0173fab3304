"""The GitHub files cannot run here: check what can be checked. They parse against the official
(vendored) schemas, every command they call exists, and the issue forms mirror the data schemas."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.core.catalog import load_catalog
from tests.helpers import DATA, REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def _check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(exe), "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True)


def test_there_are_workflows_for_tests_and_deploy_and_three_issue_forms():
    assert {p.stem for p in WORKFLOWS} == {"test", "deploy"}
    assert {p.stem for p in FORMS} == {"nieuw-voorbeeld", "nieuw-evenement", "correctie"}
    assert (GITHUB / "pull_request_template.md").exists()


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.github-issue-forms", FORMS),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
])
def test_github_files_are_valid_against_their_schemas(schema, files):
    proc = _check_jsonschema(schema, files)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_command_the_workflows_run_exists():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    for wf in WORKFLOWS:
        doc = yaml.safe_load(wf.read_text(encoding="utf-8"))
        for job in doc["jobs"].values():
            for step in job.get("steps", []):
                for target in re.findall(r"(?:^|&&|;)\s*make ([a-z][a-z-]*)", step.get("run", ""), re.M):
                    assert target in targets, (wf.name, target)
                for script in re.findall(r"bash (\S+)", step.get("run", "")):
                    assert (REPO / script).is_file(), (wf.name, script)
    schedule = yaml.safe_load((GITHUB / "workflows" / "deploy.yml").read_text())[True]["schedule"]  # 'on' is YAML true
    assert schedule and schedule[0]["cron"]


@pytest.mark.parametrize(("form", "schema"), [("nieuw-voorbeeld", "goed-voorbeeld"), ("nieuw-evenement", "evenement")])
def test_issue_forms_ask_for_every_required_field_of_the_schema(form, schema):
    fields = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / f"{form}.yml").read_text(encoding="utf-8"))["body"]
    ids = {f["id"] for f in fields if "id" in f}
    spec = json.loads((DATA / "schemas" / f"{schema}.schema.json").read_text(encoding="utf-8"))
    assert ids <= set(spec["properties"]), ids - set(spec["properties"])
    assert set(spec["required"]) <= ids
    required = {f["id"] for f in fields if f.get("validations", {}).get("required")}
    assert set(spec["required"]) <= required


def test_practice_form_offers_exactly_the_themes_of_the_data():
    fields = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "nieuw-voorbeeld.yml").read_text(encoding="utf-8"))["body"]
    options = next(f for f in fields if f.get("id") == "themas")["attributes"]["options"]
    names = [t.naam for p in load_catalog(DATA).pillars for t in p.themes]
    assert [o for o in options if not o.startswith("Anders")] == names
