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

-- Who acts on a pillar's recommendations (en, fr, es), and the horizon of each priority.
local CITY = {"the local government's SSE service", "le service de l'ESS de la collectivité", "el servicio de ESS del gobierno local"}
local WHO = {
  local_policy = {"the mayor and council", "le maire et le conseil", "la alcaldía y el concejo"},
  local_coconstruction = {"the local government, with the local SSE networks", "la collectivité, avec les réseaux locaux de l'ESS", "el gobierno local, con las redes locales de la ESS"},
  local_finance = {"the local government's finance department, with solidarity finance bodies", "les services financiers de la collectivité, avec les organismes de finance solidaire", "el área de hacienda del gobierno local, con las entidades de finanzas solidarias"},
  local_support = CITY,
  local_markets = {"the local government's procurement department", "le service des achats de la collectivité", "el área de compras del gobierno local"},
  local_data = {"the local government, with the statistics office and universities", "la collectivité, avec l'institut statistique et les universités", "el gobierno local, con la oficina de estadística y las universidades"},
  multilevel = {"the local government, with the regional and national governments", "la collectivité, avec les gouvernements régional et national", "el gobierno local, con los gobiernos regional y nacional"},
}
local WHEN = {
  {"within 12 months", "dans les 12 mois", "en un plazo de 12 meses"},
  {"within 2 years", "dans les 2 ans", "en un plazo de 2 años"},
  {"within the council's term", "d'ici la fin du mandat", "antes del fin del mandato"},
}

-- At most three priority-1 findings per answers file; reset at the first pillar.
local top_findings = 0
local function bounded(priority)
  if priority ~= 1 then return priority end
  top_findings = top_findings + 1
  return top_findings <= 3 and 1 or 2
end

-- A recommendation on an answered weakness, with who acts and by when.
local function rec(pillar, priority, en, fr, es, questions)
  priority = bounded(priority)
  local who, when = WHO[pillar] or CITY, WHEN[priority]
  rk.finding{pillar = pillar, priority = priority, kind = "recommendation", questions = questions, text = {
    en = en .. " Who: " .. who[1] .. "; " .. when[1] .. ".",
    fr = fr .. " Qui : " .. who[2] .. " ; " .. when[2] .. ".",
    es = es .. " Quién: " .. who[3] .. "; " .. when[3] .. "."}}
end
local function gap(pillar, priority, en, fr, es, questions)
  rk.finding{pillar = pillar, priority = bounded(priority), kind = "gap",
             text = {en = en, fr = fr, es = es}, questions = questions}
end
-- The questionnaire's levels, lowest first (read-only: the same for every answers file).
local LEVELS = rk.questionnaire.levels

local function rank(level)
  for i, l in ipairs(LEVELS) do if l.id == level then return i end end
  return #LEVELS + 1
end

-- The lower of two level ids (either may be nil).
local function lower(a, b)
  if a == nil then return b end
  if b == nil then return a end
  return rank(a) <= rank(b) and a or b
end

-- The highest score a level covers: just under the next level's minimum.
local function top_of(level)
  local nxt = LEVELS[rank(level) + 1]
  return nxt and nxt.min - 0.1 or 100
end

-- The pillar layer's record of the lowest level it capped its pillar at; set to a fresh
-- table at the start of every pillar call and cleared at its end, so nothing carries
-- over from one pillar (or one answers file) to the next.
local gate

local function cap(pillar, level, en, fr, es)
  rk.cap{pillar = pillar, level = level, reason = {en = en, fr = fr, es = es}}
  if gate and pillar then gate.level = lower(gate.level, level) end
end

-- An answer that names its source: the only kind the evidence gates count.
local function sourced(id)
  local a = rk.get(id)
  return a.state == "answered" and a.source ~= nil and a.source ~= ""
end


local ORDER = {"local_policy", "local_coconstruction", "local_finance", "local_support",
  "local_markets", "local_data", "multilevel"}
