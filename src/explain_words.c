/* explain_words: the trace's fixed words, per language (the English ones
   are those the trace was first written with, word for word). */
#include "explain_words.h"

#include <stdio.h>
#include <string.h>

#include "readykit/labels.h"

#define NNBSP "\xE2\x80\xAF" /* narrow no-break space, before French : and ; */

/* In the order of labels.c's tables: en, fr, es. */
static const char *const words[][RK_X_COUNT] = {
    {"not applicable (its when: is false)", "no answer", "don't know",
     "excluded by a rule: %s cleared its points",
     "not scored (a text question, or marked scored: false)", "the answer carries no points",
     "excluded by a rule: %s set its weight to 0", "its weight is 0",
     "excluded by a rule: %s set its max to 0", "its max is 0",
     "not applicable", "  explain:\n    rule files, in layering order:\n",
     " (the standard scorer, built in)", "skipped", "applied",
     "    pillar %s, weight ", "    overall: ", ": points ", ", weight ", ", counted",
     ", not counted: %s", " (points set by %s)",
     "      caps proposed: none\n", "      caps proposed: %zu\n",
     "        at most %s, by %s:%d", " (called from line %d)", ", tied with a later one",
     " [reported%s; binding: lowers %s to %s]",
     " [reported%s; holding: the level is not above it]",
     " [tied with the reported cap; the first one made is reported]",
     " [not reported: a lower cap wins]",
     "score ", " (the standard scorer's weighted mean)", " (set by %s; the standard scorer's: ",
     "; \"counted\" below is the standard scorer's rule, which it may not follow)",
     ", level %s", " (from the score alone: %s)",
     "    %zu more rk.cap calls were made and not kept (at most %d)\n",
     "skipped: this rule file requires %s, and the questionnaire is %s version %s "
     "(rk.requires)",
     "questionnaire %s", "version %s", "questionnaire %s version %s", " or "},
    {"non applicable (sa condition when: est fausse)", "sans réponse", "ne sait pas",
     "exclue par une règle" NNBSP ": %s a effacé ses points",
     "non notée (question à réponse libre, ou marquée scored: false)",
     "la réponse ne donne pas de points",
     "exclue par une règle" NNBSP ": %s a mis son poids à 0", "son poids est 0",
     "exclue par une règle" NNBSP ": %s a mis son maximum à 0", "son maximum est 0",
     "non applicable",
     "  explication" NNBSP ":\n    fichiers de règles, dans l'ordre des couches" NNBSP ":\n",
     " (le barème standard, intégré)", "ignoré", "appliqué",
     "    pilier %s, poids ", "    global" NNBSP ": ", NNBSP ": points ", ", poids ",
     ", comptée", ", non comptée" NNBSP ": %s", " (points fixés par %s)",
     "      plafonds proposés" NNBSP ": aucun\n", "      plafonds proposés" NNBSP ": %zu\n",
     "        au plus %s, par %s:%d", " (appelé depuis la ligne %d)",
     ", à égalité avec un plafond posé ensuite",
     " [retenu%s" NNBSP "; effectif" NNBSP ": abaisse %s à %s]",
     " [retenu%s" NNBSP "; en attente" NNBSP ": le niveau n'est pas au-dessus]",
     " [à égalité avec le plafond retenu" NNBSP "; le premier posé est retenu]",
     " [non retenu" NNBSP ": un plafond plus bas l'emporte]",
     "score ", " (moyenne pondérée du barème standard)",
     " (fixé par %s" NNBSP "; celui du barème standard" NNBSP ": ",
     NNBSP "; « comptée » ci-dessous suit la règle du barème standard, que ce fichier "
     "peut ne pas suivre)",
     ", niveau %s", " (selon le score seul" NNBSP ": %s)",
     "    %zu autres appels à rk.cap ont été faits et non gardés (au plus %d)\n",
     "ignoré" NNBSP ": ce fichier de règles exige %s, et le questionnaire est %s version %s "
     "(rk.requires)",
     "le questionnaire %s", "la version %s", "le questionnaire %s en version %s", " ou "},
    {"no aplica (su condición when: es falsa)", "sin respuesta", "no sabe",
     "excluida por una regla: %s borró sus puntos",
     "no puntuada (pregunta de texto libre, o marcada scored: false)",
     "la respuesta no da puntos",
     "excluida por una regla: %s puso su peso en 0", "su peso es 0",
     "excluida por una regla: %s puso su máximo en 0", "su máximo es 0",
     "no aplicable", "  explicación:\n    archivos de reglas, en el orden de las capas:\n",
     " (el puntuador estándar, integrado)", "omitido", "aplicado",
     "    pilar %s, peso ", "    global: ", ": puntos ", ", peso ", ", contada",
     ", no contada: %s", " (puntos fijados por %s)",
     "      límites propuestos: ninguno\n", "      límites propuestos: %zu\n",
     "        como máximo %s, por %s:%d", " (llamado desde la línea %d)",
     ", empatado con uno posterior",
     " [indicado%s; efectivo: baja %s a %s]",
     " [indicado%s; en espera: el nivel no está por encima]",
     " [empatado con el límite indicado; se indica el primero]",
     " [no indicado: gana un límite más bajo]",
     "puntuación ", " (la media ponderada del puntuador estándar)",
     " (fijada por %s; la del puntuador estándar: ",
     "; «contada» abajo es la regla del puntuador estándar, que este archivo puede no "
     "seguir)",
     ", nivel %s", " (según la puntuación sola: %s)",
     "    se hicieron %zu llamadas más a rk.cap que no se guardaron (como máximo %d)\n",
     "omitido: este archivo de reglas requiere %s, y el cuestionario es %s versión %s "
     "(rk.requires)",
     "el cuestionario %s", "la versión %s", "el cuestionario %s en versión %s", " o "},
};

const char *rk_explain_word(const char *lang, RkExplainWord w)
{
    const char *l = rk_labels_for(lang)->lang;
    size_t i = strcmp(l, "fr") == 0 ? 1 : strcmp(l, "es") == 0 ? 2 : 0;
    return w < RK_X_COUNT ? words[i][w] : "";
}

const char *rk_explain_skipped(const char *lang, const RkRuleFileInfo *f,
                               const RkQuestionnaire *q, char *buf, size_t size)
{
    const char *l = rk_labels_for(lang)->lang;
    if (strcmp(l, "en") == 0 || !f->skip_ids || !f->skip_version)
        return f->skip_why ? f->skip_why : rk_explain_word(lang, RK_X_SKIPPED);
    /* the ids, space-separated in the result, joined with the language's "or" */
    char ids[256] = "";
    const char *or = rk_explain_word(lang, RK_X_REQ_OR);
    for (const char *s = f->skip_ids; *s;) {
        size_t n = strcspn(s, " "), used = strlen(ids);
        snprintf(ids + used, sizeof ids - used, "%s%.*s", used ? or : "", (int)n, s);
        s += n + strspn(s + n, " ");
    }
    char want[400];
    if (ids[0] && f->skip_version[0])
        snprintf(want, sizeof want, rk_explain_word(lang, RK_X_REQ_BOTH), ids, f->skip_version);
    else if (ids[0])
        snprintf(want, sizeof want, rk_explain_word(lang, RK_X_REQ_IDS), ids);
    else
        snprintf(want, sizeof want, rk_explain_word(lang, RK_X_REQ_VERSION), f->skip_version);
    snprintf(buf, size, rk_explain_word(lang, RK_X_REQ_SENTENCE), want, q->id,
             q->version ? q->version : "0");
    return buf;
}
