"""YAML text in and out, safely, with libyaml's parser and emitter when PyYAML has them.

They read and write the same text as the pure-Python ones, several times faster; at
thousands of documents dumping YAML was the generator's largest cost. Plain data
(mappings, lists, strings, numbers, booleans, None) is turned into YAML nodes here
rather than by PyYAML's representer, which costs more than the emitting itself."""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"


def dump_yaml(data: object, *, sort_keys: bool, width: int) -> str:
    try:
        node = _node(data, sort_keys)
    except TypeError:
        return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=sort_keys, width=width)
    return yaml.serialize(node, Dumper=_DUMPER, allow_unicode=True, width=width)


def _node(value: object, sort_keys: bool) -> Node:
    """The node SafeRepresenter would make for `value` (block style, no aliases)."""
    if isinstance(value, str):
        return ScalarNode(_TAG + "str", value)
    if isinstance(value, dict):
        items = sorted(value.items()) if sort_keys else value.items()
        return MappingNode(_TAG + "map", [(_node(key, sort_keys), _node(item, sort_keys)) for key, item in items], flow_style=False)
    if isinstance(value, (list, tuple)):
        return SequenceNode(_TAG + "seq", [_node(item, sort_keys) for item in value], flow_style=False)
    if value is None:
        return ScalarNode(_TAG + "null", "null")
    if isinstance(value, bool):
        return ScalarNode(_TAG + "bool", "true" if value else "false")
    if isinstance(value, int):
        return ScalarNode(_TAG + "int", str(value))
    raise TypeError(f"no plain YAML for {type(value).__name__}")


def load_yaml_text(text: str) -> object:
    """Only plain data: tags that would construct objects are refused (yaml.YAMLError)."""
    return yaml.load(text, Loader=_LOADER)
