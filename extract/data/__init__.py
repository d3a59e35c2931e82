"""Vocabularies, rewrite tables and patterns kept as data, and the two ways of reading them."""
from __future__ import annotations

from importlib import resources

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses the larger vocabularies ten times faster


def data_text(name: str) -> str:
    """A data file beside this module, as text."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def load_yaml(name: str) -> dict:
    """A YAML vocabulary beside this module."""
    return yaml.load(data_text(name), Loader=_LOADER)
