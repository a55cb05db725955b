"""The agenda's listings: upcoming workshops (soonest first) and the archive (latest first),
filtered (filters.py) and paginated."""

from django.db.models import Count, Q
from django.utils import timezone

from ressources.listing import elided_page_range, paginate

from .filters import AtelierFilterSet
from .models.inscriptions import Inscription

PER_PAGE = 12


def with_seats(ateliers):
    """``ateliers`` with their confirmed seats counted in the same query."""
    return ateliers.annotate(
        places_prises_annotees=Count(
            "inscriptions", filter=Q(inscriptions__statut=Inscription.Statut.CONFIRMEE)
        )
    ).prefetch_related("domaines")


def agenda_context(request, agenda, archives=False):
    now = timezone.now()
    queryset = with_seats(agenda.ateliers())
    if archives:
        queryset = queryset.filter(fin__lte=now).order_by("-debut")
    else:
        queryset = queryset.filter(fin__gt=now).order_by("debut")
    filterset = AtelierFilterSet(request.GET or None, queryset=queryset, request=request)
    if archives:  # « this week », « free seats » mean nothing for past workshops
        del filterset.filters["periode"]
        del filterset.filters["places"]
    page = paginate(request, filterset.qs, PER_PAGE)
    return {
        "filterset": filterset,
        "filter_form": filterset.form,
        "ateliers": page,
        "ressources": page,
        "result_count": page.paginator.count,
        "elided_page_range": elided_page_range(page),
        "archives": archives,
        "webcal_url": webcal_url(request, agenda),
    }


def feed_url(agenda):
    return agenda.url + agenda.reverse_subpage("agenda_ics")


def webcal_url(request, agenda):
    """The agenda feed as a webcal:// link, which opens the visitor's calendar program to
    subscribe (it fetches the feed over the site's own scheme, https in production)."""
    feed = request.build_absolute_uri(feed_url(agenda))
    return "webcal://" + feed.split("://", 1)[1]
