/* labels: fixed words of the outputs, per language. */
#include "readykit/labels.h"

#include <stddef.h>
#include <string.h>

#define NNBSP "\xE2\x80\xAF" /* narrow no-break space, before French : and % */

static const RkLabels tables[] = {
    {"en", '.', ": ", {
        "Overall score", "Level", "Pillar", "Score", "Pillars", "no data",
        "Capped at", "Data confidence", "answered", "don't know", "Findings",
        "Respondent", "Date", "Questionnaire", "Gap", "Strength",
        "Recommendation", "At most", "Indicators", "not available",
        "overall", "capped at", "at most", "indicator", "(no subject)",
        "data: %d of %d applicable questions answered, %d don't know, "
        "%d unanswered, %d not applicable (confidence %.0f%%)"}},
    {"fr", ',', NNBSP ": ", {
        "Score global", "Niveau", "Pilier", "Score", "Piliers", "pas de données",
        "Plafonné à", "Fiabilité des données", "répondues", "ne sait pas", "Constats",
        "Répondant", "Date", "Questionnaire", "Lacune", "Point fort",
        "Recommandation", "Au plus", "Indicateurs", "non disponible",
        "global", "plafonné à", "au plus", "indicateur", "(sans objet)",
        "données : %d questions applicables sur %d ont une réponse, %d « ne sait pas », "
        "%d sans réponse, %d non applicables (fiabilité %.0f %%)"}},
    {"es", ',', ": ", {
        "Puntuación global", "Nivel", "Pilar", "Puntuación", "Pilares", "sin datos",
        "Limitado a", "Confianza de los datos", "respondidas", "no sabe", "Hallazgos",
        "Encuestado", "Fecha", "Cuestionario", "Brecha", "Fortaleza",
        "Recomendación", "Como máximo", "Indicadores", "no disponible",
        "global", "limitado a", "como máximo", "indicador", "(sin sujeto)",
        "datos: %d de %d preguntas aplicables respondidas, %d «no sabe», "
        "%d sin respuesta, %d no aplicables (confianza %.0f %%)"}},
};

const RkLabels *rk_labels_for(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof tables / sizeof tables[0]; i++)
        if (strncmp(lang, tables[i].lang, 2) == 0 &&
            (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            return &tables[i];
    return &tables[0];
}
