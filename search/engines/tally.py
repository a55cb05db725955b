"""The count and the facets of a search in one SQL statement.

Counting the matches with one query and each facet with another would match the query five
times for a page with four facets. Here the matches (at most ``limit`` of them) are read once
into a materialised common table expression, then counted as a whole and grouped per facet
field: a column of the model, or a many-to-many relation through its table. Both PostgreSQL and
SQLite (3.35 and later) materialise the expression once. The matches' own SQL is Django's,
kept whole inside the expression.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections


@dataclass
class Counted:
    count: int = 0
    facets: dict = field(default_factory=dict)


def tally_queryset(matches, field_names, limit):
    """``Counted`` of the first ``limit`` rows of ``matches``, per value of each field."""
    model = matches.model
    fields = [model._meta.get_field(name) for name in field_names]
    columns = [f for f in fields if not f.many_to_many]
    relations = [f for f in fields if f.many_to_many]
    inner = matches.order_by().values_list("pk", *(f.name for f in columns))[:limit]
    try:
        inner_sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # a filter no value can meet (an unknown domaine): nothing to read
        return Counted()
    connection = connections[matches.db]
    quote = connection.ops.quote_name
    names = ["pk"] + [f"c{position}" for position in range(len(columns))]
    materialized = "MATERIALIZED " if _can_materialize(connection) else ""
    parts = ["SELECT 0, NULL, COUNT(*) FROM m"]
    for position, _column in enumerate(columns, start=1):
        name = names[position]
        parts.append(f"SELECT {position}, CAST({name} AS TEXT), COUNT(*) FROM m GROUP BY {name}")
    for position, relation in enumerate(relations, start=len(columns) + 1):
        table = quote(relation.m2m_db_table())
        source = quote(relation.m2m_column_name())
        target = quote(relation.m2m_reverse_name())
        parts.append(
            f"SELECT {position}, CAST(t.{target} AS TEXT), COUNT(*) FROM m "
            f"JOIN {table} t ON t.{source} = m.pk GROUP BY t.{target}"
        )
    sql = f"WITH m({', '.join(names)}) AS {materialized}({inner_sql}) " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _counted(rows, field_names, columns + relations)


def _counted(rows, field_names, ordered):
    counts = OrderedDict((name, {}) for name in field_names)
    total = 0
    for position, value, count in rows:
        if position == 0:
            total = count
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
    return Counted(total, facets if total else {})


def _can_materialize(connection):
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version_info >= (3, 35)
    return connection.vendor == "postgresql"