local function policy()
  if weak("local_strategy", 0) and is("sse_unit", "no") and is("sse_portfolio", "no") then
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
  if is("sse_unit", "no") then
    rec("local_policy", 2,
      "Give a service (and an elected official) an explicit SSE portfolio as a single entry point for SSE actors (OECD Recommendation block 2).",
      "Confier à un service (et à un élu) un portefeuille ESS explicite, guichet unique pour les acteurs de l'ESS (Recommandation de l'OCDE, volet 2).",
      "Dar a un servicio (y a un cargo electo) una cartera explícita de ESS como ventanilla única para los actores de la ESS (Recomendación de la OCDE, componente 2).",
      {"sse_unit"})
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
      "Earmark a visible, multi-year budget line for the SSE (UNRISD/GSEF Guidelines topic 6; A/RES/77/281 para. 1 (business support, financial services and funding)).",
      "Réserver une ligne budgétaire visible et pluriannuelle pour l'ESS (Lignes directrices UNRISD/GSEF, thème 6 ; A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement)).",
      "Reservar una partida presupuestaria visible y plurianual para la ESS (Directrices UNRISD/GSEF, tema 6; A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación)).",
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
      "Set up a formal joint body of the local government and local SSE networks to design and monitor SSE policy (UNRISD/GSEF Guidelines topic 1; A/RES/77/281 para. 1 (participation in policymaking)).",
      "Créer un organe conjoint formel entre la collectivité et les réseaux locaux de l'ESS pour concevoir et suivre la politique d'ESS (Lignes directrices UNRISD/GSEF, thème 1 ; A/RES/77/281 par. 1 (participation à l'élaboration des politiques)).",
      "Crear un órgano conjunto formal del gobierno local y las redes locales de la ESS para diseñar y seguir la política de ESS (Directrices UNRISD/GSEF, tema 1; A/RES/77/281 párr. 1 (participación en la formulación de políticas)).",
      {"joint_body"})
  end
  if weak("local_co_design", 1) then
    rec("local_coconstruction", 2,
      "Move from information to co-construction: draft, deliver and monitor the next SSE measures jointly with SSE actors (UNRISD/GSEF Guidelines topic 1).",
      "Passer de l'information à la co-construction : rédiger, mettre en œuvre et suivre les prochaines mesures avec les acteurs de l'ESS (Lignes directrices UNRISD/GSEF, thème 1).",
      "Pasar de la información a la coconstrucción: redactar, ejecutar y seguir las próximas medidas de ESS junto con los actores de la ESS (Directrices UNRISD/GSEF, tema 1).",
      {"local_co_design"})
  end
  if is("local_sse_network", "no") then
    rec("local_coconstruction", 2,
      "Support the creation of a local SSE network or round table that can speak for local SSE actors (OECD Recommendation block 1 (networks)).",
      "Soutenir la création d'un réseau ou d'une table locale de l'ESS capable de parler au nom des acteurs locaux (Recommandation de l'OCDE, volet 1 (réseaux)).",
      "Apoyar la creación de una red o mesa local de la ESS capaz de hablar en nombre de los actores locales (Recomendación de la OCDE, componente 1 (redes)).",
      {"local_sse_network"})
  end
end

