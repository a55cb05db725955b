"""Files on S3-compatible object storage (S3_* variables): public media in the public bucket at
lasting URLs; contributors' attachments and documents in the private bucket, sent only by the
views that check who asks. Against the S3 server (moto) `make test` starts, with two fresh
buckets per test so that the two pytest workers never share one."""

import os
import socket
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass

import boto3
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from entraide.settings.base import s3_storages
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from fiches.models import PieceJointe
from fiches.services import get_or_create_fiche_index
from ressources.models import RessourceDocument
from tests import markup
from tests.factories import DocumentFactory, StructureFactory, UserFactory, build_site_tree
from tests.fiches.helpers import (
    PDF,
    contributor,
    fiche_data,
    logged_in,
    png_bytes,
    proposer_url,
    upload,
)
from tests.site.helpers import PRODUCTION, import_settings

pytestmark = pytest.mark.django_db

CREDENTIALS = {"region": "fr-par", "access_key": "entraide-essai", "secret_key": "pas-secret"}
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
S3_ENV = {
    "S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
    "S3_REGION": "fr-par",
    "S3_ACCESS_KEY_ID": "SCWXXXXXXXXXXXXXXXXX",
    "S3_SECRET_ACCESS_KEY": "un-secret",
    "S3_PUBLIC_BUCKET": "entraide-public",
    "S3_PRIVATE_BUCKET": "entraide-prive",
}


