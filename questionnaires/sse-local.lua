-- Default rules of the local SSE readiness questionnaire (sse-local.yaml).
--
-- Runs after the standard scorer. Gates (caps) where the UNRISD/GSEF Guidelines for Local
-- Governments (2021) and the OECD Recommendation (2022) justify them, one recommendation per
-- weak answer naming the step and the text behind it, strengths (what is strong and one next
-- step), and derived indicators.
-- Only answers known to be weak trigger a cap; unanswered pillars are reported instead.

local function lvl(id)
  local v = rk.answer(id)
  if v == nil then return nil end
  return tonumber(v)
end
local function is(id, v) return rk.answer(id) == v end
local function weak(id, max) local n = lvl(id); return n ~= nil and n <= max end
local function num(id)
  local v = rk.answer(id)
  if type(v) == "number" then return v end
  return nil
end
local function count(id)
  local v = rk.answer(id)
  if type(v) ~= "table" then return nil end
  return #v
end

local function rec(pillar, priority, en, fr, es, questions)
  rk.finding{pillar = pillar, priority = priority, kind = "recommendation",
             text = {en = en, fr = fr, es = es}, questions = questions}
end
local function gap(pillar, priority, en, fr, es, questions)
  rk.finding{pillar = pillar, priority = priority, kind = "gap",
             text = {en = en, fr = fr, es = es}, questions = questions}
end
local function cap(pillar, level, en, fr, es)
  rk.cap{pillar = pillar, level = level, reason = {en = en, fr = fr, es = es}}
end

local ORDER = {"local_policy", "local_coconstruction", "local_finance", "local_support",
  "local_markets", "local_data", "multilevel"}
local function policy()
  if weak("local_strategy", 0) and is("sse_office", "no") then
    cap("local_policy", "emerging",
      "No local SSE strategy and no one in charge of the SSE (UNRISD/GSEF Guidelines topic 3).",
      "Ni stratégie locale d'ESS ni responsable de l'ESS (Lignes directrices UNRISD/GSEF, thème 3).",
      "Ni estrategia local de ESS ni responsable de la ESS (Directrices UNRISD/GSEF, tema 3).")
  end
  if weak("local_strategy", 1) then
    rec("local_policy", 1,
      "Adopt a local SSE strategy or action plan by council decision, with a budget, a lead service and indicators, drafted with local SSE networks (A/RES/77/281 para. 1; UNRISD/GSEF Guidelines topic 3).",
      "Adopter par délibération une stratégie ou un plan d'action local pour l'ESS, avec un budget, un service pilote et des indicateurs, rédigé avec les réseaux locaux de l'ESS (A/RES/77/281 par. 1 ; Lignes directrices UNRISD/GSEF, thème 3).",
      "Adoptar por acuerdo del concejo una estrategia o plan de acción local de ESS, con presupuesto, un servicio responsable e indicadores, redactado con las redes locales de la ESS (A/RES/77/281 párr. 1; Directrices UNRISD/GSEF, tema 3).",
      {"local_strategy"})
  elseif weak("local_strategy", 2) then
    rec("local_policy", 2,
      "Fund the local SSE strategy and give it a named lead and a review date (UNRISD/GSEF Guidelines topic 3).",
      "Financer la stratégie locale d'ESS et lui donner un pilote désigné et une date de révision (Lignes directrices UNRISD/GSEF, thème 3).",
      "Financiar la estrategia local de ESS y darle un responsable designado y una fecha de revisión (Directrices UNRISD/GSEF, tema 3).",
      {"local_strategy"})
  end
  if is("sse_office", "no") then
    rec("local_policy", 2,
      "Give a service (and an elected official) an explicit SSE portfolio as a single entry point for SSE actors (OECD Recommendation block 2).",
      "Confier à un service (et à un élu) un portefeuille ESS explicite, guichet unique pour les acteurs de l'ESS (Recommandation de l'OCDE, pilier 2).",
      "Dar a un servicio (y a un cargo electo) una cartera explícita de ESS como ventanilla única para los actores de la ESS (Recomendación de la OCDE, pilar 2).",
      {"sse_office"})
  end
  if is("local_legal_act", "no") then
    rec("local_policy", 3,
      "Anchor the SSE policy in a council resolution or by-law so it survives changes of majority (UNRISD/GSEF Guidelines topic 2).",
      "Ancrer la politique d'ESS dans une délibération ou un règlement pour qu'elle survive aux alternances (Lignes directrices UNRISD/GSEF, thème 2).",
      "Anclar la política de ESS en una resolución u ordenanza del concejo para que sobreviva a los cambios de mayoría (Directrices UNRISD/GSEF, tema 2).",
      {"local_legal_act"})
  end
  if weak("local_dev_plan", 1) then
    rec("local_policy", 3,
      "Write the SSE into the local development plan and the local SDG plan (UNRISD/GSEF Guidelines topic 3).",
      "Inscrire l'ESS dans le plan de développement local et le plan local des ODD (Lignes directrices UNRISD/GSEF, thème 3).",
      "Incluir la ESS en el plan de desarrollo local y en el plan local de los ODS (Directrices UNRISD/GSEF, tema 3).",
      {"local_dev_plan"})
  end
  local b = num("local_budget")
  if b and b < 0.1 then
    rec("local_policy", 2,
      "Earmark a visible, multi-year budget line for the SSE (UNRISD/GSEF Guidelines topic 6; A/RES/77/281 para. 1(e)).",
      "Réserver une ligne budgétaire visible et pluriannuelle pour l'ESS (Lignes directrices UNRISD/GSEF, thème 6 ; A/RES/77/281 par. 1(e)).",
      "Reservar una partida presupuestaria visible y plurianual para la ESS (Directrices UNRISD/GSEF, tema 6; A/RES/77/281 párr. 1(e)).",
      {"local_budget"})
  end
