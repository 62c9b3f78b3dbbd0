"""The benchmark (`python -m bench`): prints build, page, browser, load and memory figures; asserts nothing."""
