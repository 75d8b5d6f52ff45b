"""Oscar's basket app with our basket page; its models and URLs stay Oscar's."""

from oscar.apps.basket import apps


class BasketConfig(apps.BasketConfig):
    def ready(self):
        super().ready()
        from shop.basket.views import BasketView

        self.summary_view = BasketView
