"""What CI and the Pages workflow run: the README's test command, before anything ships."""

import tomllib

from paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _run_lines(text: str) -> list[str]:
    return [line.split("run:", 1)[1].strip() for line in text.splitlines() if "run:" in line]


def test_pages_workflow_runs_the_tests_before_it_builds_and_deploys():
    runs = _run_lines(WORKFLOW.read_text("utf-8"))
    tests = next(i for i, cmd in enumerate(runs) if cmd in (".ci/run", "make test"))
    build = next(i for i, cmd in enumerate(runs) if cmd.startswith("make publish"))
    assert tests < build
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_make_test_collects_the_plugins_doctests():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"]
    assert "plugins" in config["ini_options"]["testpaths"]
    assert "--doctest-modules" in config["ini_options"]["addopts"]
