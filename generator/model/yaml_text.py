"""YAML text in and out, safely, with libyaml's parser and emitter when PyYAML has them
(they read and write the same text as the pure-Python ones, several times faster)."""

from __future__ import annotations

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_yaml(data: object, *, sort_keys: bool, width: int) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=sort_keys, width=width)


def load_yaml_text(text: str) -> object:
    """Only plain data: tags that would construct objects are refused (yaml.YAMLError)."""
    return yaml.load(text, Loader=_LOADER)