end

local function coconstruction()
  if is("joint_body", "no") and weak("local_co_design", 1) then
    cap("local_coconstruction", "emerging",
      "Local SSE actors are neither in a joint body nor involved in drafting (UNRISD/GSEF Guidelines topic 1).",
      "Les acteurs locaux de l'ESS ne siègent dans aucun organe conjoint et ne participent pas à la rédaction (Lignes directrices UNRISD/GSEF, thème 1).",
      "Los actores locales de la ESS no están en ningún órgano conjunto ni participan en la redacción (Directrices UNRISD/GSEF, tema 1).")
  end
  if is("joint_body", "no") then
    rec("local_coconstruction", 1,
      "Set up a formal joint body of the local government and local SSE networks to design and monitor SSE policy (UNRISD/GSEF Guidelines topic 1; A/RES/77/281 para. 1(f)).",
      "Créer un organe conjoint formel entre la collectivité et les réseaux locaux de l'ESS pour concevoir et suivre la politique d'ESS (Lignes directrices UNRISD/GSEF, thème 1 ; A/RES/77/281 par. 1(f)).",
      "Crear un órgano conjunto formal del gobierno local y las redes locales de la ESS para diseñar y seguir la política de ESS (Directrices UNRISD/GSEF, tema 1; A/RES/77/281 párr. 1(f)).",
      {"joint_body"})
  end
  if weak("local_co_design", 1) then
    rec("local_coconstruction", 2,
      "Move from information to co-construction: draft, deliver and monitor the next SSE measures jointly with SSE actors (UNRISD/GSEF Guidelines topic 1).",
      "Passer de l'information à la co-construction : rédiger, mettre en œuvre et suivre les prochaines mesures avec les acteurs de l'ESS (Lignes directrices UNRISD/GSEF, thème 1).",
      "Pasar de la información a la co-construcción: redactar, ejecutar y seguir las próximas medidas de ESS junto con los actores de la ESS (Directrices UNRISD/GSEF, tema 1).",
      {"local_co_design"})
  end
  if is("local_sse_network", "no") then
    rec("local_coconstruction", 2,
      "Support the creation of a local SSE network or round table that can speak for local SSE actors (OECD Recommendation block 1(d)).",
      "Soutenir la création d'un réseau ou d'une table locale de l'ESS capable de parler au nom des acteurs locaux (Recommandation de l'OCDE, pilier 1(d)).",
      "Apoyar la creación de una red o mesa local de la ESS capaz de hablar en nombre de los actores locales (Recomendación de la OCDE, pilar 1(d)).",
      {"local_sse_network"})
  end
end

