"""The NLP layer: spaCy components (registered as factories) and the pipeline that runs them."""

from __future__ import annotations

from .pipeline import COMPONENTS, DEFAULT_MODELS, Annotator, load_nlp, resolve_model_name

__all__ = ["COMPONENTS", "DEFAULT_MODELS", "Annotator", "load_nlp", "resolve_model_name"]
