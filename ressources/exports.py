"""One CSV format for every export of the site: the one a spreadsheet set up in French opens
as it is. UTF-8 with a byte order mark (without it, Excel reads Windows-1252), « ; » between
cells (the comma is the French decimal separator), CRLF line ends, dates as « 23/11/2026 »
(Paris time for a moment), and no cell a spreadsheet would run as a formula. The files hold
what staff see in the admin, personal data sometimes: no cache keeps them."""

import csv
import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header

PARIS = ZoneInfo("Europe/Paris")
DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
CONTENT_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"
DELIMITER = ";"
#: What makes a spreadsheet read a cell as a formula (OWASP, « CSV injection »).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cellule(value):
    """A cell a spreadsheet will show, never evaluate: a text starting like a formula gets
    a « ' » in front (numbers stay numbers, negative ones included)."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value, PARIS)
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    value = str(value).replace("\r\n", "\n")
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Line:
    """Where ``csv.writer`` writes one line, so that the file streams as it is written."""

    def write(self, text):
        return text


def lines(headings, rows):
    """The file's text, line by line: the BOM, the headings, then each row."""
    writer = csv.writer(_Line(), delimiter=DELIMITER, lineterminator="\r\n")
    yield BOM
    yield writer.writerow([cellule(heading) for heading in headings])
    for row in rows:
        yield writer.writerow([cellule(value) for value in row])


def csv_response(filename, headings, rows):
    """A CSV file to download, named ``filename`` (with its « .csv »)."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines(headings, rows)), content_type=CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    add_never_cache_headers(response)
    return response


class CsvExportMixin:
    """For a Wagtail view that exports spreadsheets (``SpreadsheetExportMixin``: its reports,
    its listings with ``list_export``): the CSV file in this format rather than Wagtail's
    (comma-separated, no BOM)."""

    def write_csv_response(self, queryset):
        return csv_response(
            f"{self.get_filename()}.csv",
            [self.get_heading(queryset, field) for field in self.list_export],
            (
                [
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                    for field, value in self.to_row_dict(item).items()
                ]
                for item in queryset
            ),
        )