local function finance()
  if is("local_fund", "no") and weak("local_finance_partners", 1) then
    cap("local_finance", "emerging",
      "No local SSE fund and no partnership with solidarity finance (UNRISD/GSEF Guidelines topic 6; A/RES/77/281 para. 1(e)).",
      "Ni fonds local pour l'ESS ni partenariat avec la finance solidaire (Lignes directrices UNRISD/GSEF, thème 6 ; A/RES/77/281 par. 1(e)).",
      "Ni fondo local para la ESS ni alianza con las finanzas solidarias (Directrices UNRISD/GSEF, tema 6; A/RES/77/281 párr. 1(e)).")
  end
  if is("local_fund", "no") then
    rec("local_finance", 1,
      "Create or co-fund a local SSE fund, ideally managed with a solidarity finance intermediary (UNRISD/GSEF Guidelines topic 6; OECD Recommendation block 4).",
      "Créer ou cofinancer un fonds local pour l'ESS, idéalement géré avec un intermédiaire de la finance solidaire (Lignes directrices UNRISD/GSEF, thème 6 ; Recommandation de l'OCDE, pilier 4).",
      "Crear o cofinanciar un fondo local para la ESS, idealmente gestionado con un intermediario de finanzas solidarias (Directrices UNRISD/GSEF, tema 6; Recomendación de la OCDE, pilar 4).",
      {"local_fund"})
  end
  local v = rk.answer("local_instruments")
  local has_assets = false
  if type(v) == "table" then
    for _, x in ipairs(v) do if x == "premises" or x == "asset_transfer" then has_assets = true end end
  end
  if type(v) == "table" and not has_assets then
    rec("local_finance", 2,
      "Use the local government's own assets: public premises or land at low cost and community asset transfer to SSE entities (UNRISD/GSEF Guidelines topic 6).",
      "Mobiliser le patrimoine de la collectivité : locaux ou terrains publics à coût réduit et transfert d'actifs aux entités de l'ESS (Lignes directrices UNRISD/GSEF, thème 6).",
      "Usar el patrimonio propio del gobierno local: locales o terrenos públicos a bajo costo y transferencia de activos a entidades de la ESS (Directrices UNRISD/GSEF, tema 6).",
      {"local_instruments"})
  end
  if weak("local_finance_partners", 1) then
    rec("local_finance", 3,
      "Partner with solidarity finance intermediaries (cooperative banks, solidarity funds) to lever local public money (OECD Recommendation block 4).",
      "S'associer à des intermédiaires de la finance solidaire (banques coopératives, fonds solidaires) pour démultiplier l'argent public local (Recommandation de l'OCDE, pilier 4).",
      "Asociarse con intermediarios de finanzas solidarias (bancos cooperativos, fondos solidarios) para multiplicar el dinero público local (Recomendación de la OCDE, pilar 4).",
      {"local_finance_partners"})
  end
end

local function support()
  if weak("local_intermediaries", 0) then
    cap("local_support", "emerging",
      "No local intermediary supports SSE projects (UNRISD/GSEF Guidelines topic 4).",
      "Aucun intermédiaire local n'accompagne les projets d'ESS (Lignes directrices UNRISD/GSEF, thème 4).",
      "Ningún intermediario local apoya proyectos de ESS (Directrices UNRISD/GSEF, tema 4).")
  end
  if weak("local_intermediaries", 1) then
    rec("local_support", 1,
      "Fund a local development intermediary or hub on a multi-year basis, on the model of Quebec's CDECs, to support SSE projects from idea to growth (UNRISD/GSEF Guidelines topic 4).",
      "Financer de façon pluriannuelle un intermédiaire ou un pôle de développement local, sur le modèle des CDEC québécoises, pour accompagner les projets d'ESS de l'idée à la croissance (Lignes directrices UNRISD/GSEF, thème 4).",
      "Financiar de forma plurianual un intermediario o polo de desarrollo local, siguiendo el modelo de las CDEC de Quebec, para acompañar los proyectos de ESS de la idea al crecimiento (Directrices UNRISD/GSEF, tema 4).",
      {"local_intermediaries"})
  end
  if weak("local_training", 1) then
    rec("local_support", 2,
      "Offer training, incubation and advice tailored to SSE entrepreneurs, with local SSE networks (UNRISD/GSEF Guidelines topic 5).",
      "Offrir formation, incubation et conseil adaptés aux entrepreneurs de l'ESS, avec les réseaux locaux (Lignes directrices UNRISD/GSEF, thème 5).",
      "Ofrecer formación, incubación y asesoría adaptadas a los emprendedores de la ESS, con las redes locales de la ESS (Directrices UNRISD/GSEF, tema 5).",
      {"local_training"})
  end
  if weak("informal_support", 1) then
    rec("local_support", 2,
      "Help informal workers organise in cooperatives or associations (vendors, waste pickers, care workers), with simple registration and access to social protection (ILO 2022 conclusions).",
      "Aider les travailleurs informels à s'organiser en coopératives ou associations (vendeurs, récupérateurs, travailleurs du soin), avec un enregistrement simple et l'accès à la protection sociale (conclusions de l'OIT 2022).",
      "Ayudar a los trabajadores informales a organizarse en cooperativas o asociaciones (vendedores, recicladores, trabajadores del cuidado), con un registro sencillo y acceso a la protección social (conclusiones de la OIT 2022).",
      {"informal_support"})
  end
