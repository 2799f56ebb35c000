"""What CI and the Pages workflow run: the README's test command, before anything ships."""

import re
import tomllib

from paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _jobs(text: str) -> dict[str, str]:
    """Each job's name and its text (the workflow's jobs are indented by two spaces)."""
    body = text.split("\njobs:\n", 1)[1]
    parts = re.split(r"^  ([\w-]+):\n", body, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_pages_workflow_deploys_only_after_the_tests_pass():
    jobs = _jobs(WORKFLOW.read_text("utf-8"))
    testing = {name for name, text in jobs.items() if re.search(r"run: (bash )?\.ci/run", text)}
    assert testing, "no job runs .ci/run"
    building = next(name for name, text in jobs.items() if "make publish" in text)
    assert re.search(rf"needs: \[?{'|'.join(testing)}", jobs[building])
    assert f"needs: {building}" in jobs["deploy"]
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_make_test_collects_the_plugins_doctests():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"]
    assert "plugins" in config["ini_options"]["testpaths"]
    assert "--doctest-modules" in config["ini_options"]["addopts"]
