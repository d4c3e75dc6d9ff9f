"""What the two front ends over HTTP share, below both: the request's store and query parameters
parsed into library queries (:mod:`.deps`), and the JSON item of an event (:mod:`.items`).

``newsgraph.api`` (the REST API) and ``newsgraph.web`` (the pages) import from here, never from
each other; :mod:`newsgraph.app` assembles them into one application.
"""
