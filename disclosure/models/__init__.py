"""Information disclosure (政务公开): one module per part of the pillar."""

from .catalogue import CatalogueEvent, CatalogueItem, CatalogueItemVersion, CatalogueMaterial
from .columns import Article, ArticleAttachment, ArticleEvent, Column
from .reporting import InfoReport
from .requests import Consultation, InformationRequest, RequestDocument, RequestEvent
from .search import SearchEntry

__all__ = [
    "Article",
    "ArticleAttachment",
    "ArticleEvent",
    "CatalogueEvent",
    "CatalogueItem",
    "CatalogueItemVersion",
    "CatalogueMaterial",
    "Column",
    "Consultation",
    "InfoReport",
    "InformationRequest",
    "RequestDocument",
    "RequestEvent",
    "SearchEntry",
]
