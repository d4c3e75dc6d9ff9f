"""The web pages' Jinja environment reads a dict's keys directly, with Jinja's own answers."""

from __future__ import annotations

from newsgraph.web.views import templates


def test_dict_keys_and_methods_read_as_in_jinja() -> None:
    env = templates.env
    row = {"type": "ASSAULT", "items": 3}
    assert env.from_string("{{ row.type }}").render(row=row) == "ASSAULT"
    # a key that is also a dict method gives the method, as Jinja does
    assert env.from_string("{{ row.items is callable }}").render(row=row) == "True"
    assert env.from_string("{{ row.missing is undefined }}").render(row=row) == "True"

    class Thing:
        type = "object attribute"

    assert env.from_string("{{ thing.type }}").render(thing=Thing()) == "object attribute"
