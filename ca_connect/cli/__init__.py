"""The `caconnect` command (entry point `ca_connect.cli:cli`): the group, with every command
registered on it by importing the modules that define them."""

from . import deals, evaluate, maintain, read, report  # noqa: F401 (they register the commands)
from .group import cli

__all__ = ["cli"]