local function finance()
  if is("local_fund", "no") and weak("local_finance_partners", 1) then
    cap("local_finance", "emerging",
      "No local SSE fund and no partnership with solidarity finance (UNRISD/GSEF Guidelines topic 6; A/RES/77/281 para. 1 (business support, financial services and funding)).",
      "Ni fonds local pour l'ESS ni partenariat avec la finance solidaire (Lignes directrices UNRISD/GSEF, thème 6 ; A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement)).",
      "Ni fondo local para la ESS ni alianza con las finanzas solidarias (Directrices UNRISD/GSEF, tema 6; A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación)).")
  end
  if is("local_fund", "no") then
    rec("local_finance", 1,
      "Create or co-fund a local SSE fund, ideally managed with a solidarity finance intermediary (UNRISD/GSEF Guidelines topic 6; OECD Recommendation block 4).",
      "Créer ou cofinancer un fonds local pour l'ESS, idéalement géré avec un intermédiaire de la finance solidaire (Lignes directrices UNRISD/GSEF, thème 6 ; Recommandation de l'OCDE, volet 4).",
      "Crear o cofinanciar un fondo local para la ESS, idealmente gestionado con un intermediario de finanzas solidarias (Directrices UNRISD/GSEF, tema 6; Recomendación de la OCDE, componente 4).",
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
      "S'associer à des intermédiaires de la finance solidaire (banques coopératives, fonds solidaires) pour démultiplier l'argent public local (Recommandation de l'OCDE, volet 4).",
      "Asociarse con intermediarios de finanzas solidarias (bancos cooperativos, fondos solidarios) para multiplicar el dinero público local (Recomendación de la OCDE, componente 4).",
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
  if weak("informal_organising", 1) or weak("informal_protection", 1) then
    rec("local_support", 2,
      "Help informal workers organise in cooperatives or associations (vendors, waste pickers, care workers), with simple registration and access to social protection (ILO 2022 conclusions).",
      "Aider les travailleurs informels à s'organiser en coopératives ou associations (vendeurs, récupérateurs, travailleurs du soin), avec un enregistrement simple et l'accès à la protection sociale (conclusions de l'OIT 2022).",
      "Ayudar a los trabajadores informales a organizarse en cooperativas o asociaciones (vendedores, recicladores, trabajadores del cuidado), con un registro sencillo y acceso a la protección social (conclusiones de la OIT 2022).",
      {"informal_organising", "informal_protection"})
  end
end

local function markets()
  if weak("municipal_procurement", 0) then
    cap("local_markets", "emerging",
      "The local government does not buy from the SSE at all (UNRISD/GSEF Guidelines topic 7; A/RES/77/281 para. 1 (fiscal and procurement incentives)).",
      "La collectivité n'achète rien à l'ESS (Lignes directrices UNRISD/GSEF, thème 7 ; A/RES/77/281 par. 1 (incitations fiscales et commande publique)).",
      "El gobierno local no compra nada a la ESS (Directrices UNRISD/GSEF, tema 7; A/RES/77/281 párr. 1 (incentivos fiscales y de contratación pública)).")
  end
  if weak("municipal_procurement", 1) then
    rec("local_markets", 1,
      "Adopt a responsible-procurement policy: social clauses, reserved contracts, smaller lots and a target for purchases from the SSE, and publish the results (UNRISD/GSEF Guidelines topic 7; A/RES/77/281 para. 1 (fiscal and procurement incentives)).",
      "Adopter une politique d'achats responsables : clauses sociales, marchés réservés, allotissement et cible d'achats auprès de l'ESS, avec publication des résultats (Lignes directrices UNRISD/GSEF, thème 7 ; A/RES/77/281 par. 1 (incitations fiscales et commande publique)).",
      "Adoptar una política de compras responsables: cláusulas sociales, contratos reservados, lotes más pequeños y una meta de compras a la ESS, y publicar los resultados (Directrices UNRISD/GSEF, tema 7; A/RES/77/281 párr. 1 (incentivos fiscales y de contratación pública)).",
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
      "Map the local SSE and ask the statistics office for a territorial breakdown of SSE statistics, then repeat it to follow change (UNRISD/GSEF Guidelines topic 9; A/RES/77/281 para. 1 (national statistics)).",
      "Cartographier l'ESS locale et demander à l'institut de statistique une ventilation territoriale, puis la renouveler pour suivre l'évolution (Lignes directrices UNRISD/GSEF, thème 9 ; A/RES/77/281 par. 1 (statistiques nationales)).",
      "Mapear la ESS local y pedir al instituto de estadística un desglose territorial de las estadísticas de la ESS, y repetirlo para seguir su evolución (Directrices UNRISD/GSEF, tema 9; A/RES/77/281 párr. 1 (estadísticas nacionales)).",
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
      "No SSE law applies at a higher level: local action lacks a legal definition to refer to; advocate, with other cities, for national SSE legislation (A/RES/77/281 para. 1 (legal frameworks)).",
      "Aucune loi sur l'ESS ne s'applique à un niveau supérieur : l'action locale n'a pas de définition légale de référence ; plaider, avec d'autres villes, pour une législation nationale (A/RES/77/281 par. 1 (cadres juridiques)).",
      "No se aplica ninguna ley de ESS de nivel superior: la acción local carece de una definición legal de referencia; abogar, junto con otras ciudades, por una legislación nacional de ESS (A/RES/77/281 párr. 1 (marcos jurídicos)).",
      {"higher_framework"})
  end
  if weak("vertical_coordination", 1) then
    rec("multilevel", 2,
      "Seek agreements and co-funded programmes with regional and national governments on the SSE (OECD Recommendation block 2: vertical co-ordination).",
      "Rechercher des conventions et des programmes cofinancés avec les niveaux régional et national (Recommandation de l'OCDE, volet 2 : coordination verticale).",
      "Buscar convenios y programas cofinanciados con los gobiernos regional y nacional sobre la ESS (Recomendación de la OCDE, componente 2: coordinación vertical).",
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

-- ---------------------------------------------------------------- evidence policy
-- The same policy as sse-national.lua (one rules file per questionnaire: keep the two in step;
-- tests/cli/test_sse_policy.sh checks both).
-- No reward for not knowing, and implementation beside existence (questionnaires/README.md,
-- "How the SSE rules score"):
--   * a "don't know" or unanswered scored question counts at the median of its scale
--     (half its points) whenever that lowers its pillar, never when it would raise it;
--     a pillar with no answer at all counts at the median in the overall score;
--   * only answers that name a source count as evidence: a pillar with under 40% of its
--     scored weight sourced is capped at Developing; under 50% of the scored questions
--     sourced overall, the overall level is capped at Established, under 20% at Developing;
--   * a pillar where something exists but nothing is shown to operate (no scale answer
--     at "implemented with resources" or above and no sourced answer to an operation
--     question) is "adopted on paper": capped at Developing;
--   * every cap holds its score at the top of the capped level, so that a pillar cap also
--     bounds the overall score (the weighted mean of the pillar scores).

-- The share of a pillar's scored weight (the questions that apply) answered with a
-- source, from the pillar layer's s.questions; nil when no scored question applies.
local function sourced_share(s)
  local weight, got = 0, 0
  for _, x in ipairs(s.questions) do
    if x.counted and x.state ~= "skipped" and x.weight > 0 then
      weight = weight + x.weight
      if x.points and sourced(x.id) then got = got + x.weight end
    end
  end
  if weight == 0 then return nil end
  return got / weight
end

-- The pillar's score with every don't-know and unanswered scored question at half its
-- points (the median of its scale); nil when no scored question applies.
local function at_median(s)
  local sum, weight = 0, 0
  for _, x in ipairs(s.questions) do
    if x.counted and x.state ~= "skipped" and x.weight > 0 and x.max and x.max > 0 then
      sum = sum + x.weight * (x.points and x.points / x.max or 0.5)
      weight = weight + x.weight
    end
  end
  if weight == 0 then return nil end
  return 100 * sum / weight
end

-- Questions that say whether an instrument operates (budget spent, staff, meetings,
-- people or entities reached), with the share of their points that shows it does.
-- A scale question shows operation at 3 of 4 ("implemented with resources") or above;
-- legal_status only at its top ("implementing decrees or bodies").
local OPERATION = {continuity = 1, local_monitoring = 1, in_kind_support = 0.5, local_gender = 1,
  local_officials_training = 1}
local SCALE_OPERATES = {}

-- True when the pillar has an answer saying something exists but no sourced answer
-- showing that anything operates.
local function on_paper(s)
  local exists, operates = false, false
  for _, x in ipairs(s.questions) do
    if x.points and x.max and x.max > 0 then
      local share = x.points / x.max
      if share > 0 then exists = true end
      local q = rk.question(x.id)
      local need = OPERATION[x.id] or (q.type == "scale" and (SCALE_OPERATES[x.id] or 0.75))
      if need and share >= need and sourced(x.id) then operates = true end
    end
  end
  return exists and not operates
end

-- The pillar layer's evidence gates; caps go through cap() so that gate.level records them.
local function pillar_gates(p, s)
  local share = sourced_share(s)
  if share and share < 0.4 then
    local pct = math.floor(share * 100 + 0.5)
    cap(p.id, "developing",
      "Only " .. pct .. "% of this pillar's weight is answered with a source: the score rests on thin evidence.",
      "Seuls " .. pct .. " % du poids de ce pilier ont une réponse avec une source : le score repose sur des justificatifs insuffisants.",
      "Solo el " .. pct .. " % del peso de este pilar tiene una respuesta con fuente: la puntuación se basa en evidencia insuficiente.")
  end
  if on_paper(s) then
    cap(p.id, "developing",
      "Adopted on paper: no answer with a source shows that the instruments of this pillar operate (budget spent, staff, people or entities reached).",
      "Adopté sur le papier : aucune réponse avec une source ne montre que les instruments de ce pilier fonctionnent (budget dépensé, personnel, personnes ou entités touchées).",
      "Adoptado sobre el papel: ninguna respuesta con fuente muestra que los instrumentos de este pilar funcionan (presupuesto ejecutado, personal, personas o entidades alcanzadas).")
  end
end

-- The evidence gate of the whole result: the share of the scored questions that apply
-- answered with a source. Returns that share in %, or nil when no scored question applies.
local function evidence_gate()
  local c = rk.coverage()
  local scored = c.questions - c.skipped
  if scored == 0 then return nil end
  local n = 0
  for _, p in ipairs(rk.questionnaire.pillars) do
    for _, q in ipairs(p.questions) do
      if q.scored and sourced(q.id) then n = n + 1 end
    end
  end
  rk.indicator{id = "answered_share", value = math.floor(c.answered / scored * 100 + 0.5), unit = "%",
    label = {en = "Scored questions answered", fr = "Questions notées ayant une réponse", es = "Preguntas puntuadas con respuesta"}}
  local pct = math.floor(n / scored * 100 + 0.5)
  rk.indicator{id = "sourced_share", value = pct, unit = "%",
    label = {en = "Scored questions answered with a source", fr = "Questions notées ayant une réponse avec une source", es = "Preguntas puntuadas con respuesta y fuente"}}
  if pct >= 20 and pct < 50 then
    rk.cap{level = "established", reason = {
      en = "A source is given for fewer than half of the scored questions (" .. pct .. "%): the top level cannot be confirmed and the overall score is held at 79.9 at most.",
      fr = "Une source est donnée pour moins de la moitié des questions notées (" .. pct .. " %) : le niveau le plus élevé ne peut être confirmé et le score global est limité à 79,9.",
      es = "Se da una fuente para menos de la mitad de las preguntas puntuadas (" .. pct .. " %): no se puede confirmar el nivel más alto y la puntuación global se limita a 79,9."}}
  elseif pct < 20 then
    rk.cap{level = "developing", reason = {
      en = "A source is given for fewer than 20% of the scored questions (" .. pct .. "%): a higher level cannot be confirmed and the overall score is held at 59.9 at most.",
      fr = "Une source est donnée pour moins de 20 % des questions notées (" .. pct .. " %) : un niveau supérieur ne peut être confirmé et le score global est limité à 59,9.",
      es = "Se da una fuente para menos del 20 % de las preguntas puntuadas (" .. pct .. " %): no se puede confirmar un nivel superior y la puntuación global se limita a 59,9."}}
  end
  if pct < 50 then
    gap(nil, 1,
      "Only " .. pct .. "% of the scored questions have an answer with a source: the scores rest on partial evidence and the levels are provisional.",
      "Seules " .. pct .. " % des questions notées ont une réponse avec une source : les scores reposent sur des justificatifs partiels et les niveaux sont provisoires.",
      "Solo el " .. pct .. " % de las preguntas puntuadas tiene una respuesta con fuente: las puntuaciones se basan en evidencia parcial y los niveles son provisionales.")
  end
  return pct
end

-- The overall score under the evidence policy: pillars without a score count at the
-- median (50), and the overall caps (thin sourced evidence; no legal recognition at
-- all) hold the score at the top of their level. Returns the new score or nil.
local function overall_score(r, pct, level)
  local score = r.score
  if type(score) ~= "number" then return nil end
  local sum, weight = 0, 0
  for _, p in ipairs(r.pillars) do
    if p.weight > 0 then
      sum = sum + p.weight * (p.score or 50)
      weight = weight + p.weight
    end
  end
  if weight > 0 and sum / weight < score then score = sum / weight end
  if pct and pct < 20 then level = lower(level, "developing")
  elseif pct and pct < 50 then level = lower(level, "established") end
  if level and score > top_of(level) then score = top_of(level) end
  if score ~= r.score then return score end
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
    {function () return yes("sse_unit") or yes("sse_portfolio") end, "a service or elected official in charge of the SSE", "un service ou un élu chargé de l'ESS", "un servicio o cargo electo a cargo de la ESS"},
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
    {function () return at_least("informal_organising", 3) end, "support for informal workers to organise", "un appui à l'organisation des travailleurs informels", "apoyo a la organización de los trabajadores informales"},
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
    "inscrire les mesures locales dans le prochain plan régional ou national d'ESS comme actions cofinancées (Recommandation de l'OCDE, volet 2).",
    "incluir las medidas locales en el próximo plan regional o nacional de ESS como acciones cofinanciadas (Recomendación de la OCDE, componente 2)."},
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

-- The share of a pillar's scored weight answered with a source (result layer).
local function sourced_weight(pillar)
  local weight, got = 0, 0
  for _, p in ipairs(rk.questionnaire.pillars) do
    if p.id == pillar then
      for _, q in ipairs(p.questions) do
        local a = rk.get(q.id)
        if q.scored and a.state ~= "skipped" then
          weight = weight + q.weight
          if sourced(q.id) then got = got + q.weight end
        end
      end
    end
  end
  if weight == 0 then return nil end
  return got / weight
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
        "No answer was given, so this pillar counts at the median of its scale: gather the evidence the help texts name (the city's SSE service, with the local SSE networks, within a year).",
        "Aucune réponse n'a été donnée : ce pilier compte pour le milieu de son échelle. Réunir les justificatifs indiqués dans l'aide (le service de l'ESS de la collectivité, avec les réseaux locaux de l'ESS, dans l'année).",
        "No se dio ninguna respuesta, por lo que este pilar cuenta en la mitad de su escala: reunir la evidencia que indican los textos de ayuda (el servicio de ESS del gobierno local, con las redes locales de la ESS, en el plazo de un año).")
    elseif p and p.score >= 75 and (sourced_weight(id) or 0) >= 0.5 then
      strength(id, p.score)
    end
  end
  return pct
