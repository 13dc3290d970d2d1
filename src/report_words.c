/* report_words: the PDF report's fixed words, per language. */
#include "report_words.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define NNBSP "\xE2\x80\xAF" /* narrow no-break space, before French : and % */

static const RkWords tables[] = {
    {"en", {
        "Readiness report",
        "Summary", "Top three actions", "Findings by priority",
        "Act now", "Next", "Consolidate",
        "Next step", "Strength", "Gap", "Recommendation",
        "Pillars in detail", "Evidence", "Source", "Note",
        "don't know", "unanswered", "not applicable",
        "Key figures", "Data quality", "Methodology", "Glossary",
        "Change", "Target", "Gap to target", "Earlier", "Now",
        "points", "Weight", "Max. points", "Question", "questions",
        "from", "Levels", "Gates and caps", "Rule files applied", "How answers become points",
        "What is left out", "Pillar and question weights", "standard scorer (built in)",
        "page %d / %d",
        "%s points to %s (from %s)",
        "%s: the highest level",
        "%s is at the level %s, with %s / 100.",
        "Strongest pillars: %s and %s. Weakest: %s and %s.",
        "Data confidence %s: %d of %d applicable questions answered, %d don't know, %d unanswered.",
        "Data confidence %s: %d of %d applicable question answered, %d don't know, %d unanswered.",
        "%d of %d answered, %d don't know, %d unanswered, %d not applicable%s",
        "No data for: %s (left out of the overall score).",
        "Each question's answer gives points: a choice or scale answer the points of its choice, "
        "a yes/no answer those of yes or no, a multiple choice the sum of its choices (capped where "
        "the question says so), a number the points of the highest band it reaches. A question's "
        "share is its points over the best answer's points, times its weight. A pillar's score is "
        "the weighted share of its answered questions, from 0 to 100; the overall score is the "
        "weighted mean of the pillars that have data. The level is the highest threshold the score "
        "reaches, unless a gate caps it.",
        "\"Don't know\" and unanswered questions are left out of the scores, not counted as zero: "
        "they lower the data confidence instead. Questions that do not apply (their condition is "
        "false) are left out of everything. A pillar with no answered question has no score and is "
        "left out of the overall score. Text questions are not scored.",
        "A gate caps a level whatever the score, for a reason stated beside it. A binding cap lowers "
        "the level the score alone would give; a holding cap only explains why the level cannot rise.",
        "To reproduce the score, run readykit with the same questionnaire version, answers and rule "
        "files; the SHA-256 below identify the rule files.",
        "No gate or cap applies.",
    }, {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"}, "%d %s %d"},
    {"fr", {
        "Rapport de degré de préparation",
        "Synthèse", "Trois actions prioritaires", "Constats par priorité",
        "Agir maintenant", "Ensuite", "Consolider",
        "Prochaine étape", "Point fort", "Lacune", "Recommandation",
        "Les piliers en détail", "Justificatifs", "Source", "Note",
        "ne sait pas", "sans réponse", "non applicable",
        "Chiffres clés", "Qualité des données", "Méthodologie", "Glossaire",
        "Évolution", "Cible", "Écart à la cible", "Avant", "Maintenant",
        "points", "Poids", "Points max.", "Question", "questions",
        "à partir de", "Niveaux", "Seuils et plafonds", "Fichiers de règles appliqués",
        "Comment les réponses deviennent des points",
        "Ce qui est laissé de côté", "Poids des piliers et des questions", "barème standard (intégré)",
        "page %d / %d",
        "%s points avant %s (à partir de %s)",
        "%s" NNBSP ": le niveau le plus élevé",
        "%s est au niveau %s, avec %s / 100.",
        "Piliers les plus solides" NNBSP ": %s et %s. Les plus faibles" NNBSP ": %s et %s.",
        "Fiabilité des données %s" NNBSP ": %d questions applicables sur %d ont une réponse, "
        "%d « ne sait pas », %d sans réponse.",
        "Fiabilité des données %s" NNBSP ": %d question applicable sur %d a une réponse, "
        "%d « ne sait pas », %d sans réponse.",
        "%d sur %d avec réponse, %d « ne sait pas », %d sans réponse, %d non applicable%s",
        "Pas de données pour" NNBSP ": %s (laissé de côté dans le score global).",
        "Chaque réponse donne des points" NNBSP ": une réponse à choix ou sur une échelle les points "
        "de son choix, une réponse oui/non ceux de oui ou de non, un choix multiple la somme de ses "
        "choix (plafonnée si la question le prévoit), un nombre les points de la tranche la plus "
        "haute atteinte. La part d'une question est ses points rapportés à ceux de la meilleure "
        "réponse, multipliée par son poids. Le score d'un pilier est la part pondérée de ses questions "
        "avec réponse, de 0 à 100" NNBSP "; le score global est la moyenne pondérée des piliers qui ont "
        "des données. Le niveau est le seuil le plus haut atteint par le score, sauf si un seuil "
        "d'exigence le plafonne.",
        "Les réponses « ne sait pas » et les questions sans réponse sont laissées de côté dans les "
        "scores, et non comptées comme zéro" NNBSP ": elles abaissent la fiabilité des données. Les "
        "questions qui ne s'appliquent pas (leur condition est fausse) sont laissées de côté partout. "
        "Un pilier sans aucune réponse n'a pas de score et n'entre pas dans le score global. Les "
        "questions à réponse libre ne sont pas notées.",
        "Un seuil d'exigence plafonne un niveau quel que soit le score, pour la raison indiquée à "
        "côté. Un plafond effectif abaisse le niveau que donnerait le score seul" NNBSP "; un plafond "
        "en attente explique seulement pourquoi le niveau ne peut pas monter.",
        "Pour reproduire le score, lancez readykit avec la même version du questionnaire, les mêmes "
        "réponses et les mêmes fichiers de règles" NNBSP "; les empreintes SHA-256 ci-dessous les "
        "identifient.",
        "Aucun seuil ni plafond ne s'applique.",
    }, {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"}, "%d %s %d"},
    {"es", {
        "Informe de grado de preparación",
        "Resumen", "Tres acciones prioritarias", "Hallazgos por prioridad",
        "Actuar ahora", "Después", "Consolidar",
        "Próximo paso", "Fortaleza", "Brecha", "Recomendación",
        "Los pilares en detalle", "Medios de verificación", "Fuente", "Nota",
        "no sabe", "sin respuesta", "no aplicable",
        "Cifras clave", "Calidad de los datos", "Metodología", "Glosario",
        "Cambio", "Meta", "Brecha con la meta", "Antes", "Ahora",
        "puntos", "Peso", "Puntos máx.", "Pregunta", "preguntas",
        "desde", "Niveles", "Umbrales y límites", "Archivos de reglas aplicados",
        "Cómo las respuestas se convierten en puntos",
        "Lo que se deja fuera", "Pesos de los pilares y de las preguntas", "puntuador estándar (integrado)",
        "página %d / %d",
        "%s puntos para %s (desde %s)",
        "%s: el nivel más alto",
        "%s está en el nivel %s, con %s / 100.",
        "Pilares más sólidos: %s y %s. Más débiles: %s y %s.",
        "Confianza de los datos %s: %d de %d preguntas aplicables respondidas, %d «no sabe», "
        "%d sin respuesta.",
        "Confianza de los datos %s: %d de %d pregunta aplicable respondida, %d «no sabe», "
        "%d sin respuesta.",
        "%d de %d respondidas, %d «no sabe», %d sin respuesta, %d no aplicable%s",
        "Sin datos para: %s (fuera de la puntuación global).",
        "Cada respuesta da puntos: una respuesta de opción o de escala los puntos de su opción, "
        "una respuesta sí/no los de sí o no, una opción múltiple la suma de sus opciones (con el "
        "límite que fije la pregunta), un número los puntos del tramo más alto que alcanza. La parte "
        "de una pregunta es su puntuación sobre la de la mejor respuesta, por su peso. La puntuación "
        "de un pilar es la parte ponderada de sus preguntas respondidas, de 0 a 100; la global es la "
        "media ponderada de los pilares con datos. El nivel es el umbral más alto que alcanza la "
        "puntuación, salvo que un límite lo restrinja.",
        "Las respuestas «no sabe» y las preguntas sin respuesta se dejan fuera de las puntuaciones, "
        "no cuentan como cero: reducen la confianza de los datos. Las preguntas que no aplican (su "
        "condición es falsa) se dejan fuera de todo. Un pilar sin ninguna respuesta no tiene "
        "puntuación y queda fuera de la global. Las preguntas de texto libre no se puntúan.",
        "Un umbral limita un nivel sea cual sea la puntuación, por la razón indicada al lado. Un "
        "límite efectivo baja el nivel que daría la puntuación sola; un límite en espera solo explica "
        "por qué el nivel no puede subir.",
        "Para reproducir la puntuación, ejecute readykit con la misma versión del cuestionario, las "
        "mismas respuestas y los mismos archivos de reglas; las huellas SHA-256 de abajo los "
        "identifican.",
        "No se aplica ningún umbral ni límite.",
    }, {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre"}, "%d de %s de %d"},
};

const RkWords *rk_words_for(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof tables / sizeof tables[0]; i++)
        if (strncmp(lang, tables[i].lang, 2) == 0 &&
            (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            return &tables[i];
    return &tables[0];
}

void rk_words_date(const RkWords *w, const char *iso, char *buf, size_t size)
{
    int y, m, d;
    char tail;
    bool ok = iso && sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
              m <= 12 && d >= 1 && d <= 31 && strlen(iso) == 10;
    if (!ok)
        snprintf(buf, size, "%s", iso ? iso : "");
    else if (d == 1 && strcmp(w->lang, "fr") == 0) /* French: "1er mars" */
        snprintf(buf, size, "1er %s %d", w->months[m - 1], y);
    else
        snprintf(buf, size, w->date_format, d, w->months[m - 1], y);
}

void rk_words_counts(const RkWords *w, char *buf, size_t size, int answered, int applicable,
                     int dont_know, int unanswered, int not_applicable)
{
    /* French plural from 2, Spanish and English for every count but 1 */
    bool fr = strcmp(w->lang, "fr") == 0, es = strcmp(w->lang, "es") == 0;
    bool plural = fr ? not_applicable >= 2 : not_applicable != 1;
    snprintf(buf, size, w->w[RK_W_F_PILLAR_COUNTS], answered, applicable, dont_know, unanswered,
             not_applicable, plural && (fr || es) ? "s" : "");
}

const RkAcronym rk_acronyms[] = {
    {"SSE", "Social and Solidarity Economy", "économie sociale et solidaire (ESS)",
     "economía social y solidaria (ESS)"},
    {"ESS", "Social and Solidarity Economy (SSE)", "économie sociale et solidaire",
     "economía social y solidaria"},
    {"BEPT", "Better Entrepreneurship Policy Tool (OECD and European Commission)",
     "Better Entrepreneurship Policy Tool (OCDE et Commission européenne)",
     "Better Entrepreneurship Policy Tool (OCDE y Comisión Europea)"},
    {"CIRIEC", "International Centre of Research and Information on the Public, Social and Cooperative Economy",
     "Centre international de recherches et d'information sur l'économie publique, sociale et coopérative",
     "Centro Internacional de Investigación e Información sobre la Economía Pública, Social y Cooperativa"},
    {"UNRISD", "United Nations Research Institute for Social Development",
     "Institut de recherche des Nations unies pour le développement social",
     "Instituto de Investigación de las Naciones Unidas para el Desarrollo Social"},
    {"GSEF", "Global Social Economy Forum", "Forum mondial de l'économie sociale",
     "Foro Global de la Economía Social"},
    {"OECD", "Organisation for Economic Co-operation and Development",
     "Organisation de coopération et de développement économiques (OCDE)",
     "Organización para la Cooperación y el Desarrollo Económicos (OCDE)"},
    {"OCDE", "Organisation for Economic Co-operation and Development (OECD)",
     "Organisation de coopération et de développement économiques",
     "Organización para la Cooperación y el Desarrollo Económicos"},
    {"ILO", "International Labour Organization", "Organisation internationale du Travail (OIT)",
     "Organización Internacional del Trabajo (OIT)"},
    {"OIT", "International Labour Organization (ILO)", "Organisation internationale du Travail",
     "Organización Internacional del Trabajo"},
    {"UNTFSSE", "UN Inter-Agency Task Force on Social and Solidarity Economy",
     "Groupe de travail inter-agences des Nations unies sur l'ESS",
     "Grupo de Trabajo Interinstitucional de las Naciones Unidas sobre la ESS"},
    {"RIPESS", "Intercontinental Network for the Promotion of Social Solidarity Economy",
     "Réseau intercontinental de promotion de l'économie sociale solidaire",
     "Red Intercontinental de Promoción de la Economía Social Solidaria"},
    {"UEMOA", "West African Economic and Monetary Union",
     "Union économique et monétaire ouest-africaine",
     "Unión Económica y Monetaria de África Occidental"},
    {"OHADA", "Organisation for the Harmonisation of Business Law in Africa",
     "Organisation pour l'harmonisation en Afrique du droit des affaires",
     "Organización para la Armonización del Derecho Mercantil en África"},
    {"GDP", "Gross domestic product", "produit intérieur brut (PIB)", "producto interior bruto (PIB)"},
    {"PIB", "Gross domestic product (GDP)", "produit intérieur brut", "producto interior bruto"},
    {"GVA", "Gross value added", "valeur ajoutée brute (VAB)", "valor añadido bruto (VAB)"},
    {"VAB", "Gross value added (GVA)", "valeur ajoutée brute", "valor añadido bruto"},
    {"SDG", "Sustainable Development Goals", "objectifs de développement durable (ODD)",
     "Objetivos de Desarrollo Sostenible (ODS)"},
    {"ODD", "Sustainable Development Goals (SDG)", "objectifs de développement durable",
     "Objetivos de Desarrollo Sostenible"},
    {"ODS", "Sustainable Development Goals (SDG)", "objectifs de développement durable (ODD)",
     "Objetivos de Desarrollo Sostenible"},
    {"ICLS", "International Conference of Labour Statisticians",
     "Conférence internationale des statisticiens du travail (CIST)",
     "Conferencia Internacional de Estadísticos del Trabajo (CIET)"},
    {"SME", "Small and medium-sized enterprises", "petites et moyennes entreprises (PME)",
     "pequeñas y medianas empresas (pymes)"},
    {"PME", "Small and medium-sized enterprises (SME)", "petites et moyennes entreprises",
     "pequeñas y medianas empresas"},
    {"ESUS", "Solidarity enterprise of social utility (French approval)",
     "entreprise solidaire d'utilité sociale (agrément)",
     "empresa solidaria de utilidad social (acreditación francesa)"},
    {"CEPES", "Spanish Business Confederation of the Social Economy",
     "Confédération espagnole des entreprises de l'économie sociale",
     "Confederación Empresarial Española de la Economía Social"},
    {"CASES", "António Sérgio Cooperative for the Social Economy (Portugal)",
     "Coopérative António Sérgio pour l'économie sociale (Portugal)",
     "Cooperativa António Sérgio para la Economía Social (Portugal)"},
    {"INAES", "National Institute of the Social Economy (Mexico)",
     "Institut national de l'économie sociale (Mexique)",
     "Instituto Nacional de la Economía Social (México)"},
    {"INACOOP", "National Institute of Cooperatives (Uruguay)",
     "Institut national du coopérativisme (Uruguay)", "Instituto Nacional del Cooperativismo (Uruguay)"},
    {"UN", "United Nations", "Nations unies (ONU)", "Naciones Unidas (ONU)"},
    {"ONU", "United Nations (UN)", "Organisation des Nations unies", "Organización de las Naciones Unidas"},
};
const size_t rk_n_acronyms = sizeof rk_acronyms / sizeof rk_acronyms[0];
