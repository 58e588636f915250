"""The `caconnect` command (entry point `ca_connect.cli:cli`)."""

from .read import cli

__all__ = ["cli"]
