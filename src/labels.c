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
        "%d unanswered, %d not applicable%s (confidence %.0f%%)",
        "data: %d of %d applicable question answered, %d don't know, "
        "%d unanswered, %d not applicable%s (confidence %.0f%%)"}},
    {"fr", ',', NNBSP ": ", {
        "Score global", "Niveau", "Pilier", "Score", "Piliers", "pas de données",
        "Plafonné à", "Fiabilité des données", "répondues", "ne sait pas", "Constats",
        "Répondant", "Date", "Questionnaire", "Lacune", "Point fort",
        "Recommandation", "Au plus", "Indicateurs", "non disponible",
        "global", "plafonné à", "au plus", "indicateur", "(territoire non précisé)",
        "données : %d questions applicables sur %d ont une réponse, %d « ne sait pas », "
        "%d sans réponse, %d non applicable%s (fiabilité %.0f" NNBSP "%%)",
        "données : %d question applicable sur %d a une réponse, %d « ne sait pas », "
        "%d sans réponse, %d non applicable%s (fiabilité %.0f" NNBSP "%%)"}},
    {"es", ',', ": ", {
        "Puntuación global", "Nivel", "Pilar", "Puntuación", "Pilares", "sin datos",
        "Limitado a", "Confianza de los datos", "respondidas", "no sabe", "Hallazgos",
        "Encuestado", "Fecha", "Cuestionario", "Brecha", "Fortaleza",
        "Recomendación", "Como máximo", "Indicadores", "no disponible",
        "global", "limitado a", "como máximo", "indicador", "(territorio no indicado)",
        "datos: %d de %d preguntas aplicables respondidas, %d «no sabe», "
        "%d sin respuesta, %d no aplicable%s (confianza %.0f %%)",
        "datos: %d de %d pregunta aplicable respondida, %d «no sabe», "
        "%d sin respuesta, %d no aplicable%s (confianza %.0f %%)"}},
};

/* ---- the ask screens ------------------------------------------------ */

static const char *const ask_words[][RK_A_COUNT] = {
    {"%zu of %zu · question %zu of %zu applicable", "Don't know", "not applicable",
     "Current answer", "none", "Evidence: add a note and a source (n)", "Note", "Source",
     "Unit", "at least", "at most",
     "↑↓ or number, Enter to choose", "↑↓, space or number to tick, Enter to confirm",
     "Type the answer, then Enter (empty: skip; alone: ? < > n r q)",
     "? help  < back  > skip  n note+source  r review  q save and quit",
     "(no help for this question)",
     "Review: ↑↓ PgUp PgDn move, Enter changes, q returns", "no source",
     "End of the questionnaire: %zu applicable questions without an answer.",
     "Enter: finish and see the summary  r review  < back", "Subject (country, region or city)",
     "Respondent", "%zu answers without a source among questions that ask for evidence",
     "PDF report", "To change an answer later"},
    {"%zu sur %zu · question %zu sur %zu applicables", "Ne sait pas", "sans objet",
     "Réponse actuelle", "aucune", "Justificatif : ajoutez une note et une source (n)", "Note",
     "Source", "Unité", "au moins", "au plus",
     "↑↓ ou numéro, Entrée pour choisir",
     "↑↓, espace ou numéro pour cocher, Entrée pour valider",
     "Tapez la réponse puis Entrée (vide : passer ; seul : ? < > n r q)",
     "? aide  < retour  > passer  n note+source  r revue  q enregistrer et quitter",
     "(pas d'aide pour cette question)",
     "Revue : ↑↓ Pg↑ Pg↓ déplacer, Entrée modifie, q revient",
     "sans source",
     "Fin du questionnaire : %zu questions applicables sans réponse.",
     "Entrée : terminer et voir le résumé  r revue  < retour",
     "Sujet (pays, région ou ville)", "Répondant",
     "%zu réponses sans source parmi les questions qui demandent un justificatif",
     "Rapport PDF", "Pour modifier une réponse plus tard"},
    {"%zu de %zu · pregunta %zu de %zu aplicables", "No sabe", "no aplica",
     "Respuesta actual", "ninguna", "Medio de verificación: añada una nota y una fuente (n)", "Nota",
     "Fuente", "Unidad", "como mínimo", "como máximo",
     "↑↓ o número, Intro para elegir",
     "↑↓, espacio o número para marcar, Intro para confirmar",
     "Escriba la respuesta y pulse Intro (vacío: saltar; solo: ? < > n r q)",
     "? ayuda  < atrás  > saltar  n nota+fuente  r revisión  q guardar y salir",
     "(no hay ayuda para esta pregunta)",
     "Revisión: ↑↓ RePag AvPag mover, Intro cambia, q vuelve", "sin fuente",
     "Fin del cuestionario: %zu preguntas aplicables sin respuesta.",
     "Intro: terminar y ver el resumen  r revisión  < atrás",
     "Sujeto (país, región o ciudad)", "Encuestado",
     "%zu respuestas sin fuente entre las preguntas que piden un medio de verificación",
     "Informe PDF", "Para cambiar una respuesta más tarde"},
};

const char *rk_ask_label(const char *lang, RkAskLabel w)
{
    const RkLabels *l = rk_labels_for(lang);
    size_t i = (size_t)(l - tables);
    return w < RK_A_COUNT ? ask_words[i][w] : "";
}

const RkLabels *rk_labels_for(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof tables / sizeof tables[0]; i++)
        if (strncmp(lang, tables[i].lang, 2) == 0 &&
            (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            return &tables[i];
    return &tables[0];
}

bool rk_labels_data_one(const char *lang, int answered, int applicable)
{
    /* "1 question applicable sur 3 a une réponse"; "1 of 1 applicable
       question answered" */
    return strcmp(rk_labels_for(lang)->lang, "fr") == 0 ? answered < 2 : applicable == 1;
}

void rk_labels_data_line(const RkLabels *l, char *buf, size_t size, int answered,
                         int applicable, int dont_know, int unanswered, int not_applicable,
                         double confidence)
{
    /* French puts the plural from 2 on; Spanish on every count but 1 */
    bool fr = strcmp(l->lang, "fr") == 0, es = strcmp(l->lang, "es") == 0;
    const char *s = (fr && not_applicable >= 2) || (es && not_applicable != 1) ? "s" : "";
    bool one = rk_labels_data_one(l->lang, answered, applicable);
    snprintf(buf, size, l->w[one ? RK_L_T_DATA_LINE_ONE : RK_L_T_DATA_LINE], answered,
             applicable, dont_know, unanswered, not_applicable, s, confidence);
}
