"""YAML with its node tree: the values, and where each one sits, from one parse.

Config and front matter errors name a line, and front matter findings point at a value, so both
need PyYAML's nodes as well as the data. Composing the nodes and then calling `safe_load` scanned
and parsed the text twice; building the data from the composed nodes does it once.
"""
from __future__ import annotations

import copy
from typing import Any

from .compiled import stored_re_patterns

with stored_re_patterns():   # PyYAML compiles its patterns at import: keep them between runs
    import yaml

_MERGE = "tag:yaml.org,2002:merge"


def _has_merge(node: yaml.Node) -> bool:
    """Does the tree hold a `<<` merge key (whose construction rewrites mapping nodes in place)?"""
    stack = [node]
    seen: set[int] = set()
    while stack:
        n = stack.pop()
        if id(n) in seen:          # an alias repeats a node already looked at
            continue
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                if k.tag == _MERGE:
                    return True
                stack.append(k)
                stack.append(v)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return False


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """(the data as yaml.safe_load gives it, the composed node tree or None for an empty document).

    Raises yaml.YAMLError as yaml.safe_load does."""
    from .yamlfast import SafeLoader     # libyaml's parser when PyYAML has it
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        # constructing a merge key flattens the mapping node; keep the tree callers see as written
        data = loader.construct_document(copy.deepcopy(node) if _has_merge(node) else node)
    finally:
        loader.dispose()
    return data, node
