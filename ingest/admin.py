from django.contrib import admin

from .models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "language", "canonical", "added_by_curator", "updated_at"]
    list_filter = ["kind", "language", "added_by_curator"]
    search_fields = ["text", "canonical"]
