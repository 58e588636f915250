"""The maintainers' commands' cores: add, check, duplicates, candidates, entities.

Re-exports nothing: each command imports the one module it runs.
"""
