"""The count and the facets of a search in one SQL statement.

Wagtail's database backends count the matches with one query and each facet with another:
five full-text matches for a page with four facets, each over every match. Here the matches
are read once into a materialised common table expression, then counted as a whole and
grouped per facet field: a column of the model, or a many-to-many relation through its
table. Both PostgreSQL and SQLite (3.35 and later) materialise the expression once.

Where the backend ranks a search in two steps (PostgreSQL: the matches ordered on their title,
then the best ``CANDIDATES`` of them on title and body), the same statement also gives the
first step's ids, so that a page of results only ranks those instead of matching again.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db import connections


@dataclass
class Tally:
    count: int = 0
    facets: dict = field(default_factory=dict)
    # The ids of the best matches on a first, cheap ranking, best first; ``None`` when the
    # backend ranks in one step. A page within them is ranked among them alone.
    candidates: list | None = None


def tally(results, field_names, ranked=False):
    """``Tally`` of search results: in one statement when the backend can, else with
    ``count()`` and one ``facet()`` per field (Elasticsearch). With ``ranked``, also the ids
    of the candidates of the first ranking step, where the backend ranks in two."""
    if hasattr(results, "tally"):
        return results.tally(field_names, ranked)
    count = results.count()
    facets = {name: results.facet(name) for name in field_names} if count else {}
    return Tally(count, facets)


class TallyMixin:
    """For the results class of a database backend whose compiler's ``search(config, None,
    None)`` returns the queryset of every match."""

    def tally(self, field_names, ranked=False):
        compiler = self.query_compiler
        matches = compiler.search(compiler.get_config(self.backend), None, None)
        rank = getattr(compiler, "first_rank", None) if ranked else None
        return tally_queryset(
            matches,
            field_names,
            hashed=getattr(compiler, "broad", False),
            rank=rank,
            candidates=getattr(compiler, "candidates", 0),
        )


def tally_queryset(matches, field_names, hashed=False, rank=None, candidates=0):
    """With ``hashed``, the many-to-many tables are joined by hashing (their key written
    ``+ 0``, which no index serves) whatever the planner expects: for many matches. With a
    ``rank`` expression, also the ids of the ``candidates`` best matches on it."""
    model = matches.model
    fields = [model._meta.get_field(name) for name in field_names]
    columns = [f for f in fields if not f.many_to_many]
    relations = [f for f in fields if f.many_to_many]
    inner = matches.order_by()
    if rank is not None:
        inner = inner.annotate(_first_rank=rank)
    ranked = ["_first_rank"] if rank is not None else []
    # The rank last: Django selects a queryset's annotations after its columns.
    inner = inner.values_list("pk", *(f.name for f in columns), *ranked)
    inner_sql, params = inner.query.sql_with_params()
    connection = connections[matches.db]
    quote = connection.ops.quote_name
    names = ["pk", *(f"c{n}" for n in range(len(columns))), *(["r"] if ranked else [])]
    materialized = "MATERIALIZED " if _can_materialize(connection) else ""
    plus = " + 0" if hashed else ""
    parts = ["SELECT 0, NULL, COUNT(*) FROM m"]
    if ranked:  # position -1: an id and its place
        parts.append(
            "SELECT -1, CAST(pk AS TEXT), ROW_NUMBER() OVER (ORDER BY r DESC, pk DESC) FROM "
            f"(SELECT pk, r FROM m ORDER BY r DESC, pk DESC LIMIT {int(candidates)}) best"
        )
    for position, _column in enumerate(columns, start=1):
        name = names[position]
        parts.append(f"SELECT {position}, CAST({name} AS TEXT), COUNT(*) FROM m GROUP BY {name}")
    for position, relation in enumerate(relations, start=len(columns) + 1):
        table = quote(relation.m2m_db_table())
        source = quote(relation.m2m_column_name())
        target = quote(relation.m2m_reverse_name())
        parts.append(
            f"SELECT {position}, CAST(t.{target} AS TEXT), COUNT(*) FROM m "
            f"JOIN {table} t ON t.{source}{plus} = m.pk GROUP BY t.{target}"
        )
    sql = f"WITH m({', '.join(names)}) AS {materialized}({inner_sql}) " + " UNION ALL ".join(parts)
    counts = OrderedDict((name, {}) for name in field_names)
    total = 0
    best = []
    ordered = columns + relations
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for position, value, count in rows:
        if position == 0:
            total = count
            continue
        if position == -1:
            best.append((count, model._meta.pk.to_python(value)))
            continue
        model_field = ordered[position - 1]
        if value is not None:
            target = model_field.target_field if model_field.many_to_many else model_field
            value = target.to_python(value)
        counts[model_field.name][value] = count
    facets = {
        name: OrderedDict(sorted(values.items(), key=lambda item: -item[1]))
        for name, values in counts.items()
    }
    first = [pk for _place, pk in sorted(best)] if ranked else None
    return Tally(total, facets if total else {}, first)


def _can_materialize(connection):
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version_info >= (3, 35)
    return connection.vendor == "postgresql"
