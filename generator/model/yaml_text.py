"""YAML text in and out, safely, with libyaml's parser and emitter when PyYAML has them
(they read and write the same text as the pure-Python ones, several times faster)."""

from __future__ import annotations

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_yaml(data: object, *, sort_keys: bool, width: int) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=sort_keys, width=width)


class AliasRefused(yaml.YAMLError):
    """YAML written by people never needs anchors and aliases; a few bytes of them can
    expand to gigabytes (an alias bomb)."""


def load_yaml_text(text: str) -> object:
    """Only plain data: tags that would construct objects are refused (yaml.YAMLError),
    and so are aliases (AliasRefused)."""
    if "*" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=_LOADER)):
        line = next((n for n, row in enumerate(text.splitlines(), 1) if "*" in row), 0)
        raise AliasRefused(f"expected plain YAML, found an alias (near line {line}); write the value out instead")
    return yaml.load(text, Loader=_LOADER)