@dataclass
class Buckets:
    client: object
    public: str
    private: str

    def keys(self, bucket):
        listing = self.client.list_objects_v2(Bucket=bucket)
        return [item["Key"] for item in listing.get("Contents", [])]

    def readable_by_anyone(self, bucket, key):
        grants = self.client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
        return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def fetch_anonymously(url):
    """(status, body) of a plain GET, as a browser without any key would make it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def use_storages(monkeypatch):
    """Settings' STORAGES replaced by ``configured`` for one test. The attachments' and the
    documents' fields took their storage (a callable) when models were loaded: they get the
    new ones too."""

    def use(configured):
        override = override_settings(STORAGES={**settings.STORAGES, **configured})
        override.enable()
        monkeypatch.setattr(PieceJointe._meta.get_field("fichier"), "storage", storages["private"])
        monkeypatch.setattr(
            RessourceDocument._meta.get_field("file"), "storage", storages["documents"]
        )
        return override

    overrides = []
    yield lambda configured: overrides.append(use(configured))
    for override in reversed(overrides):
        override.disable()


@pytest.fixture
def on_s3(use_storages):
    """Two new buckets on the pass's S3 server, and the site's storages on them."""
    endpoint = os.environ["ENTRAIDE_TEST_S3_ENDPOINT"]
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=CREDENTIALS["region"],
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    suffix = uuid.uuid4().hex[:12]
    buckets = Buckets(client, public=f"public-{suffix}", private=f"prive-{suffix}")
    for name in (buckets.public, buckets.private):
        client.create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": CREDENTIALS["region"]}
        )
    use_storages(
        s3_storages(
            endpoint_url=endpoint,
            public_bucket=buckets.public,
            private_bucket=buckets.private,
            **CREDENTIALS,
        )
    )
    return buckets


@pytest.mark.s3
def test_an_attachment_goes_to_the_private_bucket_and_only_its_checking_view_sends_it(on_s3):
    claire = contributor(email="claire@asso-quartier.example")
    asso = StructureFactory(nom="Asso du Quartier", membres=[claire])
    get_or_create_fiche_index(build_site_tree()[0])
    author = logged_in(claire)

    refused = fiche_data(asso, enregistrer="", nouveaux_fichiers=[upload("cr.docx", PDF)])
    assert author.post(proposer_url(), refused).status_code == 200
    assert on_s3.keys(on_s3.private) == []
    kept = fiche_data(asso, enregistrer="", nouveaux_fichiers=[upload("bulletin.pdf")])
    assert author.post(proposer_url(), kept).status_code == 302

    piece = PieceJointe.objects.get()
    assert on_s3.keys(on_s3.private) == [piece.fichier.name]
    assert on_s3.keys(on_s3.public) == []
    assert not on_s3.readable_by_anyone(on_s3.private, piece.fichier.name)
    with pytest.raises(NotImplementedError):
        piece.fichier.url  # noqa: B018
    plain_url = f"{os.environ['ENTRAIDE_TEST_S3_ENDPOINT']}/{on_s3.private}/{piece.fichier.name}"
    assert fetch_anonymously(plain_url)[0] == 403

    response = author.get(piece.get_absolute_url())
    assert response.status_code == 200
    assert markup.content(response) == PDF
    assert "no-store" in response["Cache-Control"]
    someone_else = logged_in(contributor(email="autre@ailleurs.example"))
    assert someone_else.get(piece.get_absolute_url()).status_code == 404
    assert Client().get(piece.get_absolute_url()).status_code == 404


@pytest.mark.s3
def test_an_image_goes_to_the_public_bucket_and_its_renditions_are_read_from_there(on_s3):
    editor = logged_in(UserFactory(is_superuser=True, is_staff=True))
    picture = png_bytes()

    response = editor.post(
        reverse("wagtailimages:add"),
        {
            "title": "Assemblée générale",
            "file": SimpleUploadedFile("ag.png", picture),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    rendition = image.get_rendition("width-2")
    assert set(on_s3.keys(on_s3.public)) == {image.file.name, rendition.file.name}
    assert on_s3.keys(on_s3.private) == []
    assert rendition.url.startswith(f"{os.environ['ENTRAIDE_TEST_S3_ENDPOINT']}/{on_s3.public}/")
    status, body = fetch_anonymously(rendition.url)
    assert status == 200
    assert body.startswith(b"\x89PNG")


@pytest.mark.s3
def test_a_document_of_a_private_collection_stays_refused_to_anonymous_visitors(on_s3):
    build_site_tree()
    members = Collection.get_first_root_node().add_child(name="Espace adhérents")
    CollectionViewRestriction.objects.create(
        collection=members, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(collection=members, file__filename="pv.pdf", file__data=PDF)
    wagtail_url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])

    assert on_s3.keys(on_s3.private) == [document.file.name]
    assert not on_s3.readable_by_anyone(on_s3.private, document.file.name)
    anonymous = Client()
    assert anonymous.get(reverse("telecharger", args=[document.pk])).status_code == 404
    assert anonymous.get(wagtail_url).status_code == 302  # to the log-in page
    member = logged_in(UserFactory())
    response = member.get(reverse("telecharger", args=[document.pk]))
    assert response.status_code == 200
    assert markup.content(response) == PDF


@pytest.mark.s3
def test_sante_writes_to_both_buckets_and_leaves_nothing_behind(client, on_s3):
    response = client.get("/sante/")

    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["storage:public"]["ok"] and checks["storage:private"]["ok"]
    assert on_s3.keys(on_s3.public) == on_s3.keys(on_s3.private) == []


def test_sante_names_the_storage_when_the_s3_server_is_unreachable(client, use_storages):
    use_storages(
        s3_storages(
            endpoint_url=f"http://127.0.0.1:{closed_port()}",
            public_bucket="public",
            private_bucket="prive",
            **CREDENTIALS,
        )
    )

    started = time.monotonic()
    response = client.get("/sante/")

    assert time.monotonic() - started < 10  # a few quick retries, never minutes
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["storage:public"] == checks["storage:private"] == {"ok": False}
    assert checks["database:default"]["ok"]


def test_s3_variables_put_every_file_storage_on_s3(monkeypatch):
    configured = import_settings(monkeypatch, PRODUCTION, **S3_ENV).STORAGES

    backends = {alias: config["BACKEND"].rsplit(".", 1)[-1] for alias, config in configured.items()}
    assert backends == {
        "default": "S3Storage",
        "private": "PrivateS3Storage",
        "documents": "PrivateS3Storage",
        "donnees": "S3Storage",
        "staticfiles": "CompressedManifestStaticFilesStorage",
    }
    assert configured["default"]["OPTIONS"]["bucket_name"] == "entraide-public"
    assert configured["donnees"]["OPTIONS"]["bucket_name"] == "entraide-public"  # open data
    assert configured["documents"]["OPTIONS"]["bucket_name"] == "entraide-prive"
    on_disk = import_settings(monkeypatch, PRODUCTION).STORAGES
    assert "S3" not in on_disk["default"]["BACKEND"] + on_disk["private"]["BACKEND"]


@pytest.mark.parametrize(
    "changes, named",
    [
        ({"S3_SECRET_ACCESS_KEY": None}, "missing: S3_SECRET_ACCESS_KEY"),
        ({"S3_PUBLIC_BUCKET": None}, "missing: S3_PUBLIC_BUCKET"),
        (
            {**dict.fromkeys(S3_ENV), "S3_PUBLIC_BUCKET": "entraide-public"},
            "missing: S3_ENDPOINT_URL, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, "
            "S3_PRIVATE_BUCKET",
        ),
        ({"S3_ENDPOINT_URL": None, "S3_REGION": None}, "missing: S3_ENDPOINT_URL, S3_REGION"),
        ({"S3_ENDPOINT_URL": "s3.fr-par.scw.cloud"}, "S3_ENDPOINT_URL must be"),
        ({"S3_PRIVATE_BUCKET": "entraide-public"}, "two different buckets"),
    ],
)
def test_half_an_s3_configuration_stops_the_start_naming_what_to_fix(monkeypatch, changes, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        import_settings(monkeypatch, PRODUCTION, **{**S3_ENV, **changes})