end

-- Findings on the 2.0.0 questions, on answered weaknesses only.
local EXTRA = {
  local_policy = function ()
    if is("continuity", "ended") then
      gap("local_policy", 1,
        "Local SSE policy was ended or cut back after a change of majority: anchor it in a council act and multi-year agreements (UNRISD/GSEF Guidelines topic 2).",
        "La politique locale d'ESS a été arrêtée ou réduite après une alternance : l'ancrer dans une délibération et des conventions pluriannuelles (Lignes directrices UNRISD/GSEF, thème 2).",
        "La política local de ESS se terminó o se recortó tras un cambio de mayoría: anclarla en un acuerdo del concejo y en convenios plurianuales (Directrices UNRISD/GSEF, tema 2).",
        {"continuity"})
    end
    if is("local_monitoring", "none") or is("local_monitoring", "outputs") then
      rec("local_policy", 2,
        "Set a baseline and publish an evaluation of the outcomes of local SSE policy (jobs, lasting entities, people reached) with the local SSE networks (UNRISD/GSEF Guidelines topic 9; OECD Recommendation block 7).",
        "Établir une situation de référence et publier une évaluation des résultats de la politique locale d'ESS (emplois, entités pérennes, personnes touchées) avec les réseaux locaux de l'ESS (Lignes directrices UNRISD/GSEF, thème 9 ; Recommandation de l'OCDE, volet 7).",
        "Fijar una línea de base y publicar una evaluación de los resultados de la política local de ESS (empleos, entidades que perduran, personas alcanzadas) con las redes locales de la ESS (Directrices UNRISD/GSEF, tema 9; Recomendación de la OCDE, componente 7).",
        {"local_monitoring"})
    end
  end,
  local_coconstruction = function ()
    if is("autonomy_safeguards", "discretionary") then
      rec("local_coconstruction", 2,
        "Publish the criteria of local support and move to multi-year agreements, so that support does not depend on who is in office (ILO 2022 conclusions, para. 5: autonomy and independence).",
        "Publier les critères de l'appui local et passer à des conventions pluriannuelles, pour que l'appui ne dépende pas de qui est en fonction (conclusions de l'OIT 2022, par. 5 : autonomie et indépendance).",
        "Publicar los criterios del apoyo local y pasar a convenios plurianuales, para que el apoyo no dependa de quién gobierna (conclusiones de la OIT 2022, párr. 5: autonomía e independencia).",
        {"autonomy_safeguards"})
    end
  end,
  local_support = function ()
    if is("local_officials_training", "none") then
      rec("local_support", 3,
        "Train the local officials who run SSE measures, with a yearly course or peer learning with other cities (A/RES/77/281 para. 1 (capacity-building); UNRISD/GSEF Guidelines topic 5).",
        "Former les agents locaux qui mettent en œuvre les mesures d'ESS, par une formation annuelle ou un apprentissage entre pairs avec d'autres villes (A/RES/77/281 par. 1 (renforcement des capacités) ; Lignes directrices UNRISD/GSEF, thème 5).",
        "Formar a los funcionarios locales que aplican las medidas de ESS, con un curso anual o aprendizaje entre pares con otras ciudades (A/RES/77/281 párr. 1 (creación de capacidad); Directrices UNRISD/GSEF, tema 5).",
        {"local_officials_training"})
    end
    if is("local_gender", "none") then
      rec("local_support", 3,
        "Publish data on women in local SSE entities and support women-led SSE entities with a dedicated measure (OECD Recommendation; ILO 2022 conclusions).",
        "Publier des données sur les femmes dans les entités locales de l'ESS et appuyer les entités de l'ESS dirigées par des femmes par une mesure dédiée (Recommandation de l'OCDE ; conclusions de l'OIT 2022).",
        "Publicar datos sobre las mujeres en las entidades locales de la ESS y apoyar a las entidades dirigidas por mujeres con una medida dedicada (Recomendación de la OCDE; conclusiones de la OIT 2022).",
        {"local_gender"})
    end
  end,
}

local PILLAR_RULES = {
  local_policy = policy, local_coconstruction = coconstruction, local_finance = finance,
  local_support = support, local_markets = markets, local_data = data, multilevel = multilevel,
}

return {
  -- every indicator this file may add: CSV columns whatever the answers
  indicators = {"orgs_per_10k", "local_budget_share", "answered_share", "sourced_share"},
  -- The pillar's own gates and recommendations, then the evidence gates (as in
  -- sse-national.lua).
  pillar = function (p, s)
    if p.index == 1 then top_findings = 0 end
    gate = {}
    local run = PILLAR_RULES[p.id]
    if run then run() end
    if EXTRA[p.id] then EXTRA[p.id]() end
    local score = s.score
    if type(score) == "number" then pillar_gates(p, s) end
    local level = gate.level
    gate = nil
    if type(score) ~= "number" then return nil end
    local m = at_median(s)
    if m and m < score then score = m end
    if level and score > top_of(level) then score = top_of(level) end
    if score ~= s.score then return {score = score} end
    return nil
  end,

  result = function (r)
    local pct = indicators(r)
    local score = overall_score(r, pct, nil)
    if score then return {score = score} end
    return nil
  end,
}
