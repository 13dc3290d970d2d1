/* labels: fixed words of the outputs, per language. */
#include "readykit/labels.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
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
        "%d unanswered, %d not applicable%s (confidence %.0f%%)"}},
    {"fr", ',', NNBSP ": ", {
        "Score global", "Niveau", "Pilier", "Score", "Piliers", "pas de données",
        "Plafonné à", "Fiabilité des données", "répondues", "ne sait pas", "Constats",
        "Répondant", "Date", "Questionnaire", "Lacune", "Point fort",
        "Recommandation", "Au plus", "Indicateurs", "non disponible",
        "global", "plafonné à", "au plus", "indicateur", "(territoire non précisé)",
        "données : %d questions applicables sur %d ont une réponse, %d « ne sait pas », "
        "%d sans réponse, %d non applicable%s (fiabilité %.0f" NNBSP "%%)"}},
    {"es", ',', ": ", {
        "Puntuación global", "Nivel", "Pilar", "Puntuación", "Pilares", "sin datos",
        "Limitado a", "Confianza de los datos", "respondidas", "no sabe", "Hallazgos",
        "Encuestado", "Fecha", "Cuestionario", "Brecha", "Fortaleza",
        "Recomendación", "Como máximo", "Indicadores", "no disponible",
        "global", "limitado a", "como máximo", "indicador", "(territorio no indicado)",
        "datos: %d de %d preguntas aplicables respondidas, %d «no sabe», "
        "%d sin respuesta, %d no aplicable%s (confianza %.0f %%)"}},
};

const RkLabels *rk_labels_for(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof tables / sizeof tables[0]; i++)
        if (strncmp(lang, tables[i].lang, 2) == 0 &&
            (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            return &tables[i];
    return &tables[0];
}

void rk_labels_data_line(const RkLabels *l, char *buf, size_t size, int answered,
                         int applicable, int dont_know, int unanswered, int not_applicable,
                         double confidence)
{
    /* French puts the plural from 2 on; Spanish on every count but 1 */
    bool fr = strcmp(l->lang, "fr") == 0, es = strcmp(l->lang, "es") == 0;
    const char *s = (fr && not_applicable >= 2) || (es && not_applicable != 1) ? "s" : "";
    snprintf(buf, size, l->w[RK_L_T_DATA_LINE], answered, applicable, dont_know, unanswered,
             not_applicable, s, confidence);
}
