"""The wheel carries the bundled rules, and the pre-commit hook works from a real repository."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return next(out.glob("deskcheck-*.whl"))


def test_wheel_contains_rules(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    bundled = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*") if p.is_file())
    assert bundled
    for rel in bundled:
        assert f"deskcheck/{rel}" in names, f"{rel} missing from the wheel"
    assert "deskcheck/cli.py" in names


def test_installed_wheel_finds_rules(wheel: Path, tmp_path: Path) -> None:
    # unpack the wheel and import from it alone: the rules must come from inside the package
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from deskcheck.rules import bundled_rules_dir; print(bundled_rules_dir())")
    proc = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).is_relative_to(target)


@pytest.mark.skipif(shutil.which("pre-commit") is None and not (Path(sys.executable).parent / "pre-commit").exists(),
                    reason="pre-commit is not installed")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    # a copy of this checkout as a git repository with one commit, as pre-commit needs
    hook_repo = tmp_path / "hook"
    shutil.copytree(ROOT, hook_repo, ignore=shutil.ignore_patterns(
        ".git", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "build", "dist", "artifacts",
        ".deskcheck-cache", "out", ".ruff_cache"))
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(tmp_path),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PIP_NO_INPUT": "1"}
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "hook"]):
        subprocess.run(cmd, cwd=hook_repo, check=True, env=env, capture_output=True)
    articles = tmp_path / "articles"
    articles.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=articles, check=True, env=env)
    (articles / "clean.md").write_text("The council approved the budget on Tuesday.\n")
    (articles / "draft.txt").write_text("Headline\n\nFares will be TK next year.\n")
    (articles / "page.html").write_text("<article><p>Turnout was XX percent.</p></article>\n")
    (articles / "notes.py").write_text("x = 'TK'\n")
    subprocess.run(["git", "add", "-A"], cwd=articles, check=True, env=env)
    proc = subprocess.run([pre_commit, "try-repo", str(hook_repo), "deskcheck", "--all-files"],
                          cwd=articles, capture_output=True, text=True, env=env, timeout=600)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out        # the placeholders are errors
    assert "draft.txt" in out and "page.html" in out
    assert "notes.py" not in out            # only article types are passed to the hook
