"""The maintainers' commands' cores: add, check, duplicates, candidates, entities, init.

Empty on purpose: the store imports `maintain.packaged` (the shipped dictionary) and
`maintain.check` imports the store, so this package re-exports nothing.
"""
