import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def settle() -> None:
    """Import every view now and take what startup allocated out of the cyclic collector's walk.
    It lives as long as the process; left in, each full collection walks its ~100,000 objects
    (70 ms on this machine, felt as one slow request in twenty on the dashboard)."""
    get_resolver().url_patterns  # noqa: B018 - loading the URLconf imports the views
    gc.collect()
    gc.freeze()


application = get_wsgi_application()
settle()
