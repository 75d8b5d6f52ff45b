"""Site-wide views."""

from django.views.generic import TemplateView

from products.routines import routine_quote
from products.views import product_card_queryset, routine_queryset


class HomeView(TemplateView):
    template_name = "shop/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        routine = routine_queryset().first()
        context["products"] = product_card_queryset()[:8]
        context["routine"] = routine
        if routine:
            context["quote"] = routine_quote(routine, strategy=self.request.strategy)
        return context
