"""Site-wide views: the home page, the footer pages and robots.txt."""

from django.conf import settings
from django.contrib.flatpages.views import render_flatpage
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from articles.models import Article
from products.models import Product, Routine
from products.routines import routine_quote
from shop.core.site_urls import site_url
from shop.storefront.footer_pages import find_footer_page


class HomeView(TemplateView):
    template_name = "shop/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        routine = Routine.objects.for_pages().first()
        context["products"] = Product.objects.for_cards()[:8]
        context["routine"] = routine
        if routine:
            context["quote"] = routine_quote(routine, strategy=self.request.strategy)
        articles = Article.objects.for_cards()
        context["guide"] = articles.filter(is_featured=True).first() or articles.first()
        return context


class RobotsView(TemplateView):
    """Keeps crawlers out of private and endless pages; points to the sitemap."""

    template_name = "seo/robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        # Private pages, and search results wherever the search box sends them.
        return super().get_context_data(
            disallowed=[*settings.SHOP_PRIVATE_PATHS, "/*?q="],
            sitemap_url=site_url(reverse("sitemap-index")),
            **kwargs,
        )


class FooterPageView(View):
    """A footer page at its address in the active language (Django's
    flatpage view, which knows only one address per page)."""

    def get(self, request, url):
        page = find_footer_page(request.path_info, get_current_site(request))
        if page is None:
            raise Http404("No such page")
        return render_flatpage(request, page)
