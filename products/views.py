"""Storefront views of the catalogue, backed by the database.

Oscar's own listing views go through Haystack, which with the simple backend
lists nothing; these replace them under the same URL names.
"""

from urllib.parse import unquote

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView, View
from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView

from products.models import (
    SEARCH_QUERY_LENGTH,
    Category,
    Product,
    ProductCategory,
    Routine,
)
from products.routines import RoutineUnavailable, routine_add_to_basket, routine_quote
from shop.core.languages import SlugInEitherLanguageMixin, slug_in_any_language
from shop.core.pagination import ForgivingPaginationMixin
from shop.security.cross_site import refuse_cross_site

FOUND_ARTICLES = 4


class PaginatedProductListView(ForgivingPaginationMixin, ListView):
    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE


class CatalogueView(PaginatedProductListView):
    """All products, optionally narrowed by the search box (``?q=``)."""

    template_name = "oscar/catalogue/browse.html"
    query_parameters = ("page", "q")

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()[:SEARCH_QUERY_LENGTH]
        return Product.objects.for_cards().search(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        if self.query and context["page_obj"].number == 1:
            # The journal answers too: "isotretinoin" finds the guide.
            context["found_articles"] = list(
                apps.get_model("articles", "Article")
                .objects.for_cards()
                .search(self.query)[:FOUND_ARTICLES]
            )
        return context


class ProductCategoryView(PaginatedProductListView):
    """Products of a category and its subcategories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # EXISTS rather than a join and DISTINCT: the database can walk the
        # listing index and stop at the page, instead of de-duplicating all.
        in_category = ProductCategory.objects.filter(
            product=OuterRef("pk"),
            category__in=self.category.get_descendants_and_self(),
        )
        return Product.objects.for_cards().filter(Exists(in_category))

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class ProductDetailView(CoreProductDetailView):
    def get_queryset(self):
        return (
            Product.objects.base_queryset()
            .select_related("parent")
            .prefetch_related("categories")
        )

    def send_signal(self, request, response, product):
        """Oscar's view signal writes a view counter to the database and a
        recently-viewed cookie on every view; the shop shows neither, and
        both would keep product pages out of the page cache."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["routines"] = Routine.objects.filter(
            is_public=True, steps__product=self.object
        ).distinct()
        return context


class RoutineDetailView(SlugInEitherLanguageMixin, DetailView):
    context_object_name = "routine"
    template_name = "oscar/catalogue/routine_detail.html"

    def get_queryset(self):
        return Routine.objects.for_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quote"] = routine_quote(self.object, strategy=self.request.strategy)
        return context


# Like basket:add: no CSRF token, but no request from another site either
# (see shop/urls.py).
@method_decorator([csrf_exempt, refuse_cross_site], name="dispatch")
class RoutineAddToBasketView(View):
    """The routine's one button: every product in the basket, or none."""

    http_method_names = ["post"]

    def post(self, request, slug):
        routine = Routine.objects.for_pages().filter(slug_in_any_language(slug)).first()
        if routine is None:
            messages.error(request, _("That routine is no longer available."))
            return redirect("basket:summary")
        try:
            routine_add_to_basket(request=request, routine=routine)
        except RoutineUnavailable as error:
            messages.error(
                request,
                _("The routine could not be added: %(problems)s")
                % {"problems": " ".join(error.problems)},
            )
            return redirect(routine.get_absolute_url())
        messages.success(
            request,
            _("“%(routine)s” was added to your basket.") % {"routine": routine.name},
        )
        return redirect("basket:summary")
