"""The dictionary travels with the tool: packaged, used as a fallback, copied by `init`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect import packaged
from ca_connect.cli import cli
from ca_connect.dictionary import load_dictionary

from .conftest import PROJECT, SEEDS

STORY = "Uzbektelecom and Kyrgyztelecom agreed to lay a fibre-optic line to Osh.\n"


def test_the_packaged_dictionary_is_the_repository_dictionary() -> None:
    assert (
        packaged.PACKAGED_DICTIONARY.read_bytes() == (PROJECT / "data/entities.yaml").read_bytes()
    )


def test_init_creates_articles_and_a_copy_of_the_dictionary(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    result = CliRunner().invoke(cli, ["init", str(folder)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"Created {folder}/articles/\nCreated {folder}/entities.yaml\n"
    assert (folder / "entities.yaml").read_bytes() == packaged.PACKAGED_DICTIONARY.read_bytes()
    again = CliRunner().invoke(cli, ["init", str(folder)])
    assert again.stdout == f"{folder} already has articles/ and entities.yaml: nothing to do\n"


def test_init_keeps_an_existing_dictionary(tmp_path: Path) -> None:
    (tmp_path / "entities.yaml").write_text("countries: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.stdout == f"Created {tmp_path}/articles/\n"
    assert (tmp_path / "entities.yaml").read_text(encoding="utf-8") == "countries: []\n"


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "notes")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path}/notes is a file, not a folder\n"


def test_a_folder_without_a_dictionary_uses_the_packaged_one_and_says_so_once(
    tmp_path: Path,
) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").write_text(STORY, encoding="utf-8")
    packaged._announced.discard(tmp_path)
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "--no-index", "articles"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"Note: {tmp_path} has no entities.yaml; using the dictionary shipped with "
        f"caconnect ({packaged.PACKAGED_DICTIONARY})\n"
    )
    assert "story" in result.stdout


def test_a_cached_dictionary_is_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # How fast that is belongs to the benchmark, not to a timed unit test.
    from ca_connect import dictionary

    monkeypatch.setenv("CACONNECT_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "entities.yaml"  # a text of its own: not parsed yet in this process
    text = (PROJECT / "data" / "entities.yaml").read_text(encoding="utf-8")
    path.write_text(f"{text}\n# a copy in {tmp_path}\n", encoding="utf-8")
    first = load_dictionary(path)
    assert list((tmp_path / "cache" / "dictionaries").glob("*.pickle"))
    monkeypatch.setattr(dictionary, "_PARSED", {})  # as in a new process
    monkeypatch.setattr(dictionary, "_parse", None)  # a parse now would fail: the cache answers
    again = load_dictionary(path)
    assert again == first and again is not first


def test_an_edited_dictionary_is_parsed_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CACONNECT_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "entities.yaml"
    path.write_text("organizations:\n  - {id: one, name: One Corp, kind: company}\n", "utf-8")
    assert [o.name for o in load_dictionary(path).organizations] == ["One Corp"]
    path.write_text("organizations:\n  - {id: one, name: Two Corp, kind: company}\n", "utf-8")
    assert [o.name for o in load_dictionary(path).organizations] == ["Two Corp"]


@pytest.mark.slow
def test_an_installed_wheel_runs_outside_the_repository(tmp_path: Path) -> None:
    """Build the wheel, install it (not editable) into a new venv, run it elsewhere."""
    # Without PYTHONPATH: a checkout on it (`PYTHONPATH=. pytest`) makes pip see caconnect
    # as installed already, and the venv would get no `caconnect` script.
    clean = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(PROJECT), "--no-deps", "-q", "-w", str(wheels)],
        check=True,
        capture_output=True,
        env=clean,
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=clean)
    python = venv / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", *map(str, wheels.glob("*.whl"))],
        check=True,
        capture_output=True,
        env=clean,
    )
    # The dependencies come from this interpreter's site-packages (a plain path, so its
    # editable caconnect is not seen); the wheel's caconnect comes first.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**clean, "CACONNECT_CACHE": str(tmp_path / "cache")}
    env.pop("CACONNECT_DATA", None)
    caconnect = venv / "bin" / "caconnect"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [caconnect, *args], cwd=work, env=env, capture_output=True, text=True, check=False
        )

    shutil.copytree(SEEDS, work / "bare" / "articles")
    bare = run("--data", "bare", "timeline", "--articles", "--country", "TM")
    assert bare.returncode == 0, bare.stderr
    assert bare.stderr.count("has no entities.yaml") == 1
    assert "site-packages" in bare.stderr
    assert "000_31d352362439dc2f" in bare.stdout

    started = run("init", "mine")
    assert started.returncode == 0, started.stderr
    (work / "mine" / "articles" / "story.txt").write_text(STORY, encoding="utf-8")
    tagged = run("--data", "mine", "export", "--format", "jsonl")
    assert tagged.returncode == 0, tagged.stderr
    assert tagged.stderr == ""
    assert '"id": "uzbektelecom"' in tagged.stdout
