"""The database refuses a second article with the same content or canonical URL."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from meetings.models import Article


@pytest.mark.django_db
def test_two_articles_cannot_share_a_content_hash() -> None:
    Article.objects.create(content_hash="a" * 64, body="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(content_hash="a" * 64, body="y")


@pytest.mark.django_db
def test_two_articles_cannot_share_a_canonical_url_but_many_may_have_none() -> None:
    Article.objects.create(content_hash="b" * 64, canonical_url="https://lana.ly/news/1")
    Article.objects.create(content_hash="c" * 64, canonical_url=None)
    Article.objects.create(content_hash="d" * 64, canonical_url=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(content_hash="e" * 64, canonical_url="https://lana.ly/news/1")
