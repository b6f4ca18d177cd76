"""Information disclosure (政务公开): one module per part of the pillar."""

from .catalogue import CatalogueEvent, CatalogueItem, CatalogueItemVersion, CatalogueMaterial
from .search import SearchEntry

__all__ = [
    "CatalogueEvent",
    "CatalogueItem",
    "CatalogueItemVersion",
    "CatalogueMaterial",
    "SearchEntry",
]
