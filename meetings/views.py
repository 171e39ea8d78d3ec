"""Views are glue: read the request, call a selector, render."""
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "meetings/home.html", {"meetings": selectors.latest_meetings(limit=50)})