end

local function markets()
  if weak("municipal_procurement", 0) then
    cap("local_markets", "emerging",
      "The local government does not buy from the SSE at all (UNRISD/GSEF Guidelines topic 7; A/RES/77/281 para. 1(c)).",
      "La collectivité n'achète rien à l'ESS (Lignes directrices UNRISD/GSEF, thème 7 ; A/RES/77/281 par. 1(c)).",
      "El gobierno local no compra nada a la ESS (Directrices UNRISD/GSEF, tema 7; A/RES/77/281 párr. 1(c)).")
  end
  if weak("municipal_procurement", 1) then
    rec("local_markets", 1,
      "Adopt a responsible-procurement policy: social clauses, reserved contracts, smaller lots and a target for purchases from the SSE, and publish the results (UNRISD/GSEF Guidelines topic 7; A/RES/77/281 para. 1(c)).",
      "Adopter une politique d'achats responsables : clauses sociales, marchés réservés, allotissement et cible d'achats auprès de l'ESS, avec publication des résultats (Lignes directrices UNRISD/GSEF, thème 7 ; A/RES/77/281 par. 1(c)).",
      "Adoptar una política de compras responsables: cláusulas sociales, contratos reservados, lotes más pequeños y una meta de compras a la ESS, y publicar los resultados (Directrices UNRISD/GSEF, tema 7; A/RES/77/281 párr. 1(c)).",
      {"municipal_procurement"})
  end
  if weak("local_market_access", 1) then
    rec("local_markets", 3,
      "Open local markets to the SSE: SSE fairs, short supply chains, links with local firms (UNRISD/GSEF Guidelines topic 7).",
      "Ouvrir les marchés locaux à l'ESS : salons, circuits courts, liens avec les entreprises locales (Lignes directrices UNRISD/GSEF, thème 7).",
      "Abrir los mercados locales a la ESS: ferias de la ESS, circuitos cortos, vínculos con empresas locales (Directrices UNRISD/GSEF, tema 7).",
      {"local_market_access"})
  end
end

local function data()
  local d = lvl("local_data_maturity")
  if d == 0 then
    cap("local_data", "emerging",
      "There are no data on the local SSE (UNRISD/GSEF Guidelines topic 9).",
      "Il n'existe aucune donnée sur l'ESS locale (Lignes directrices UNRISD/GSEF, thème 9).",
      "No existe ningún dato sobre la ESS local (Directrices UNRISD/GSEF, tema 9).")
  end
  if d and d <= 2 then
    rec("local_data", 2,
      "Map the local SSE and ask the statistics office for a territorial breakdown of SSE statistics, then repeat it to follow change (UNRISD/GSEF Guidelines topic 9; A/RES/77/281 para. 1(b)).",
      "Cartographier l'ESS locale et demander à l'institut de statistique une ventilation territoriale, puis la renouveler pour suivre l'évolution (Lignes directrices UNRISD/GSEF, thème 9 ; A/RES/77/281 par. 1(b)).",
      "Mapear la ESS local y pedir al instituto de estadística un desglose territorial de las estadísticas de la ESS, y repetirlo para seguir su evolución (Directrices UNRISD/GSEF, tema 9; A/RES/77/281 párr. 1(b)).",
      {"local_data_maturity"})
  end
  if is("local_research", "no") then
    rec("local_data", 3,
      "Commission research on the local SSE with a university or research centre (UNRISD/GSEF Guidelines topic 9).",
      "Commander une recherche sur l'ESS locale à une université ou un centre de recherche (Lignes directrices UNRISD/GSEF, thème 9).",
      "Encargar una investigación sobre la ESS local a una universidad o centro de investigación (Directrices UNRISD/GSEF, tema 9).",
      {"local_research"})
  end
  if is("local_awareness", "no") then
    rec("local_data", 3,
      "Run SSE awareness actions with local networks: an SSE month, fairs, awards, school projects (UNRISD/GSEF Guidelines topic 8).",
      "Mener des actions de sensibilisation avec les réseaux locaux : mois de l'ESS, salons, prix, projets scolaires (Lignes directrices UNRISD/GSEF, thème 8).",
      "Realizar acciones de sensibilización sobre la ESS con las redes locales: un mes de la ESS, ferias, premios, proyectos escolares (Directrices UNRISD/GSEF, tema 8).",
      {"local_awareness"})
  end
