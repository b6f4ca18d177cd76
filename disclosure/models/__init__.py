"""Information disclosure (政务公开): one module per part of the pillar."""

from .catalogue import CatalogueEvent, CatalogueItem, CatalogueItemVersion, CatalogueMaterial
from .columns import Article, ArticleAttachment, ArticleEvent, Column
from .publication import ArticleRevision, CatalogueItemRevision
from .reporting import InfoReport
from .requests import Consultation, InformationRequest, RequestDocument, RequestEvent

__all__ = [
    "Article",
    "ArticleAttachment",
    "ArticleEvent",
    "ArticleRevision",
    "CatalogueEvent",
    "CatalogueItem",
    "CatalogueItemRevision",
    "CatalogueItemVersion",
    "CatalogueMaterial",
    "Column",
    "Consultation",
    "InfoReport",
    "InformationRequest",
    "RequestDocument",
    "RequestEvent",
]
