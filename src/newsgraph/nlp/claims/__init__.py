"""Who says so and how sure: reported statements (:mod:`.attribution`, cue words in
:mod:`.cues`), the chain of sources (:mod:`.sources`), certainty and status
(:mod:`.certainty`), and the ``newsgraph_claims`` component that gives every event its chain,
certainty, status and negation (:mod:`.tagger`)."""
