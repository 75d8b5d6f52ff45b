"""Storefront views of the catalogue, backed by the database.

Oscar's own listing views go through Haystack, which with the simple backend
lists nothing; these replace them under the same URL names.
"""

from urllib.parse import unquote

from django.contrib import messages
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView, View
from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView

from products.models import Category, Product, ProductCategory, Routine, RoutineStep
from products.routines import RoutineUnavailable, routine_add_to_basket, routine_quote
from shop.cross_site import refuse_cross_site
from shop.pagination import ForgivingPaginationMixin


def product_card_queryset():
    """Browsable products with what a card shows fetched up front."""
    return (
        Product.objects.browsable()
        .select_related("product_class")
        .prefetch_related("stockrecords", "images")
        .order_by("-priority", "title")
    )


def routine_queryset():
    """Public routines with their steps, products, stock and images."""
    return Routine.objects.filter(is_public=True).prefetch_related(
        Prefetch(
            "steps",
            queryset=RoutineStep.objects.select_related(
                "product", "product__product_class"
            ).prefetch_related("product__stockrecords", "product__images"),
        )
    )


# The search box reads this many characters (shop/page_cache.py keys on them).
SEARCH_QUERY_LENGTH = 100


class PaginatedProductListView(ForgivingPaginationMixin, ListView):
    context_object_name = "products"
    paginate_by = 24


class CatalogueView(PaginatedProductListView):
    """All products, optionally narrowed by the search box (``?q=``)."""

    template_name = "oscar/catalogue/browse.html"
    query_parameters = ("page", "q")

    def get_queryset(self):
        queryset = product_card_queryset()
        self.query = self.request.GET.get("q", "").strip()[:SEARCH_QUERY_LENGTH]
        # Names and short descriptions (which name the key ingredients), and
        # the EAN: scanning every long description and INCI list made search
        # the slowest page at 10,000 products.
        for word in self.query.split():
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(short_description__icontains=word)
                | Q(upc__iexact=word)
            )
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


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
        return product_card_queryset().filter(Exists(in_category))

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


class RoutineDetailView(DetailView):
    context_object_name = "routine"
    template_name = "oscar/catalogue/routine_detail.html"

    def get_queryset(self):
        return routine_queryset()

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
        routine = routine_queryset().filter(slug=slug).first()
        if routine is None:
            messages.error(request, "That routine is no longer available.")
            return redirect("basket:summary")
        try:
            routine_add_to_basket(request=request, routine=routine)
        except RoutineUnavailable as error:
            messages.error(
                request,
                "The routine could not be added: " + " ".join(error.problems),
            )
            return redirect(routine.get_absolute_url())
        messages.success(request, f"“{routine.name}” was added to your basket.")
        return redirect("basket:summary")
