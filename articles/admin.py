"""Article admin: write, preview, schedule and publish; authors and topics.

Texts are edited in both languages, Bokmål first (shop/core/admin_languages.py).
"""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article, ArticleProduct, ArticleRedirect, Author, Topic
from shop.core.admin_languages import BilingualAdmin, filled_in_any_language


@admin.register(Author)
class AuthorAdmin(BilingualAdmin):
    list_display = ("name", "role", "is_organisation")
    search_fields = ("name", "role")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "role", "bio", "is_organisation", "photo")


@admin.register(Topic)
class TopicAdmin(BilingualAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class ArticleProductInline(admin.TabularInline):
    model = ArticleProduct
    fields = ("product", "position")
    autocomplete_fields = ("product",)
    extra = 0
    verbose_name = "product in this guide"
    verbose_name_plural = "Products in this guide (shown under it, by position)"


class ArticleRedirectInline(admin.TabularInline):
    model = ArticleRedirect
    fields = ("old_slug", "created_at")
    readonly_fields = ("created_at",)
    extra = 0
    verbose_name = "old address"
    verbose_name_plural = "Old addresses (they redirect here)"


@admin.register(Article)
class ArticleAdmin(BilingualAdmin):
    list_display = (
        "title",
        "state",
        "published_at",
        "reviewed_at",
        "author",
        "updated_at",
        "preview_link",
    )
    list_filter = ("status", "is_featured", "topics", "author")
    search_fields = ("title", "summary", "body", "slug")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("author", "reviewer")
    filter_horizontal = ("topics",)
    readonly_fields = ("preview_link", "updated_at")
    inlines = [ArticleProductInline, ArticleRedirectInline]
    actions = ["publish_now", "mark_reviewed_today"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Picture", {"fields": ["hero_image", "hero_alt"]}),
        ("People and topics", {"fields": ["author", "reviewer", "topics"]}),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "reviewed_at",
                    "is_featured",
                    "show_disclaimer",
                    "preview_link",
                    "updated_at",
                ],
                "description": "A draft is seen only in the preview. Published "
                "with a future time, the article goes live at that time.",
            },
        ),
        (
            "Search engines and link previews",
            {"fields": ["meta_title", "meta_description"]},
        ),
    ]

    @admin.display(description="state", ordering="status")
    def state(self, article):
        if article.is_live:
            return "Live"
        if article.status == Article.Status.PUBLISHED:
            return "Scheduled"
        return "Draft"

    @admin.display(description="preview")
    def preview_link(self, article):
        if not article.pk:
            return "Save the article to preview it."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Preview</a>',
            article.get_preview_url(),
        )

    def view_on_site(self, article):
        """Live articles open at their address; others in the preview."""
        if article.is_live:
            return article.get_absolute_url()
        return article.get_preview_url()

    @admin.action(description="Publish selected articles now")
    def publish_now(self, request, queryset):
        count = 0
        for article in queryset.filter(filled_in_any_language("body")):
            if not article.is_live:
                article.status = Article.Status.PUBLISHED
                article.published_at = timezone.now()
                article.save()
                count += 1
        self.message_user(request, f"{count} article(s) published.", messages.SUCCESS)

    @admin.action(description="Mark selected articles as reviewed today")
    def mark_reviewed_today(self, request, queryset):
        count = 0
        for article in queryset:
            article.reviewed_at = timezone.now()
            article.save(update_fields=["reviewed_at", "updated_at"])
            count += 1
        self.message_user(
            request, f"{count} article(s) marked as reviewed.", messages.SUCCESS
        )