end

local function multilevel()
  local h = rk.answer("higher_framework")
  if h == "none" or h == "draft" then
    gap("multilevel", 2,
      "No SSE law applies at a higher level: local action lacks a legal definition to refer to; advocate, with other cities, for national SSE legislation (A/RES/77/281 para. 1(a)).",
      "Aucune loi sur l'ESS ne s'applique à un niveau supérieur : l'action locale n'a pas de définition légale de référence ; plaider, avec d'autres villes, pour une législation nationale (A/RES/77/281 par. 1(a)).",
      "No se aplica ninguna ley de ESS de nivel superior: la acción local carece de una definición legal de referencia; abogar, junto con otras ciudades, por una legislación nacional de ESS (A/RES/77/281 párr. 1(a)).",
      {"higher_framework"})
  end
  if weak("vertical_coordination", 1) then
    rec("multilevel", 2,
      "Seek agreements and co-funded programmes with regional and national governments on the SSE (OECD Recommendation block 2: vertical co-ordination).",
      "Rechercher des conventions et des programmes cofinancés avec les niveaux régional et national (Recommandation de l'OCDE, pilier 2 : coordination verticale).",
      "Buscar convenios y programas cofinanciados con los gobiernos regional y nacional sobre la ESS (Recomendación de la OCDE, pilar 2: coordinación vertical).",
      {"vertical_coordination"})
  end
  if is("city_network", "no") then
    rec("multilevel", 3,
      "Join a network of local governments for the SSE, such as GSEF, for peer learning (UNRISD/GSEF Guidelines).",
      "Adhérer à un réseau de collectivités pour l'ESS, comme le GSEF, pour apprendre entre pairs (Lignes directrices UNRISD/GSEF).",
      "Unirse a una red de gobiernos locales para la ESS, como el GSEF, para aprender entre pares (Directrices UNRISD/GSEF).",
      {"city_network"})
  end
end

-- The answered share of a pillar's scored weight (rk.coverage), nil when it has none.
-- Pillar and result layers only.
local function weight_answered(pillar)
  local c = rk.coverage(pillar)
  if c.weight > 0 then return c.answered_weight / c.weight end
  return nil
end

