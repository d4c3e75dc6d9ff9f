"""Time expressions: found and resolved against the publication date (:mod:`.expressions`,
vocabulary in :mod:`.vocabulary`, periods in :mod:`.periods`), against a date named earlier
(:mod:`.reference`), and the ``newsgraph_times`` component (:mod:`.tagger`)."""
