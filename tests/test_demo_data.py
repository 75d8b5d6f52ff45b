"""`manage.py load_demo_data` creates the shop, and a second run changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from products.models import Product, ProductImage, Routine
from shop.demo import article_data as articles_demo
from shop.demo import catalogue_content as demo_content
from shop.demo import catalogue_data as products_demo

pytestmark = pytest.mark.django_db


def snapshot():
    """Row counts of every model, plus the demo products' editable values."""
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.label.startswith(("sessions.", "admin."))
    }
    products = list(
        Product.objects.order_by("upc").values_list(
            "upc", "title", "inci", "stockrecords__price", "stockrecords__num_in_stock"
        )
    )
    images = list(
        ProductImage.objects.order_by("pk").values_list("original", "alt_text")
    )
    return counts, products, images


def test_demo_data_creates_the_range_and_the_routine(
    media_root, django_capture_on_commit_callbacks
):
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):  # renditions follow
        call_command("load_demo_data", stdout=output)

    assert Product.objects.count() == len(demo_content.PRODUCTS) == 4
    for product in Product.objects.all():
        assert product.stockrecords.get().price > 0
        image = product.images.get()
        assert image.alt_text
        assert len(image.renditions()) == 4
        for rendition in image.renditions():
            assert (media_root / rendition.name).exists()
    stored_sizes = set(ProductImage.objects.values_list("width", "height"))
    assert stored_sizes == {(1200, 1200)}
    routine = Routine.objects.get()
    assert routine.offer.benefit.value == routine.price
    assert "products: 4 new" in output.getvalue()


def test_running_the_demo_data_twice_changes_nothing():
    call_command("load_demo_data", stdout=StringIO())
    first = snapshot()
    output = StringIO()
    call_command("load_demo_data", stdout=output)
    assert snapshot() == first
    assert "products: 0 new" in output.getvalue()


def test_development_staff_accounts_exist_only_with_debug_on(
    settings, django_user_model
):
    settings.DEBUG = False
    call_command("load_demo_data", stdout=StringIO())
    assert not django_user_model.objects.filter(username="admin").exists()

    settings.DEBUG = True
    call_command("load_demo_data", stdout=StringIO())
    editor = django_user_model.objects.get(username="editor")
    assert editor.is_staff and not editor.is_superuser
    assert editor.check_password("editor")


def test_pictures_whose_files_were_lost_are_drawn_again(media_root):
    import shutil

    call_command("load_demo_data", stdout=StringIO())
    shutil.rmtree(media_root)
    call_command("load_demo_data", stdout=StringIO())
    assert ProductImage.objects.count() == 4
    for image in ProductImage.objects.all():
        assert (media_root / image.original.name).exists()


def stored_files(folder):
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_the_runs_picture_cache_stores_what_the_loaders_draw(
    settings,
    tmp_path,
    demo_picture_cache,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    def load():
        with django_capture_on_commit_callbacks(execute=True):  # renditions follow
            products_demo.load()
            articles_demo.load()

    settings.MEDIA_ROOT = tmp_path / "drawn"
    load()
    drawn = stored_files(tmp_path / "drawn")
    assert len(drawn) == (4 + 2) * 5  # packshots, heroes: 4 renditions each

    demo_picture_cache.use(monkeypatch)
    # The first load fills the cache (unless an earlier test did), the
    # second is served from it; both store the same files as the loaders.
    for folder in ("first", "second"):
        settings.MEDIA_ROOT = tmp_path / folder
        load()
        assert stored_files(tmp_path / folder) == drawn


def test_the_scaled_catalogue_loads_as_a_command_runs_in_bokmaal(demo_pictures):
    """`make bench` loads it with `--scale`; a command runs in the shop's
    language, so its lookups must not depend on the active language."""
    from django.utils import translation

    from articles.models import Article

    out = StringIO()
    with translation.override("nb"):
        call_command("load_demo_data", scale=60, stdout=out)

    assert "scaled products: 60 new" in out.getvalue()
    assert Product.objects.filter(upc__startswith="SCALE").count() == 60
    assert Article.objects.filter(slug_en__startswith="skin-notes-").count() == 50
