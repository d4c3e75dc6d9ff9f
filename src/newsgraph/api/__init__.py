"""The REST API: routers under ``/api`` and ``/feeds`` and its error handlers, over a store.

Needs the ``api`` extra (``pip install 'newsgraph[api]'``). The application that serves it with
the web UI is assembled in :mod:`newsgraph.app` (``newsgraph serve``, imported lazily).
"""
