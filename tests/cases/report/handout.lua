-- handout.lua: rules of the report tests' questionnaire: one finding of each
-- kind and priority, a strength whose text carries its next step, a binding
-- gate and a holding one, a key figure and a data-quality figure.
local T = function (en, fr, es) return {en = en, fr = fr, es = es} end
return {
  pillar = function (p, s)
    if p.id == "law" and rk.answer("legal_definition") ~= "yes" then
      rk.cap{pillar = "law", level = "emerging",
             reason = T("No legal definition of the SSE.", "Pas de définition légale de l'ESS.",
                        "No hay definición legal de la ESS.")}
    end
    if p.id == "networks" then
      rk.cap{pillar = "networks", level = "advanced",
             reason = T("Hubs are not evaluated.", "Les pôles ne sont pas évalués.",
                        "Los centros no se evalúan.")}
    end
  end,
  result = function (r)
    if rk.answer("satellite_account") ~= "yes" then
      rk.finding{pillar = "statistics", priority = 1, kind = "gap",
                 text = T("No satellite account measures the SSE (CIRIEC method).",
                          "Aucun compte satellite ne mesure l'ESS (méthode CIRIEC).",
                          "Ninguna cuenta satélite mide la ESS (método CIRIEC)."),
                 questions = {"satellite_account"}}
    end
    rk.finding{pillar = "funding", priority = 2, kind = "recommendation",
               text = T("Open the public fund to loans and guarantees.",
                        "Ouvrir le fonds public aux prêts et aux garanties.",
                        "Abrir el fondo público a préstamos y garantías.")}
    rk.finding{pillar = "networks", priority = 3, kind = "strength",
               text = T("Strength (90/100): a national umbrella body. Next step: evaluate the hubs with GSEF peers.",
                        "Point fort (90/100) : une organisation faîtière nationale. Prochaine étape : évaluer les pôles avec les pairs du GSEF.",
                        "Punto fuerte (90/100): un organismo nacional de representación. Próximo paso: evaluar los centros con los pares del GSEF.")}
    local jobs = rk.answer("sse_jobs")
    rk.indicator{id = "sse_jobs", pillar = "statistics", value = jobs,
                 label = T("People working in the SSE", "Personnes travaillant dans l'ESS",
                           "Personas que trabajan en la ESS")}
    rk.indicator{id = "sourced", value = 75, unit = "%",
                 label = T("Answers with a cited source", "Réponses avec une source citée",
                           "Respuestas con una fuente citada")}
  end,
}
