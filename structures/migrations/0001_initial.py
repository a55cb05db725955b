"""The structures come from ``fiches``, where they were born (its migrations 0001 to 0006
created their tables): this migration only takes them into this app's state, tables untouched
(``db_table`` keeps their names); ``fiches`` 0007 then lets them go, and moves their content
types, so that the permissions given to groups follow."""

import django.db.models.deletion
import django.utils.timezone
import structures.identifiers
import structures.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("fiches", "0006_textes_rendus_et_cles_de_recherche"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Structure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('nom', models.CharField(max_length=150, verbose_name='nom')),
                        ('slug', models.SlugField(editable=False, max_length=160, unique=True, verbose_name="identifiant d'URL")),
                        ('type_structure', models.CharField(choices=[('association', 'Association loi 1901'), ('association-droit-local', 'Association de droit local (Alsace-Moselle)'), ('association-rup', "Association reconnue d'utilité publique"), ('fondation', 'Fondation'), ('fonds-dotation', 'Fonds de dotation'), ('scop', 'SCOP'), ('scic', 'SCIC'), ('cooperative', 'Coopérative (loi 1947)'), ('mutuelle', 'Mutuelle'), ('entreprise-insertion', "Entreprise d'insertion (EI)"), ('aci', "Atelier et chantier d'insertion (ACI)"), ('etti', "Entreprise de travail temporaire d'insertion (ETTI)"), ('ai', 'Association intermédiaire (AI)'), ('esus', 'Entreprise ESUS'), ('collectif', 'Collectif informel')], max_length=40, verbose_name='type de structure')),
                        ('siret', models.CharField(blank=True, help_text='9 chiffres (SIREN) ou 14 chiffres (SIRET), espaces acceptés.', max_length=20, validators=[structures.identifiers.validate_siren_or_siret], verbose_name='SIREN ou SIRET')),
                        ('rna', models.CharField(blank=True, help_text='Pour une association déclarée : « W » suivi de 9 caractères, ex. W751234567.', max_length=12, validators=[structures.identifiers.validate_rna], verbose_name='numéro RNA')),
                        ('departement', models.CharField(choices=[('01', '01 – Ain'), ('02', '02 – Aisne'), ('03', '03 – Allier'), ('04', '04 – Alpes-de-Haute-Provence'), ('05', '05 – Hautes-Alpes'), ('06', '06 – Alpes-Maritimes'), ('07', '07 – Ardèche'), ('08', '08 – Ardennes'), ('09', '09 – Ariège'), ('10', '10 – Aube'), ('11', '11 – Aude'), ('12', '12 – Aveyron'), ('13', '13 – Bouches-du-Rhône'), ('14', '14 – Calvados'), ('15', '15 – Cantal'), ('16', '16 – Charente'), ('17', '17 – Charente-Maritime'), ('18', '18 – Cher'), ('19', '19 – Corrèze'), ('2A', '2A – Corse-du-Sud'), ('2B', '2B – Haute-Corse'), ('21', "21 – Côte-d'Or"), ('22', "22 – Côtes-d'Armor"), ('23', '23 – Creuse'), ('24', '24 – Dordogne'), ('25', '25 – Doubs'), ('26', '26 – Drôme'), ('27', '27 – Eure'), ('28', '28 – Eure-et-Loir'), ('29', '29 – Finistère'), ('30', '30 – Gard'), ('31', '31 – Haute-Garonne'), ('32', '32 – Gers'), ('33', '33 – Gironde'), ('34', '34 – Hérault'), ('35', '35 – Ille-et-Vilaine'), ('36', '36 – Indre'), ('37', '37 – Indre-et-Loire'), ('38', '38 – Isère'), ('39', '39 – Jura'), ('40', '40 – Landes'), ('41', '41 – Loir-et-Cher'), ('42', '42 – Loire'), ('43', '43 – Haute-Loire'), ('44', '44 – Loire-Atlantique'), ('45', '45 – Loiret'), ('46', '46 – Lot'), ('47', '47 – Lot-et-Garonne'), ('48', '48 – Lozère'), ('49', '49 – Maine-et-Loire'), ('50', '50 – Manche'), ('51', '51 – Marne'), ('52', '52 – Haute-Marne'), ('53', '53 – Mayenne'), ('54', '54 – Meurthe-et-Moselle'), ('55', '55 – Meuse'), ('56', '56 – Morbihan'), ('57', '57 – Moselle'), ('58', '58 – Nièvre'), ('59', '59 – Nord'), ('60', '60 – Oise'), ('61', '61 – Orne'), ('62', '62 – Pas-de-Calais'), ('63', '63 – Puy-de-Dôme'), ('64', '64 – Pyrénées-Atlantiques'), ('65', '65 – Hautes-Pyrénées'), ('66', '66 – Pyrénées-Orientales'), ('67', '67 – Bas-Rhin'), ('68', '68 – Haut-Rhin'), ('69', '69 – Rhône'), ('70', '70 – Haute-Saône'), ('71', '71 – Saône-et-Loire'), ('72', '72 – Sarthe'), ('73', '73 – Savoie'), ('74', '74 – Haute-Savoie'), ('75', '75 – Paris'), ('76', '76 – Seine-Maritime'), ('77', '77 – Seine-et-Marne'), ('78', '78 – Yvelines'), ('79', '79 – Deux-Sèvres'), ('80', '80 – Somme'), ('81', '81 – Tarn'), ('82', '82 – Tarn-et-Garonne'), ('83', '83 – Var'), ('84', '84 – Vaucluse'), ('85', '85 – Vendée'), ('86', '86 – Vienne'), ('87', '87 – Haute-Vienne'), ('88', '88 – Vosges'), ('89', '89 – Yonne'), ('90', '90 – Territoire de Belfort'), ('91', '91 – Essonne'), ('92', '92 – Hauts-de-Seine'), ('93', '93 – Seine-Saint-Denis'), ('94', '94 – Val-de-Marne'), ('95', "95 – Val-d'Oise"), ('971', '971 – Guadeloupe'), ('972', '972 – Martinique'), ('973', '973 – Guyane'), ('974', '974 – La Réunion'), ('975', '975 – Saint-Pierre-et-Miquelon'), ('976', '976 – Mayotte')], max_length=3, verbose_name='département')),
                        ('site_web', structures.models.HttpsURLField(blank=True, verbose_name='site web')),
                        ('description', models.TextField(blank=True, max_length=1000, verbose_name='présentation courte')),
                        ('verifiee', models.BooleanField(default=False, help_text="Cochée par l'équipe du réseau après vérification.", verbose_name='vérifiée')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='créée le')),
                        ('search_key', models.TextField(default='', editable=False, verbose_name='clé de recherche')),
                        ('created_by', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='créée par')),
                    ],
                    options={
                        'verbose_name': 'structure',
                        'verbose_name_plural': 'structures',
                        'db_table': 'fiches_structure',
                        'ordering': ['nom'],
                    },
                ),
                migrations.CreateModel(
                    name='Adhesion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('statut', models.CharField(choices=[('en-attente', 'En attente'), ('acceptee', 'Acceptée'), ('refusee', 'Refusée')], default='en-attente', max_length=20, verbose_name='statut')),
                        ('message', models.TextField(blank=True, max_length=500, verbose_name='message')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='demandée le')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='décidée le')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='décidée par')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='adhesions', to=settings.AUTH_USER_MODEL, verbose_name='personne')),
                        ('structure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='adhesions', to='structures.structure', verbose_name='structure')),
                    ],
                    options={
                        'verbose_name': 'adhésion',
                        'verbose_name_plural': 'adhésions',
                        'db_table': 'fiches_adhesion',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='structure',
                    constraint=models.UniqueConstraint(condition=models.Q(('siret', ''), _negated=True), fields=('siret',), name='structure_siret_unique'),
                ),
                migrations.AddConstraint(
                    model_name='structure',
                    constraint=models.UniqueConstraint(condition=models.Q(('rna', ''), _negated=True), fields=('rna',), name='structure_rna_unique'),
                ),
                migrations.AddConstraint(
                    model_name='adhesion',
                    constraint=models.UniqueConstraint(fields=('structure', 'user'), name='adhesion_unique'),
                ),
            ],
        ),
    ]