-- The evidence gate: the share of scored questions answered; below 20% the overall
-- level is capped at Developing, below 50% at Established, and the result is flagged as provisional.
local function evidence_gate()
  -- the applicable scored questions and the answered ones, counted as the
  -- result's own "confidence" counts them
  local c = rk.coverage()
  local scored, answered = c.questions - c.skipped, c.answered
  if scored == 0 then return nil end
  local pct = math.floor(answered / scored * 100 + 0.5)
  rk.indicator{id = "answered_share", value = pct, unit = "%",
    label = {en = "Scored questions answered", fr = "Questions notées ayant une réponse", es = "Preguntas puntuadas con respuesta"}}
  if pct >= 20 and pct < 50 then
    rk.cap{level = "established", reason = {
      en = "Evidence on fewer than half of the scored questions (" .. pct .. "%): the top level cannot be confirmed and the overall score is held at 79.9 at most.",
      fr = "Des preuves pour moins de la moitié des questions notées (" .. pct .. " %) : le niveau le plus élevé ne peut être confirmé et le score global est limité à 79,9.",
      es = "Evidencia para menos de la mitad de las preguntas puntuadas (" .. pct .. " %): no se puede confirmar el nivel más alto y la puntuación global se limita a 79,9."}}
  end
  if pct < 20 then
    rk.cap{level = "developing", reason = {
      en = "Evidence on fewer than 20% of the scored questions (" .. pct .. "%): a higher level cannot be confirmed and the overall score is held at 59.9 at most.",
      fr = "Des preuves pour moins de 20 % des questions notées (" .. pct .. " %) : un niveau supérieur ne peut être confirmé et le score global est limité à 59,9.",
      es = "Evidencia para menos del 20 % de las preguntas puntuadas (" .. pct .. " %): no se puede confirmar un nivel superior y la puntuación global se limita a 59,9."}}
  end
  if pct < 50 then
    gap(nil, 1,
      "Only " .. pct .. "% of the scored questions have an answer: the scores rest on partial evidence and the levels are provisional.",
      "Seules " .. pct .. " % des questions notées ont une réponse : les scores reposent sur des preuves partielles et les niveaux sont provisoires.",
      "Solo el " .. pct .. " % de las preguntas puntuadas tiene respuesta: las puntuaciones se basan en evidencia parcial y los niveles son provisionales.")
  end
  return pct
end

-- A provisional result keeps its level cap and also gets a score ceiling at the top of
-- that level (79.9 under Established, 59.9 under Developing), as in sse-national.lua, so
-- that a partial file does not read as ahead of a complete one.
local function provisional_ceiling(pct, score)
  if pct == nil or type(score) ~= "number" then return nil end
  local ceiling = (pct < 20 and 59.9) or (pct < 50 and 79.9) or nil
  if ceiling and score > ceiling then return ceiling end
  return nil
end

-- Strength findings name what is strong, from the answers, and one concrete next step for
-- the pillar, instead of one generic line repeated for every pillar.
local function at_least(id, n) local v = lvl(id); return v ~= nil and v >= n end
local function yes(id) return is(id, "yes") end

local STRONG = {
  local_policy = {
    {function () return at_least("local_strategy", 3) end, "a funded local SSE strategy", "une stratégie locale d'ESS financée", "una estrategia local de ESS financiada"},
    {function () return yes("local_legal_act") end, "a council act on the SSE", "une délibération sur l'ESS", "un acuerdo del concejo sobre la ESS"},
    {function () return at_least("local_dev_plan", 3) end, "the SSE in the local development plan", "l'ESS dans le plan de développement local", "la ESS en el plan de desarrollo local"},
    {function () return yes("sse_office") end, "a service or elected official in charge of the SSE", "un service ou un élu chargé de l'ESS", "un servicio o cargo electo a cargo de la ESS"},
  },
  local_coconstruction = {
    {function () return yes("joint_body") end, "a joint body with the local SSE networks", "une instance commune avec les réseaux locaux de l'ESS", "un órgano conjunto con las redes locales de la ESS"},
    {function () return at_least("local_co_design", 3) end, "measures drafted and run with SSE actors", "des mesures élaborées et conduites avec les acteurs de l'ESS", "medidas redactadas y ejecutadas con los actores de la ESS"},
    {function () return yes("local_sse_network") end, "a local SSE network that speaks for the sector", "un réseau local de l'ESS qui porte la voix du secteur", "una red local de la ESS que habla por el sector"},
  },
  local_finance = {
    {function () return yes("local_fund") end, "a local SSE fund or grant programme", "un fonds ou programme de subventions local pour l'ESS", "un fondo o programa local de subvenciones para la ESS"},
    {function () return (count("local_instruments") or 0) >= 2 end, "several local instruments", "plusieurs instruments locaux", "varios instrumentos locales"},
    {function () return at_least("local_finance_partners", 3) end, "partnerships with solidarity finance", "des partenariats avec la finance solidaire", "alianzas con las finanzas solidarias"},
  },
  local_support = {
    {function () return at_least("local_intermediaries", 3) end, "local development intermediaries", "des intermédiaires de développement local", "intermediarios de desarrollo local"},
    {function () return at_least("local_training", 3) end, "local training and incubation", "de la formation et de l'incubation locales", "formación e incubación locales"},
    {function () return at_least("informal_support", 3) end, "support for informal workers to organise", "un appui à l'organisation des travailleurs informels", "apoyo a la organización de los trabajadores informales"},
  },
  local_markets = {
    {function () return at_least("municipal_procurement", 3) end, "municipal purchasing from the SSE", "des achats municipaux auprès de l'ESS", "compras municipales a la ESS"},
    {function () return at_least("local_market_access", 3) end, "programmes that open markets to SSE entities", "des programmes d'accès aux marchés pour l'ESS", "programas de acceso a mercados para la ESS"},
  },
  local_data = {
    {function () return at_least("local_data_maturity", 3) end, "official data on the local SSE", "des données officielles sur l'ESS locale", "datos oficiales sobre la ESS local"},
    {function () return yes("local_research") end, "work with universities", "un travail avec les universités", "trabajo con las universidades"},
    {function () return yes("local_awareness") end, "recurring awareness events", "des événements de sensibilisation récurrents", "eventos de sensibilización recurrentes"},
  },
  multilevel = {
    {function () return is("higher_framework", "framework") end, "an SSE framework law at a higher level", "une loi-cadre sur l'ESS à un niveau supérieur", "una ley marco de ESS en un nivel superior"},
    {function () return at_least("vertical_coordination", 3) end, "co-ordination with regional and national policy", "une coordination avec les politiques régionales et nationales", "coordinación con la política regional y nacional"},
    {function () return yes("city_network") end, "membership of a network of SSE cities", "l'adhésion à un réseau de villes de l'ESS", "la pertenencia a una red de ciudades de la ESS"},
  },
}

