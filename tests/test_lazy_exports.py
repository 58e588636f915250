"""The lazy exports of `ca_connect` and `ca_connect.deals` (one helper, `lazy_exports`):
importing either package loads no other module of the project and no third-party
package; a name is imported from its module when first asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import ca_connect
import ca_connect.deals

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_packages_loads_nothing_else_of_the_project() -> None:
    probe = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import ca_connect, ca_connect.deals\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    added = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, check=True
    ).stdout.split()
    assert [name for name in added if name.startswith("ca_connect")] == [
        "ca_connect",
        "ca_connect.deals",
    ]
    third_party = ("pydantic", "yaml", "rich", "click", "dateparser")
    assert [name for name in added if name.split(".")[0] in third_party] == []


@pytest.mark.parametrize("package", [ca_connect, ca_connect.deals], ids=lambda p: p.__name__)
def test_every_exported_name_is_found_and_listed(package: object) -> None:
    names = package.__all__  # type: ignore[attr-defined]
    assert dir(package) == names == sorted(names)
    for name in names:
        assert getattr(package, name) is not None, name


@pytest.mark.parametrize("package", [ca_connect, ca_connect.deals], ids=lambda p: p.__name__)
def test_an_unknown_name_is_an_attribute_error_naming_the_package(package: object) -> None:
    name = package.__name__  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match=rf"^module '{name}' has no attribute 'nothing'$"):
        package.nothing  # type: ignore[attr-defined]  # noqa: B018


def test_a_name_is_its_modules_and_a_submodule_is_still_imported_by_name() -> None:
    from ca_connect import corpus
    from ca_connect.deals import rows

    assert ca_connect.open_corpus is corpus.open_corpus
    assert rows.__name__ == "ca_connect.deals.rows"
    assert ca_connect.deals.status_as_of is rows.status_as_of
