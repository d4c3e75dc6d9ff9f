"""Text-level helpers below every subsystem: paragraph breaks (:mod:`.paragraphs`), the entity
at a token (:mod:`.spans`), and newsgraph's faster equivalents of the model's attribute ruler
(:mod:`.attribute_rules`) and rule lemmatizer (:mod:`.lemmas`)."""