local NEXT = {
  local_policy = {
    "schedule a public evaluation of the strategy with the local SSE networks before renewing it (UNRISD/GSEF Guidelines topic 3).",
    "programmer une évaluation publique de la stratégie avec les réseaux locaux de l'ESS avant de la renouveler (Lignes directrices UNRISD/GSEF, thème 3).",
    "programar una evaluación pública de la estrategia con las redes locales de la ESS antes de renovarla (Directrices UNRISD/GSEF, tema 3)."},
  local_coconstruction = {
    "give the joint body a role in monitoring the measures, with published minutes (UNRISD/GSEF Guidelines topic 1).",
    "donner à l'instance commune un rôle dans le suivi des mesures, avec des comptes rendus publiés (Lignes directrices UNRISD/GSEF, thème 1).",
    "dar al órgano conjunto un papel en el seguimiento de las medidas, con actas publicadas (Directrices UNRISD/GSEF, tema 1)."},
  local_finance = {
    "report each year what the local funds committed, to whom and with what results (UNRISD/GSEF Guidelines topic 6).",
    "rendre compte chaque année des engagements des fonds locaux, de leurs bénéficiaires et de leurs résultats (Lignes directrices UNRISD/GSEF, thème 6).",
    "informar cada año de lo que comprometieron los fondos locales, a quién y con qué resultados (Directrices UNRISD/GSEF, tema 6)."},
  local_support = {
    "agree shared results indicators with the intermediaries and tie multi-year funding to them (UNRISD/GSEF Guidelines topic 4).",
    "convenir d'indicateurs de résultats communs avec les intermédiaires et y adosser un financement pluriannuel (Lignes directrices UNRISD/GSEF, thème 4).",
    "acordar indicadores de resultados comunes con los intermediarios y vincular a ellos una financiación plurianual (Directrices UNRISD/GSEF, tema 4)."},
  local_markets = {
    "publish each year the share of municipal purchases won by SSE entities and set a target (UNRISD/GSEF Guidelines topic 7).",
    "publier chaque année la part des achats municipaux obtenue par les entités de l'ESS et fixer une cible (Lignes directrices UNRISD/GSEF, thème 7).",
    "publicar cada año la proporción de compras municipales obtenida por entidades de la ESS y fijar una meta (Directrices UNRISD/GSEF, tema 7)."},
  local_data = {
    "add a local indicator set (organisations, jobs, revenue per inhabitant) updated on a fixed calendar (UNRISD/GSEF Guidelines topic 9).",
    "ajouter un jeu d'indicateurs locaux (organisations, emplois, chiffre d'affaires par habitant) mis à jour selon un calendrier fixe (Lignes directrices UNRISD/GSEF, thème 9).",
    "añadir un conjunto de indicadores locales (organizaciones, empleos, ingresos por habitante) actualizado con un calendario fijo (Directrices UNRISD/GSEF, tema 9)."},
  multilevel = {
    "write the local measures into the next regional or national SSE plan as co-funded actions (OECD Recommendation block 2).",
    "inscrire les mesures locales dans le prochain plan régional ou national d'ESS comme actions cofinancées (Recommandation de l'OCDE, pilier 2).",
    "incluir las medidas locales en el próximo plan regional o nacional de ESS como acciones cofinanciadas (Recomendación de la OCDE, pilar 2)."},
}

