"""Public article pages, the staff preview and the Atom feed."""

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from articles.cards import show_body
from articles.models import Article, ArticleProduct, ArticleRedirect, Author, Topic
from shop.core.breadcrumbs import Crumb
from shop.core.languages import find_by_slug
from shop.core.pagination import ForgivingPaginationMixin
from shop.core.site_urls import site_url

RELATED_ARTICLES = 3


def articles_crumb():
    return Crumb(_("Articles"), reverse("articles:list"))


def article_page_queryset():
    """An article with everything its page shows, in a fixed number of queries."""
    product_links = ArticleProduct.objects.filter(
        product__is_public=True
    ).select_related("product", "product__product_class")
    return Article.objects.select_related("author", "reviewer").prefetch_related(
        "topics",
        Prefetch("product_links", queryset=product_links),
        "product_links__product__stockrecords",
        "product_links__product__images",
    )


class PaginatedArticleListView(ForgivingPaginationMixin, ListView):
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.SHOP_ARTICLES_PER_PAGE


class ArticleListView(PaginatedArticleListView):
    template_name = "articles/article_list.html"

    def get_queryset(self):
        return Article.objects.for_cards()


class ArticleGroupView(PaginatedArticleListView):
    """The live articles of one topic or author, newest first."""

    model = None  # Topic or Author, found by slug
    article_field = None  # how an article points to it

    def get(self, request, *args, **kwargs):
        self.group, moved = find_by_slug(self.model.objects.all(), kwargs["slug"])
        if moved:
            return moved
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.for_cards().filter(**{self.article_field: self.group})

    def get_context_data(self, **kwargs):
        name = self.model._meta.model_name
        return super().get_context_data(
            **{name: self.group, "articles_crumb": articles_crumb()}, **kwargs
        )


class TopicDetailView(ArticleGroupView):
    template_name = "articles/topic_detail.html"
    model = Topic
    article_field = "topics"


class AuthorDetailView(ArticleGroupView):
    template_name = "articles/author_detail.html"
    model = Author
    article_field = "author"


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    preview = False

    def get_queryset(self):
        return article_page_queryset().published()

    def get(self, request, *args, **kwargs):
        try:
            self.object, moved = find_by_slug(self.get_queryset(), kwargs["slug"])
        except Http404:
            old = ArticleRedirect.objects.filter(old_slug=kwargs["slug"]).first()
            if old and old.article.is_live:
                return HttpResponsePermanentRedirect(old.article.get_absolute_url())
            raise
        if moved:
            return moved
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        body = show_body(article.body, self.request, preview=self.preview)
        linked = [link.product for link in article.product_links.all()]
        context.update(
            body_parts=body.parts,
            headings=body.headings,
            products=linked,
            mentioned_products=list({p.pk: p for p in linked + body.products}.values()),
            related_articles=self.related_articles(article),
            articles_crumb=articles_crumb(),
            primary_topic=next(iter(article.topics.all()), None),
            preview=self.preview,
        )
        return context

    def related_articles(self, article):
        """Newest live articles sharing a topic, topped up with the newest."""
        others = Article.objects.for_cards().exclude(pk=article.pk)
        topic_ids = [topic.pk for topic in article.topics.all()]
        sharing = others.filter(topics__in=topic_ids).distinct()
        related = list(sharing[:RELATED_ARTICLES])
        if len(related) < RELATED_ARTICLES:
            seen = [a.pk for a in related]
            related += list(
                others.exclude(pk__in=seen)[: RELATED_ARTICLES - len(related)]
            )
        return related


class ArticlePreviewView(PermissionRequiredMixin, ArticleDetailView):
    """Any article, draft or scheduled, as readers will see it, for staff."""

    permission_required = "articles.view_article"
    login_url = reverse_lazy("admin:login")
    preview = True
    pk_url_kwarg = "pk"

    def get_queryset(self):
        return article_page_queryset()

    def get(self, request, *args, **kwargs):
        return DetailView.get(self, request, *args, **kwargs)


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    subtitle = gettext_lazy("Guides to dry, sensitive and recovering skin.")

    def title(self):
        return _("%(shop)s articles") % {"shop": settings.OSCAR_SHOP_NAME}

    def link(self):
        return site_url(reverse("articles:list"))

    def feed_url(self):
        return site_url(reverse("articles:feed"))

    def items(self):
        return Article.objects.for_cards()[:20]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # Atom's summary is HTML to a feed reader; the standfirst is plain text.
        return escape(article.summary)

    def item_link(self, article):
        return site_url(article.get_absolute_url())

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_modified

    def item_author_name(self, article):
        return article.author.name

    def item_author_link(self, article):
        return site_url(article.author.get_absolute_url())

    def item_categories(self, article):
        return [topic.name for topic in article.topics.all()]
