"""Materiel: weapons and platforms named in the text (:mod:`.tagger`), the quantities before them
(:mod:`.quantities`), and the ``newsgraph_materiel_links`` component that ties them to events
(:mod:`.links`)."""
