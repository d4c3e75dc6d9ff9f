"""Actors in the text: the ``newsgraph_actors`` component (:mod:`.tagger`) resolves the names of
a Doc through the knowledge base of :mod:`newsgraph.actors`; :mod:`.mentions` finds the resolved
mention that holds a token."""
