"""``content/raw/`` is read as data only, and one bad entry costs that entry only.

Each test is a case a careless or hostile user produced on a clean clone: links
out of the project, folders and dangling links named like pages, a page whose
name would put its posts outside ``content/posts/``, a post saved as GBK.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from newsprint.posts.importer import import_pages
from paths import SAMPLES

PAGE = "001_8b2535a65f0a025d.txt"  # five articles


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with one sample page in ``content/raw/``."""
    raw = tmp_path / "content" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(SAMPLES / PAGE, raw / PAGE)
    return tmp_path


def _import(project: Path):
    content = project / "content"
    return import_pages(content / "raw", content / "posts", root=project)


def _posts(project: Path) -> list[Path]:
    return sorted((project / "content" / "posts").rglob("*.md"))


def test_a_link_to_a_file_outside_the_project_is_refused_with_a_message(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    outside.write_bytes((SAMPLES / PAGE).read_bytes())  # Chinese text: it would import
    (project / "content" / "raw" / "l02.txt").symlink_to(outside)
    report = _import(project)
    assert any(e.startswith("l02.txt: symbolic link to") and "outside" in e for e in report.errors)
    assert not (project / "content" / "posts" / "l02").exists()
    assert len(_posts(project)) == 5


def test_a_link_inside_the_project_is_followed(project):
    keep = project / "archive" / "kept.txt"
    keep.parent.mkdir()
    keep.write_bytes((SAMPLES / PAGE).read_bytes())
    (project / "content" / "raw" / "linked.txt").symlink_to(keep)
    report = _import(project)
    assert report.errors == []
    assert len(list((project / "content" / "posts" / "linked").glob("*.md"))) == 5


def test_a_dangling_link_and_a_folder_named_like_a_page_cost_only_themselves(project):
    raw = project / "content" / "raw"
    (raw / "dangling.txt").symlink_to(project / "nowhere.txt")
    (raw / "x.txt").mkdir()
    report = _import(project)
    assert any(e.startswith("dangling.txt: dangling symbolic link") for e in report.errors)
    assert any(e.startswith("x.txt: a folder") for e in report.errors)
    assert len(_posts(project)) == 5


def test_html_and_svg_files_are_skipped_and_reported(project):
    raw = project / "content" / "raw"
    (raw / "evil.html").write_text("<script>alert(1)</script>", "utf-8")
    (raw / "logo.svg").write_text("<svg onload='alert(1)'/>", "utf-8")
    report = _import(project)
    assert [s.split(":")[0] for s in report.skipped] == ["evil.html", "logo.svg"]
    assert len(_posts(project)) == 5


@pytest.mark.parametrize("name", ["...txt", "..txt", ".hidden.txt"])
def test_posts_of_a_page_with_a_dotted_name_stay_under_the_posts_folder(project, name):
    raw = project / "content" / "raw"
    (raw / PAGE).rename(raw / name)
    report = _import(project)
    posts = (project / "content" / "posts").resolve()
    assert len(report.written) == 5
    for rel in report.written:
        path = (posts / rel).resolve()
        assert path.is_relative_to(posts) and path.parent != posts and path.is_file()
        assert not path.parent.name.startswith(".")
    assert not list((project / "content").glob("*.md"))


def test_posts_are_never_written_through_a_link_out_of_the_posts_folder(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    posts = project / "content" / "posts"
    posts.mkdir()
    (posts / PAGE.removesuffix(".txt")).symlink_to(outside, target_is_directory=True)
    report = _import(project)
    assert list(outside.iterdir()) == []
    assert any("outside the posts folder" in e for e in report.errors)


@pytest.mark.parametrize("locked", [True, False])
def test_a_post_saved_as_gbk_does_not_stop_the_import(project, locked):
    first = _import(project)
    post = project / "content" / "posts" / first.written[0]
    text = post.read_text("utf-8").replace("Locked: false", f"Locked: {str(locked).lower()}")
    post.write_bytes(text.encode("gb18030"))
    raw = project / "content" / "raw" / PAGE
    raw.write_bytes(raw.read_bytes() + "\n\n新增的一段文字。\n".encode())
    report = _import(project)
    if locked:
        assert post.read_bytes() == text.encode("gb18030")  # the editor's file, untouched
        assert any(e.startswith(first.written[0]) and "UTF-8" in e for e in report.errors)
    else:
        assert post.read_text("utf-8")  # rewritten by the importer, readable again
    assert len(_posts(project)) == 5


def test_a_sidecar_without_its_page_is_reported_and_one_with_it_is_not(project):
    from newsprint.posts.rawfiles import scan_raw

    raw = project / "content" / "raw"
    (raw / PAGE.replace(".txt", ".meta.toml")).write_text('paper = "巴南日报"\n', "utf-8")
    (raw / "gone.meta.json").write_text("{}", "utf-8")
    (raw / "sub").mkdir()
    (raw / "sub" / "3.meta.toml").write_text('paper = "巴南日报"\n', "utf-8")
    (raw / "sub" / "3.txt").write_bytes((SAMPLES / PAGE).read_bytes())
    scan = scan_raw(raw, project)
    assert sorted(scan.sidecars) == [PAGE, "sub/3.txt"]
    assert [s.split(":")[0] for s in scan.skipped] == ["gone.meta.json"]
    assert "gone.txt" in scan.skipped[0]
