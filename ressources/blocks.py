"""StreamField blocks shared by every kind of ressource (guides now, fiches and ateliers later)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
ENDS_A_SENTENCE = tuple(".!?:;…")


class IntertitreBlock(blocks.CharBlock):
    def get_searchable_content(self, value):
        """A heading ends as a sentence does in the searched text, so that a search snippet
        never runs it into the text that follows."""
        heading = (value or "").rstrip()
        if heading and not heading.endswith(ENDS_A_SENTENCE):
            heading += "."
        return [heading] if heading else []

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "components/blocks/intertitre.html"
        form_classname = "title"
        preview_value = "Préparer l'assemblée générale constitutive"


class ParagrapheBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraphe")
        template = "components/blocks/paragraphe.html"
        preview_value = "<p>Les statuts fixent l'objet, le siège et les règles de gouvernance.</p>"


class EtapeBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label=_("Titre de l'étape"))
    texte = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Détail"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Étape")


class EtapesBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(EtapeBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Étapes numérotées")
        template = "components/blocks/etapes.html"
        preview_value = [
            {"titre": "Réunir les fondateurs", "texte": "<p>Au moins deux personnes.</p>"},
            {"titre": "Rédiger les statuts", "texte": "<p>Partir d'un modèle.</p>"},
        ]


class ChecklistBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label=_("Titre"), required=False)
    elements = blocks.ListBlock(blocks.CharBlock(label=_("Élément")), label=_("Éléments"))

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "components/blocks/checklist.html"
        preview_value = {"titre": "Avant de déposer", "elements": ["Statuts signés", "Liste du CA"]}


class EncadreBlock(blocks.StructBlock):
    CONSEIL = "conseil"
    ATTENTION = "attention"
    EXEMPLE = "exemple"

    genre = blocks.ChoiceBlock(
        choices=[(CONSEIL, _("Conseil")), (ATTENTION, _("Attention")), (EXEMPLE, _("Exemple"))],
        default=CONSEIL,
        label=_("Type d'encadré"),
    )
    titre = blocks.CharBlock(label=_("Titre"), required=False)
    texte = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Texte"))

    class Meta:
        icon = "warning"
        label = _("Encadré (conseil, attention, exemple)")
        template = "components/blocks/encadre.html"
        preview_value = {
            "genre": "attention",
            "titre": "Délai",
            "texte": "<p>Déclarez les modifications en préfecture sous trois mois.</p>",
        }


class QuestionReponseBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    reponse = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Réponse"))

    class Meta:
        icon = "help"
        label = _("Question / réponse")


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(QuestionReponseBlock(), **kwargs)

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = "components/blocks/faq.html"
        preview_value = [
            {"question": "Faut-il un capital ?", "reponse": "<p>Non, pas pour une association.</p>"}
        ]


class TemoignageBlock(blocks.StructBlock):
    citation = blocks.TextBlock(label=_("Citation"))
    auteur = blocks.CharBlock(label=_("Personne"), required=False)
    structure = blocks.CharBlock(label=_("Structure"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Témoignage")
        template = "components/blocks/temoignage.html"
        preview_value = {
            "citation": "Partir d'un modèle nous a fait gagner des semaines.",
            "auteur": "Claire",
            "structure": "Association Les Jardins partagés",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    libelle = blocks.CharBlock(label=_("Libellé du lien"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "components/blocks/document.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Adresse de la vidéo"))
    titre = blocks.CharBlock(label=_("Titre de la vidéo"))
    transcription = blocks.TextBlock(label=_("Transcription ou résumé"), required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo embarquée")
        template = "components/blocks/video.html"


class GuideBodyBlock(blocks.StreamBlock):
    intertitre = IntertitreBlock()
    paragraphe = ParagrapheBlock()
    etapes = EtapesBlock()
    checklist = ChecklistBlock()
    encadre = EncadreBlock()
    faq = FaqBlock()
    temoignage = TemoignageBlock()
    document = DocumentBlock()
    video = VideoBlock()


class ModeleBodyBlock(blocks.StreamBlock):
    """The 'how to adapt it' part of a modèle: a subset of the guide blocks."""

    intertitre = IntertitreBlock()
    paragraphe = ParagrapheBlock()
    etapes = EtapesBlock()
    checklist = ChecklistBlock()
    encadre = EncadreBlock()
    faq = FaqBlock()