local function strength(id, score)
  local got = {{}, {}, {}}
  for _, item in ipairs(STRONG[id] or {}) do
    if item[1]() then
      for li = 1, 3 do got[li][#got[li] + 1] = item[li + 1] end
    end
  end
  local what = {"most answers are at the top of the scale", "la plupart des réponses sont en haut de l'échelle",
    "la mayoría de las respuestas están en lo alto de la escala"}
  if #got[1] > 0 then
    for li = 1, 3 do what[li] = table.concat(got[li], li == 2 and " ; " or "; ") end
  end
  local sc, step = math.floor(score + 0.5), NEXT[id]
  rk.finding{pillar = id, priority = 3, kind = "strength", text = {
    en = "Strength (" .. sc .. "/100): " .. what[1] .. ". Next step: " .. step[1],
    fr = "Point fort (" .. sc .. "/100) : " .. what[2] .. ". Prochaine étape : " .. step[2],
    es = "Punto fuerte (" .. sc .. "/100): " .. what[3] .. ". Próximo paso: " .. step[3]}}
end

local function indicators(r)
  local orgs, pop = num("local_org_count"), num("local_population")
  if orgs and pop and pop > 0 then
    rk.indicator{id = "orgs_per_10k", pillar = "local_data",
      label = {en = "SSE organisations per 10,000 inhabitants", fr = "Organisations de l'ESS pour 10 000 habitants", es = "Organizaciones de la ESS por 10 000 habitantes"},
      value = math.floor(orgs / pop * 10000 * 10 + 0.5) / 10}
  end
  local b = num("local_budget")
  if b then
    rk.indicator{id = "local_budget_share", pillar = "local_policy", value = b, unit = "%",
      label = {en = "Share of the local budget for the SSE", fr = "Part du budget local pour l'ESS", es = "Participación del presupuesto local para la ESS"}}
  end
  local pct = evidence_gate()
  for _, id in ipairs(ORDER) do
    local p = r.pillars and r.pillars[id]
    if p and p.score == nil then
      gap(id, 2,
        "No answer with evidence was given, so this pillar is not scored: collect the evidence the help texts name.",
        "Aucune réponse étayée n'a été fournie, ce pilier n'est donc pas noté : réunir les preuves indiquées dans l'aide.",
        "No se dio ninguna respuesta con evidencia, por lo que este pilar no se puntúa: reunir la evidencia que indican los textos de ayuda.")
    elseif p and p.score >= 75 and (weight_answered(id) or 0) >= 0.5 then
      strength(id, p.score)
    end
  end
  return pct
end

return {
  -- every indicator this file may add: CSV columns whatever the answers
  indicators = {"orgs_per_10k", "local_budget_share", "answered_share"},
  -- Pillar evidence gate: the share of the pillar's scored weight that has an answer.
  -- Under 40%, the pillar's score rests on minor questions: its level is capped at
  -- Developing. Strengths are only claimed at 50% or more.
  pillar = function (p, s)
    local share = weight_answered(p.id)
    if share and share > 0 and share < 0.4 then
      local pct = math.floor(share * 100 + 0.5)
      rk.cap{pillar = p.id, level = "developing", reason = {
        en = "Only " .. pct .. "% of this pillar's weight is answered: the score rests on minor questions.",
        fr = "Seuls " .. pct .. " % du poids de ce pilier ont une réponse : le score repose sur des questions secondaires.",
        es = "Solo el " .. pct .. " % del peso de este pilar tiene respuesta: la puntuación se basa en preguntas secundarias."}}
    end
    return nil
  end,

  result = function (r)
    policy()
    coconstruction()
    finance()
    support()
    markets()
    data()
    multilevel()
    local pct = indicators(r)
    local ceiling = provisional_ceiling(pct, r.score)
    if ceiling then return {score = ceiling} end
    return nil
  end,
}
