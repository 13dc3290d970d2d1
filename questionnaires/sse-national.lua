-- Default rules of the national SSE readiness questionnaire (sse-national.yaml).
--
-- Runs after the standard scorer. It adds:
--   * gates: caps that the frameworks justify (no legal definition of the SSE caps the
--     legal pillar at "emerging"; no law at all caps the overall level at "developing";
--     no strategy and no lead body, no public funding and no intermediaries, no network
--     and no intermediaries, no consultation, no procurement or fiscal incentive, no
--     formalisation pathway where most work is informal: each caps its pillar at
--     "emerging"; no data caps statistics at "nascent", registers only at "emerging";
--     thin evidence caps a pillar at "developing" and the overall level at "established"
--     (under half answered) or "developing" (under 20%), and then holds the overall score
--     at the top of that level, 79.9 or 59.9);
--   * recommendations for each weak answer, naming the concrete step and the framework
--     text behind it (A/RES/77/281 para. 1, OECD Recommendation 2022 building blocks,
--     ILO 2022 conclusions, OECD/EU BEPT, UNRISD/GSEF Guidelines, EU texts);
--   * strengths for pillars that score high, naming what is strong and one next step;
--   * derived indicators (SSE organisations per 10,000 inhabitants, SSE jobs per 1,000
--     inhabitants, shares of employment and GVA, evidence coverage).
-- A gate or recommendation fires only on an answer that is known to be weak: an
-- unanswered or "don't know" question never triggers a cap (it is reported instead).

local function val(id) return rk.answer(id) end

-- A 0-4 maturity answer as a number, or nil when unknown.
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

-- Who acts on a pillar's recommendations (en, fr, es), unless a recommendation names
-- its own actor; and the horizon each priority stands for.
local WHO = {
  legal_framework = {"the government, with parliament", "le gouvernement, avec le parlement", "el gobierno, con el parlamento"},
  institutional_framework = {"the ministry in charge of the SSE", "le ministère chargé de l'ESS", "el ministerio a cargo de la ESS"},
  finance = {"the ministry of finance and the ministry in charge of the SSE, with development banks", "le ministère des Finances et le ministère chargé de l'ESS, avec les banques de développement", "el ministerio de Hacienda y el ministerio a cargo de la ESS, con la banca de desarrollo"},
  support_networks = {"the SSE networks, with the ministry in charge of the SSE", "les réseaux de l'ESS, avec le ministère chargé de l'ESS", "las redes de la ESS, con el ministerio a cargo de la ESS"},
  statistics = {"the national statistics office", "l'institut national de statistique", "el instituto nacional de estadística"},
  education_research = {"the ministries of education and higher education, with universities", "les ministères de l'Éducation et de l'Enseignement supérieur, avec les universités", "los ministerios de Educación y de Educación Superior, con las universidades"},
  markets_procurement = {"the public procurement authority and the ministry of finance", "l'autorité des marchés publics et le ministère des Finances", "la autoridad de contratación pública y el ministerio de Hacienda"},
  coconstruction_localization = {"the ministry in charge of the SSE, with the SSE networks and local governments", "le ministère chargé de l'ESS, avec les réseaux de l'ESS et les collectivités", "el ministerio a cargo de la ESS, con las redes de la ESS y los gobiernos locales"},
  social_protection_informality = {"the ministries of labour and social security", "les ministères du Travail et de la Sécurité sociale", "los ministerios de Trabajo y de Seguridad Social"},
  inclusion_transitions = {"the ministry in charge of the SSE, with the ministries for women, youth, environment and digital affairs", "le ministère chargé de l'ESS, avec les ministères chargés des femmes, de la jeunesse, de l'environnement et du numérique", "el ministerio a cargo de la ESS, con los ministerios de la mujer, la juventud, el medio ambiente y los asuntos digitales"},
}
local UNCT = {"the UN country team, with the government", "l'équipe de pays des Nations Unies, avec le gouvernement", "el equipo de las Naciones Unidas en el país, con el gobierno"}
local WHEN = {
  {"within 12 months", "dans les 12 mois", "en un plazo de 12 meses"},
  {"within 2 years", "dans les 2 ans", "en un plazo de 2 años"},
  {"within 3 to 5 years", "dans les 3 à 5 ans", "en un plazo de 3 a 5 años"},
}

-- The priority-1 findings of this answers file so far: at most three stay at the top
-- priority, the next ones become priority 2. Reset at the first pillar of every file.
local top_findings = 0

-- A finding at priority 1 while fewer than three have been given, else at most 2.
local function bounded(priority)
  if priority ~= 1 then return priority end
  top_findings = top_findings + 1
  return top_findings <= 3 and 1 or 2
end

-- A recommendation on an answered weakness, with who acts and by when.
local function rec(pillar, priority, en, fr, es, questions, who)
  priority = bounded(priority)
  who = who or WHO[pillar] or WHO.institutional_framework
  local when = WHEN[priority]
  rk.finding{pillar = pillar, priority = priority, kind = "recommendation", questions = questions, text = {
    en = en .. " Who: " .. who[1] .. "; " .. when[1] .. ".",
    fr = fr .. " Qui : " .. who[2] .. " ; " .. when[2] .. ".",
    es = es .. " Quién: " .. who[3] .. "; " .. when[3] .. "."}}
end

local function gap(pillar, priority, en, fr, es, questions)
  rk.finding{pillar = pillar, priority = bounded(priority), kind = "gap",
             text = {en = en, fr = fr, es = es}, questions = questions}
end

local function strength(pillar, en, fr, es, questions)
  rk.finding{pillar = pillar, priority = 3, kind = "strength",
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

-- ---------------------------------------------------------------- legal framework
local function legal()
  local status = val("legal_status")
  local no_law = status == "none" or status == "draft"
  -- "where appropriate": sectoral laws with a framework bill before parliament are held
  -- at Developing, not at Emerging like a country with nothing.
  local pending = status == "sectoral" and is("framework_bill", "yes")
  if no_law or is("legal_definition", "no") then
    cap("legal_framework", pending and "developing" or "emerging",
      "No SSE law with a legal definition of the SSE is in force (A/RES/77/281 para. 1 (legal frameworks)).",
      "Aucune loi définissant l'ESS n'est en vigueur (A/RES/77/281 par. 1 (cadres juridiques)).",
      "No hay en vigor ninguna ley que defina la ESS (A/RES/77/281 párr. 1 (marcos jurídicos)).")
  end
  if is("law_in_use", "unused") then
    gap("legal_framework", 1,
      "The SSE legislation exists but has not been used in the last two years (no entity registered, certified or funded under it): it is on paper (OECD Policy Guide on Legal Frameworks, evaluation phase).",
      "La législation sur l'ESS existe mais n'a pas servi au cours des deux dernières années (aucune entité enregistrée, agréée ou financée à ce titre) : elle reste sur le papier (Guide de l'OCDE sur les cadres juridiques, phase d'évaluation).",
      "La legislación sobre la ESS existe pero no se ha usado en los dos últimos años (ninguna entidad registrada, acreditada o financiada a su amparo): sigue sobre el papel (Guía de la OCDE sobre marcos jurídicos, fase de evaluación).",
      {"law_in_use"})
  end
  if is("framework_bill", "yes") then
    rec("legal_framework", 1,
      "A framework bill is before parliament: pass it with its implementing decrees, lead body and budget planned, so that it is used from the first year (OECD Policy Guide on Legal Frameworks, development phase; A/RES/77/281 para. 1 (legal frameworks)).",
      "Un projet de loi-cadre est déposé : l'adopter en prévoyant ses décrets d'application, son organisme chef de file et son budget, pour qu'il serve dès la première année (Guide de l'OCDE sur les cadres juridiques, phase d'élaboration ; A/RES/77/281 par. 1 (cadres juridiques)).",
      "Hay un proyecto de ley marco en el parlamento: aprobarlo con sus decretos de aplicación, su organismo rector y su presupuesto previstos, para que se use desde el primer año (Guía de la OCDE sobre marcos jurídicos, fase de elaboración; A/RES/77/281 párr. 1 (marcos jurídicos)).",
      {"framework_bill"})
  elseif no_law or (status == "sectoral" and is("legal_definition", "no")) then
    rec("legal_framework", 1,
      "Prepare an SSE framework law: start with the scoping phase of the OECD Policy Guide on Legal Frameworks for the SSE (2023), then define the SSE with the four ILO 2022 principles and list the entities it covers (A/RES/77/281 para. 1 (legal frameworks); OECD Recommendation block 3).",
      "Préparer une loi-cadre sur l'ESS : commencer par la phase de cadrage du Guide de l'OCDE sur les cadres juridiques de l'ESS (2023), puis définir l'ESS à partir des quatre principes de l'OIT (2022) et lister les entités couvertes (A/RES/77/281 par. 1 (cadres juridiques) ; Recommandation de l'OCDE, volet 3).",
      "Preparar una ley marco de ESS: empezar por la fase de delimitación de la Guía de la OCDE sobre marcos jurídicos para la ESS (2023), luego definir la ESS con los cuatro principios de la OIT (2022) y enumerar las entidades que abarca (A/RES/77/281 párr. 1 (marcos jurídicos); Recomendación de la OCDE, componente 3).",
      {"legal_status", "legal_definition"})
  end
  if no_law then
    cap(nil, "developing",
      "No SSE legislation is in force: the overall level cannot exceed Developing (A/RES/77/281 para. 1 (legal frameworks); OECD Recommendation block 3).",
      "Aucune législation sur l'ESS n'est en vigueur : le niveau global ne peut dépasser « En développement » (A/RES/77/281 par. 1 (cadres juridiques) ; Recommandation de l'OCDE, volet 3).",
      "No hay legislación sobre la ESS en vigor: el nivel global no puede superar «En desarrollo» (A/RES/77/281 párr. 1 (marcos jurídicos); Recomendación de la OCDE, componente 3).")
  elseif status == "sectoral" and not is("legal_definition", "no") then
    rec("legal_framework", 2,
      "Sectoral laws exist but no framework law: assess whether a framework law should give cooperatives, mutuals, associations and social enterprises a common definition and common support measures (OECD Policy Guide on Legal Frameworks, 2023; A/RES/77/281 para. 1 (legal frameworks)).",
      "Des lois sectorielles existent mais pas de loi-cadre : évaluer l'intérêt d'une loi-cadre donnant aux coopératives, mutuelles, associations et entreprises sociales une définition et des mesures d'appui communes (Guide de l'OCDE sur les cadres juridiques, 2023 ; A/RES/77/281 par. 1 (cadres juridiques)).",
      "Existen leyes sectoriales pero no una ley marco: evaluar si una ley marco debería dar a cooperativas, mutuales, asociaciones y empresas sociales una definición y medidas de apoyo comunes (Guía de la OCDE sobre marcos jurídicos, 2023; A/RES/77/281 párr. 1 (marcos jurídicos)).",
      {"legal_status"})
  elseif status == "framework" then
    rec("legal_framework", 2,
      "The framework law lacks implementing decrees or bodies: adopt them, with a funded action plan, so the law produces effects (OECD Recommendation block 3; OECD/EU BEPT legal module).",
      "La loi-cadre n'a pas encore ses décrets ou organes d'application : les adopter, avec un plan d'action financé, pour que la loi produise ses effets (Recommandation de l'OCDE, volet 3 ; module juridique du BEPT).",
      "La ley marco carece de decretos u organismos de aplicación: adoptarlos, con un plan de acción financiado, para que la ley surta efecto (Recomendación de la OCDE, componente 3; módulo jurídico de la BEPT OCDE/UE).",
      {"legal_status"})
  end
  local year = num("law_year")
  if year and year >= 2019 and not no_law then
    gap("legal_framework", 2,
      "The framework law is recent (" .. math.floor(year) .. "): set a baseline now (an official statistical portrait and indicators) so that the law can be evaluated (OECD Policy Guide on Legal Frameworks, evaluation phase).",
      "La loi-cadre est récente (" .. math.floor(year) .. ") : établir dès maintenant une situation de référence (portrait statistique officiel et indicateurs) pour pouvoir l'évaluer (Guide de l'OCDE sur les cadres juridiques, phase d'évaluation).",
      "La ley marco es reciente (" .. math.floor(year) .. "): establecer ya una línea de base (un informe estadístico oficial e indicadores) para poder evaluarla (Guía de la OCDE sobre marcos jurídicos, fase de evaluación).",
      {"law_year"})
  end
  local principles = count("definition_principles")
  if is("legal_definition", "yes") and principles and principles < 4 then
    rec("legal_framework", 2,
      "Align the legal definition with the four ILO 2022 principles (voluntary cooperation and mutual aid; democratic governance; autonomy; primacy of people over capital), as A/RES/77/281 repeats them.",
      "Aligner la définition légale sur les quatre principes de l'OIT (2022) (coopération volontaire et entraide ; gouvernance démocratique ; autonomie ; primauté des personnes sur le capital), repris par A/RES/77/281.",
      "Alinear la definición legal con los cuatro principios de la OIT (2022) (cooperación voluntaria y ayuda mutua; gobernanza democrática; autonomía; primacía de las personas sobre el capital), que retoma A/RES/77/281.",
      {"definition_principles"})
  end
  local kinds = count("entity_types")
  if kinds and kinds <= 2 then
    rec("legal_framework", 3,
      "Widen legal recognition to the entity types the ILO 2022 definition names (cooperatives, associations, mutuals, foundations, social enterprises, self-help groups).",
      "Élargir la reconnaissance légale aux types d'entités nommés par la définition de l'OIT (2022) (coopératives, associations, mutuelles, fondations, entreprises sociales, groupes d'entraide).",
      "Ampliar el reconocimiento legal a los tipos de entidades que nombra la definición de la OIT (2022) (cooperativas, asociaciones, mutuales, fundaciones, empresas sociales, grupos de autoayuda).",
      {"entity_types"})
  end
  if is("legal_label", "no") then
    rec("legal_framework", 3,
      "Create a legal status or label for social and solidarity enterprises (as France's ESUS label) so that targeted finance and procurement can refer to it (OECD/EU BEPT legal module).",
      "Créer un statut ou un agrément pour les entreprises sociales et solidaires (comme l'agrément ESUS en France) auquel l'appui financier et la commande publique puissent se référer (module juridique du BEPT).",
      "Crear un estatuto o una acreditación para las empresas sociales y solidarias (como la acreditación ESUS en Francia) al que puedan remitirse la financiación específica y la contratación pública (módulo jurídico de la BEPT OCDE/UE).",
      {"legal_label"})
  end
  if is("law_evaluated", "no") and not no_law then
    rec("legal_framework", 3,
      "Evaluate the SSE legislation with the SSE movement and revise it where needed (OECD Policy Guide on Legal Frameworks, evaluation phase).",
      "Évaluer la législation sur l'ESS avec le mouvement de l'ESS et la réviser au besoin (Guide de l'OCDE sur les cadres juridiques, phase d'évaluation).",
      "Evaluar la legislación sobre la ESS con el movimiento de la ESS y revisarla donde haga falta (Guía de la OCDE sobre marcos jurídicos, fase de evaluación).",
      {"law_evaluated"})
  end
end

-- ---------------------------------------------------------------- institutions
local function institutions()
  if weak("strategy", 0) and is("lead_body", "no") then
    cap("institutional_framework", "emerging",
      "No SSE strategy and no lead body (OECD Recommendation block 2).",
      "Ni stratégie d'ESS ni organisme chef de file (Recommandation de l'OCDE, volet 2).",
      "Ni estrategia de ESS ni organismo rector (Recomendación de la OCDE, componente 2).")
  end
  if weak("strategy", 1) then
    rec("institutional_framework", 1,
      "Adopt a national SSE strategy or action plan with a budget, a lead body, targets and indicators, prepared with SSE representatives (A/RES/77/281 para. 1; OECD Recommendation block 2; for EU members, Council Recommendation C/2023/1344: within 24 months).",
      "Adopter une stratégie ou un plan d'action national pour l'ESS, avec un budget, un pilote, des cibles et des indicateurs, élaboré avec les représentants de l'ESS (A/RES/77/281 par. 1 ; Recommandation de l'OCDE, volet 2 ; pour les membres de l'UE, Recommandation du Conseil C/2023/1344 : dans les 24 mois).",
      "Adoptar una estrategia o plan de acción nacional de ESS con presupuesto, organismo rector, metas e indicadores, elaborado con los representantes de la ESS (A/RES/77/281 párr. 1; Recomendación de la OCDE, componente 2; para los miembros de la UE, Recomendación del Consejo C/2023/1344: en 24 meses).",
      {"strategy"})
  elseif weak("strategy", 2) then
    rec("institutional_framework", 2,
      "Fund the adopted strategy, give it targets, indicators and a named lead, and plan its evaluation (OECD Recommendation block 2; OECD/EU BEPT institutional module).",
      "Financer la stratégie adoptée, lui donner des cibles, des indicateurs et un pilote désigné, et prévoir son évaluation (Recommandation de l'OCDE, volet 2 ; module institutionnel du BEPT).",
      "Financiar la estrategia adoptada, darle metas, indicadores y un responsable designado, y prever su evaluación (Recomendación de la OCDE, componente 2; módulo institucional de la BEPT OCDE/UE).",
      {"strategy"})
  end
  if is("lead_body", "no") then
    rec("institutional_framework", 1,
      "Designate a ministry, agency or unit with an explicit SSE mandate and staff (OECD Recommendation block 2; examples: INAES in Mexico, INACOOP in Uruguay).",
      "Désigner un ministère, une agence ou une unité avec un mandat explicite pour l'ESS et du personnel (Recommandation de l'OCDE, volet 2 ; exemples : INAES au Mexique, INACOOP en Uruguay).",
      "Designar un ministerio, agencia o unidad con un mandato explícito sobre la ESS y personal (Recomendación de la OCDE, componente 2; ejemplos: INAES en México, INACOOP en Uruguay).",
      {"lead_body"})
  end
  if weak("horizontal_coordination", 1) or weak("vertical_coordination", 1) then
    rec("institutional_framework", 2,
      "Set up horizontal co-ordination (an inter-ministerial committee, or a duty on every minister to consider the SSE, as in the Quebec Social Economy Act) and vertical co-ordination with regions and cities (OECD Recommendation block 2).",
      "Mettre en place une coordination horizontale (comité interministériel, ou obligation pour chaque ministre de tenir compte de l'ESS, comme dans la Loi sur l'économie sociale du Québec) et verticale avec les régions et les villes (Recommandation de l'OCDE, volet 2).",
      "Establecer una coordinación horizontal (un comité interministerial, o la obligación de todo ministro de tener en cuenta la ESS, como en la Ley de economía social de Quebec) y vertical con regiones y ciudades (Recomendación de la OCDE, componente 2).",
      {"horizontal_coordination", "vertical_coordination"})
  end
  if weak("development_plan", 1) then
    rec("institutional_framework", 3,
      "Name the SSE, with its own measures, budget and indicators, in the next national development plan and SDG implementation plan (A/RES/77/281: the SSE and the 2030 Agenda; UNRISD/GSEF Guidelines topic 3, mainstreaming).",
      "Inscrire l'ESS, avec ses propres mesures, un budget et des indicateurs, dans le prochain plan national de développement et le plan de mise en œuvre des ODD (A/RES/77/281 : l'ESS et le Programme 2030 ; Lignes directrices UNRISD/GSEF, thème 3, intégration).",
      "Incluir la ESS, con medidas, presupuesto e indicadores propios, en el próximo plan nacional de desarrollo y en el plan de aplicación de los ODS (A/RES/77/281: la ESS y la Agenda 2030; Directrices UNRISD/GSEF, tema 3, integración).",
      {"development_plan"})
  end
  if is("policy_monitoring", "no") then
    rec("institutional_framework", 3,
      "Publish the strategy's indicators and a progress report at least every two years, prepared with the SSE consultative body (OECD/EU BEPT institutional module: co-construction of monitoring; for EU members, Council Recommendation C/2023/1344: report within 4 years).",
      "Publier les indicateurs de la stratégie et un rapport d'avancement au moins tous les deux ans, préparé avec l'instance de consultation de l'ESS (module institutionnel du BEPT : suivi co-construit ; pour les membres de l'UE, Recommandation du Conseil C/2023/1344 : rapport dans les 4 ans).",
      "Publicar los indicadores de la estrategia y un informe de avance al menos cada dos años, preparado con el órgano de consulta de la ESS (módulo institucional de la BEPT OCDE/UE: seguimiento coconstruido; para los miembros de la UE, Recomendación del Consejo C/2023/1344: informe en 4 años).",
      {"policy_monitoring"})
  end
end

-- ---------------------------------------------------------------- finance
local function finance(informal_high)
  if is("public_fund", "no") and is("finance_intermediaries", "none") then
    cap("finance", "emerging",
      "No dedicated public funding and no SSE finance intermediaries (A/RES/77/281 para. 1 (business support, financial services and funding)).",
      "Ni financement public dédié ni intermédiaires financiers de l'ESS (A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement)).",
      "Ni financiación pública dedicada ni intermediarios financieros de la ESS (A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación)).")
  end
  if is("public_fund", "no") then
    rec("finance", 1,
      "Open a dedicated SSE budget line or fund, multi-year and co-managed with SSE finance intermediaries (A/RES/77/281 para. 1 (business support, financial services and funding); OECD Recommendation block 4).",
      "Ouvrir une ligne budgétaire ou un fonds dédié à l'ESS, pluriannuel et cogéré avec les intermédiaires financiers de l'ESS (A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement) ; Recommandation de l'OCDE, volet 4).",
      "Abrir una partida presupuestaria o un fondo dedicado a la ESS, plurianual y cogestionado con los intermediarios financieros de la ESS (A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación); Recomendación de la OCDE, componente 4).",
      {"public_fund"})
  end
  local n = count("finance_instruments")
  if n and n <= 2 then
    rec("finance", 2,
      "Widen the range of instruments beyond grants and loans: guarantees, patient capital or quasi-equity suited to entities that cannot issue shares (OECD Recommendation block 4; OECD/EU BEPT finance module).",
      "Élargir la palette d'instruments au-delà des subventions et des prêts : garanties, capital patient ou quasi-fonds propres adaptés aux entités qui ne peuvent émettre d'actions (Recommandation de l'OCDE, volet 4 ; module financement du BEPT).",
      "Ampliar los instrumentos más allá de subvenciones y préstamos: garantías, capital paciente o cuasi capital adaptados a entidades que no pueden emitir acciones (Recomendación de la OCDE, componente 4; módulo de financiación de la BEPT OCDE/UE).",
      {"finance_instruments"})
  end
  if is("finance_intermediaries", "none") or is("finance_intermediaries", "one") then
    rec("finance", 2,
      "Support dedicated SSE finance intermediaries (solidarity savings cooperatives, patient-capital funds such as Quebec's RISQ and Fiducie, or a FONDES-type fund) with public seed capital (OECD Recommendation block 4).",
      "Appuyer des intermédiaires financiers dédiés à l'ESS (caisses d'épargne solidaire, fonds de capital patient comme le RISQ et la Fiducie au Québec, ou un fonds de type FONDES) par un capital public d'amorçage (Recommandation de l'OCDE, volet 4).",
      "Apoyar con capital público semilla a intermediarios financieros dedicados a la ESS (cooperativas de ahorro solidario, fondos de capital paciente como RISQ y la Fiducie en Quebec, o un fondo del tipo FONDES) (Recomendación de la OCDE, componente 4).",
      {"finance_intermediaries"})
  end
  if weak("mainstream_access", 1) then
    rec("finance", 2,
      "Open general SME and development-bank programmes to cooperatives, associations and other SSE forms on equal terms with other enterprises (A/RES/77/281 para. 1 (business support, financial services and funding); OECD Recommendation block 4).",
      "Ouvrir aux coopératives, associations et autres formes de l'ESS, à égalité avec les autres entreprises, les programmes généraux d'appui aux PME et ceux des banques de développement (A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement) ; Recommandation de l'OCDE, volet 4).",
      "Abrir los programas generales para pymes y de la banca de desarrollo a cooperativas, asociaciones y otras formas de la ESS en igualdad de condiciones con las demás empresas (A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación); Recomendación de la OCDE, componente 4).",
      {"mainstream_access"})
  end
  if is("inclusive_finance", "absent") then
    rec("finance", informal_high and 1 or 3,
      "Strengthen savings and credit cooperatives and regulated microfinance in rural and informal settings, as a first step towards formalisation (ILO 2022 conclusions; A/RES/77/281 para. 1 (business support, financial services and funding)).",
      "Renforcer les coopératives d'épargne et de crédit et la microfinance réglementée en milieu rural et informel, comme premier pas vers la formalisation (conclusions de l'OIT 2022 ; A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement)).",
      "Fortalecer las cooperativas de ahorro y crédito y las microfinanzas reguladas en el medio rural e informal, como primer paso hacia la formalización (conclusiones de la OIT 2022; A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación)).",
      {"inclusive_finance"})
  end
  if is("solidarity_savings", "no") then
    rec("finance", 3,
      "Create a solidarity-savings product or a tax incentive for investment in the SSE to mobilise private savings (OECD Recommendation block 4).",
      "Créer un produit d'épargne solidaire ou un avantage fiscal pour l'investissement dans l'ESS afin de mobiliser l'épargne privée (Recommandation de l'OCDE, volet 4).",
      "Crear un producto de ahorro solidario o un incentivo fiscal a la inversión en la ESS para movilizar el ahorro privado (Recomendación de la OCDE, componente 4).",
      {"solidarity_savings"})
  end
end

-- ---------------------------------------------------------------- networks
local function networks()
  if is("national_network", "none") and weak("local_intermediaries", 0) then
    cap("support_networks", "emerging",
      "No national SSE network and no local intermediaries (OECD Recommendation blocks 1 (networks) and 6).",
      "Ni réseau national de l'ESS ni intermédiaires locaux (Recommandation de l'OCDE, volets 1 (réseaux) et 6).",
      "Ni red nacional de la ESS ni intermediarios locales (Recomendación de la OCDE, componentes 1 (redes) y 6).")
  end
  if is("national_network", "none") or is("national_network", "one_family") then
    rec("support_networks", 1,
      "Support the creation of a representative national SSE umbrella body (a network of networks such as Quebec's Chantier de l'économie sociale or Spain's CEPES) that can speak for the sector (OECD Recommendation block 1 (networks)).",
      "Appuyer la création d'une organisation faîtière nationale représentative de l'ESS (un réseau de réseaux comme le Chantier de l'économie sociale au Québec ou la CEPES en Espagne) capable de parler au nom du secteur (Recommandation de l'OCDE, volet 1 (réseaux)).",
      "Apoyar la creación de un organismo nacional representativo de la ESS (una red de redes como el Chantier de l'économie sociale de Quebec o la CEPES en España) capaz de hablar en nombre del sector (Recomendación de la OCDE, componente 1 (redes)).",
      {"national_network"})
  end
  if weak("local_intermediaries", 1) then
    rec("support_networks", 2,
      "Build a territorial network of local development intermediaries and incubators (CDEC-type bodies, regional hubs) with public co-funding (UNRISD/GSEF Guidelines topic 4; OECD Recommendation block 6).",
      "Constituer un réseau territorial d'intermédiaires de développement local et d'incubateurs (organismes de type CDEC, pôles régionaux) avec un cofinancement public (Lignes directrices UNRISD/GSEF, thème 4 ; Recommandation de l'OCDE, volet 6).",
      "Construir una red territorial de intermediarios de desarrollo local e incubadoras (organismos del tipo CDEC, polos regionales) con cofinanciación pública (Directrices UNRISD/GSEF, tema 4; Recomendación de la OCDE, componente 6).",
      {"local_intermediaries"})
  end
  if weak("business_support", 1) then
    rec("support_networks", 3,
      "Add SSE-specific content (governance, member economics, impact) to business development services (A/RES/77/281 para. 1 (business support, financial services and funding); OECD/EU BEPT skills module).",
      "Ajouter un contenu propre à l'ESS (gouvernance, économie des membres, impact) aux services d'accompagnement des entreprises (A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement) ; module compétences du BEPT).",
      "Añadir contenido propio de la ESS (gobernanza, economía de los socios, impacto) a los servicios de desarrollo empresarial (A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación); módulo de competencias de la BEPT OCDE/UE).",
      {"business_support"})
  end
  if is("networks_funded", "no") then
    rec("support_networks", 2,
      "Give SSE networks and intermediaries multi-year funding agreements instead of project grants (OECD Recommendation block 6).",
      "Accorder aux réseaux et intermédiaires de l'ESS des conventions de financement pluriannuelles plutôt que des subventions par projet (Recommandation de l'OCDE, volet 6).",
      "Dar a las redes e intermediarios de la ESS convenios de financiación plurianuales en lugar de subvenciones por proyecto (Recomendación de la OCDE, componente 6).",
      {"networks_funded"})
  end
end

-- ---------------------------------------------------------------- statistics
local function statistics()
  local d = lvl("data_maturity")
  -- The caps follow the statistics ladder (shared/domain/SSE.md 1.5) and the level texts:
  -- no data at all is Nascent ("not recognised in ... statistics"); registers alone do not
  -- make the SSE visible in national statistics (A/RES/77/281 para. 1 (national statistics)): Emerging.
  if d == 0 then
    cap("statistics", "nascent",
      "There are no data on the SSE (A/RES/77/281 para. 1 (national statistics)).",
      "Il n'existe aucune donnée sur l'ESS (A/RES/77/281 par. 1 (statistiques nationales)).",
      "No existe ningún dato sobre la ESS (A/RES/77/281 párr. 1 (estadísticas nacionales)).")
  elseif d == 1 then
    cap("statistics", "emerging",
      "Registers are kept but no figures on the SSE are published from them: the SSE is not yet visible in national statistics (administrative statistics would count, as the ILO Guidelines concerning statistics of cooperatives allow) (A/RES/77/281 para. 1 (national statistics)).",
      "Des registres sont tenus mais aucun chiffre sur l'ESS n'en est publié : l'ESS n'est pas encore visible dans la statistique nationale (des statistiques administratives compteraient, comme le permettent les Lignes directrices de l'OIT concernant les statistiques des coopératives) (A/RES/77/281 par. 1 (statistiques nationales)).",
      "Se llevan registros pero no se publica ninguna cifra sobre la ESS a partir de ellos: la ESS aún no es visible en las estadísticas nacionales (las estadísticas administrativas contarían, como permiten las Directrices de la OIT sobre estadísticas de cooperativas) (A/RES/77/281 párr. 1 (estadísticas nacionales)).")
  end
  if d and d <= 2 then
    rec("statistics", 1,
      "Ask the national statistics office for an official statistical portrait of the SSE, applying the ILO Guidelines concerning statistics of cooperatives (20th ICLS, 2018) and following the ILO roadmap towards SSE statistics (21st ICLS, 2023) (A/RES/77/281 para. 1 (national statistics); OECD Recommendation block 8).",
      "Demander à l'institut national de statistique un portrait statistique officiel de l'ESS, appliquant les Lignes directrices de l'OIT sur les statistiques des coopératives (20e CIST, 2018) et suivant la feuille de route de l'OIT vers la statistique de l'ESS (21e CIST, 2023) (A/RES/77/281 par. 1 (statistiques nationales) ; Recommandation de l'OCDE, volet 8).",
      "Pedir al instituto nacional de estadística un informe estadístico oficial de la ESS, aplicando las Directrices de la OIT sobre estadísticas de cooperativas (20.ª CIET, 2018) y siguiendo la hoja de ruta de la OIT hacia las estadísticas de la ESS (21.ª CIET, 2023) (A/RES/77/281 párr. 1 (estadísticas nacionales); Recomendación de la OCDE, componente 8).",
      {"data_maturity"})
  elseif d == 3 then
    rec("statistics", 3,
      "Turn the official portraits into a recurring satellite account (CIRIEC manual, UN TSE Handbook 2018), as Portugal does with INE and CASES (OECD Recommendation block 8).",
      "Transformer les portraits officiels en un compte satellite récurrent (manuel CIRIEC, Manuel de l'ONU sur le tiers secteur et l'économie sociale, 2018), comme le Portugal avec l'INE et CASES (Recommandation de l'OCDE, volet 8).",
      "Convertir los informes estadísticos oficiales en una cuenta satélite recurrente (manual CIRIEC, Manual de la ONU sobre el tercer sector y la economía social, 2018), como hace Portugal con el INE y CASES (Recomendación de la OCDE, componente 8).",
      {"data_maturity"})
  end
  local oc = rk.get("org_count")
  if not oc or oc.state ~= "answered" then
    gap("statistics", 2,
      "No count of SSE organisations was given: the SSE's size cannot be tracked (A/RES/77/281 para. 1 (national statistics)).",
      "Aucun décompte des organisations de l'ESS n'a été fourni : la taille de l'ESS ne peut être suivie (A/RES/77/281 par. 1 (statistiques nationales)).",
      "No se dio ningún recuento de organizaciones de la ESS: no se puede seguir el tamaño de la ESS (A/RES/77/281 párr. 1 (estadísticas nacionales)).",
      {"org_count"})
  end
  if is("registry_observatory", "no") then
    rec("statistics", 3,
      "Create a public SSE registry or observatory that publishes data every year (OECD Recommendation block 8; EU Social Economy Action Plan).",
      "Créer un registre public ou un observatoire de l'ESS qui publie des données chaque année (Recommandation de l'OCDE, volet 8 ; Plan d'action de l'UE).",
      "Crear un registro público u observatorio de la ESS que publique datos cada año (Recomendación de la OCDE, componente 8; Plan de Acción de la UE para la Economía Social).",
      {"registry_observatory"})
  end
  if weak("impact_guidance", 1) then
    rec("statistics", 3,
      "Co-design social impact measurement guidance with SSE networks, proportionate to entity size (OECD Recommendation block 7; OECD Policy Guide on Social Impact Measurement for the SSE).",
      "Co-concevoir avec les réseaux de l'ESS des orientations sur la mesure de l'impact social, proportionnées à la taille des entités (Recommandation de l'OCDE, volet 7 ; Guide de l'OCDE sur la mesure de l'impact social).",
      "Co-diseñar con las redes de la ESS orientaciones de medición del impacto social proporcionales al tamaño de las entidades (Recomendación de la OCDE, componente 7; Guía de la OCDE sobre la medición del impacto social para la ESS).",
      {"impact_guidance", "impact_codesign"})
  end
end

-- ---------------------------------------------------------------- education
local function education()
  if weak("vocational_training", 1) then
    rec("education_research", 2,
      "Fund vocational and non-formal training for SSE managers, members and workers, delivered with SSE networks (A/RES/77/281 para. 1 (education, capacity-building and research); OECD Recommendation block 6).",
      "Financer une formation professionnelle et non formelle pour les dirigeants, membres et travailleurs de l'ESS, assurée avec les réseaux de l'ESS (A/RES/77/281 par. 1 (éducation, renforcement des capacités et recherche) ; Recommandation de l'OCDE, volet 6).",
      "Financiar formación profesional y no formal para dirigentes, socios y trabajadores de la ESS, impartida con las redes de la ESS (A/RES/77/281 párr. 1 (educación, creación de capacidad e investigación); Recomendación de la OCDE, componente 6).",
      {"vocational_training"})
  end
  if weak("school_curricula", 1) then
    rec("education_research", 3,
      "Include the SSE (cooperation, mutual aid, school cooperatives) in school curricula (A/RES/77/281 para. 1 (education, capacity-building and research); OECD Recommendation block 1 (learning)).",
      "Inclure l'ESS (coopération, entraide, coopératives scolaires) dans les programmes scolaires (A/RES/77/281 par. 1 (éducation, renforcement des capacités et recherche) ; Recommandation de l'OCDE, volet 1 (apprentissage)).",
      "Incluir la ESS (cooperación, ayuda mutua, cooperativas escolares) en los planes de estudio (A/RES/77/281 párr. 1 (educación, creación de capacidad e investigación); Recomendación de la OCDE, componente 1 (aprendizaje)).",
      {"school_curricula"})
  end
  local u = num("university_programmes")
  if (u and u < 1) or is("research_transfer", "no") then
    rec("education_research", 3,
      "Support SSE research: university chairs or programmes and a research-practice transfer body (A/RES/77/281 para. 1 (education, capacity-building and research); UNRISD/GSEF Guidelines topic 9).",
      "Soutenir la recherche sur l'ESS : chaires ou programmes universitaires et un organisme de transfert entre recherche et pratique (A/RES/77/281 par. 1 (éducation, renforcement des capacités et recherche) ; Lignes directrices UNRISD/GSEF, thème 9).",
      "Apoyar la investigación sobre la ESS: cátedras o programas universitarios y un organismo de transferencia entre investigación y práctica (A/RES/77/281 párr. 1 (educación, creación de capacidad e investigación); Directrices UNRISD/GSEF, tema 9).",
      {"university_programmes", "research_transfer"})
  end
  if is("awareness", "no") then
    rec("education_research", 3,
      "Run a recurring public awareness campaign with the SSE networks, such as a yearly SSE month (as Quebec's Social Economy Month), with a budget line and a reach indicator (OECD Recommendation block 1 (awareness); UNRISD/GSEF Guidelines topic 8).",
      "Mener avec les réseaux de l'ESS une campagne récurrente de sensibilisation du public, comme un mois annuel de l'ESS (à l'exemple du Mois de l'économie sociale au Québec), avec une ligne budgétaire et un indicateur de portée (Recommandation de l'OCDE, volet 1 (sensibilisation) ; Lignes directrices UNRISD/GSEF, thème 8).",
      "Realizar con las redes de la ESS una campaña pública recurrente de sensibilización, como un mes anual de la ESS (por ejemplo, el Mes de la economía social de Quebec), con una partida presupuestaria y un indicador de alcance (Recomendación de la OCDE, componente 1 (sensibilización); Directrices UNRISD/GSEF, tema 8).",
      {"awareness"})
  end
  if weak("social_innovation", 1) then
    rec("education_research", 3,
      "Create an experimentation fund or social innovation lab with a path to scale successful pilots (OECD Recommendation block 9).",
      "Créer un fonds d'expérimentation ou un laboratoire d'innovation sociale avec une voie de changement d'échelle des expériences réussies (Recommandation de l'OCDE, volet 9).",
      "Crear un fondo de experimentación o un laboratorio de innovación social con una vía para la ampliación de escala de los pilotos exitosos (Recomendación de la OCDE, componente 9).",
      {"social_innovation"})
  end
end

-- ---------------------------------------------------------------- markets
local function markets()
  if is("procurement_social_clauses", "no") and is("reserved_contracts", "no") and weak("procurement_practice", 1) and weak("tax_treatment", 1) then
    cap("markets_procurement", "emerging",
      "Neither procurement nor fiscal incentives for the SSE (A/RES/77/281 para. 1 (fiscal and procurement incentives)).",
      "Ni commande publique ni incitations fiscales en faveur de l'ESS (A/RES/77/281 par. 1 (incitations fiscales et commande publique)).",
      "Ni contratación pública ni incentivos fiscales a favor de la ESS (A/RES/77/281 párr. 1 (incentivos fiscales y de contratación pública)).")
  end
  if is("procurement_social_clauses", "no") or is("reserved_contracts", "no") then
    rec("markets_procurement", 1,
      "Amend procurement rules to allow social clauses and contracts reserved for SSE and work-integration enterprises (A/RES/77/281 para. 1 (fiscal and procurement incentives); OECD Recommendation block 5).",
      "Modifier les règles de la commande publique pour permettre les clauses sociales et les marchés réservés aux entreprises de l'ESS et d'insertion (A/RES/77/281 par. 1 (incitations fiscales et commande publique) ; Recommandation de l'OCDE, volet 5).",
      "Modificar las normas de contratación pública para permitir cláusulas sociales y contratos reservados a empresas de la ESS y de inserción (A/RES/77/281 párr. 1 (incentivos fiscales y de contratación pública); Recomendación de la OCDE, componente 5).",
      {"procurement_social_clauses", "reserved_contracts"})
  end
  if weak("procurement_practice", 1) then
    rec("markets_procurement", 2,
      "Make public buyers use the tools: set a target for purchases from the SSE, train buyers, split lots and publish what SSE entities win (OECD Recommendation block 5).",
      "Faire utiliser ces outils par les acheteurs publics : fixer une cible d'achats auprès de l'ESS, former les acheteurs, allotir et publier les marchés obtenus par l'ESS (Recommandation de l'OCDE, volet 5).",
      "Hacer que los compradores públicos usen las herramientas: fijar una meta de compras a la ESS, formar a los compradores, dividir en lotes y publicar lo que obtienen las entidades de la ESS (Recomendación de la OCDE, componente 5).",
      {"procurement_practice"})
  end
  if weak("tax_treatment", 1) then
    rec("markets_procurement", 2,
      "Review tax law so that SSE entities get a treatment suited to their limited-profit nature (indivisible reserves, surplus rules), tied to the legal definition (A/RES/77/281 para. 1 (fiscal and procurement incentives); OECD Recommendation block 3).",
      "Revoir la fiscalité pour donner aux entités de l'ESS un régime adapté à leur lucrativité limitée (réserves impartageables, règles d'excédents), rattaché à la définition légale (A/RES/77/281 par. 1 (incitations fiscales et commande publique) ; Recommandation de l'OCDE, volet 3).",
      "Revisar la legislación tributaria para dar a las entidades de la ESS un tratamiento adecuado a su lucro limitado (reservas irrepartibles, reglas de excedentes), vinculado a la definición legal (A/RES/77/281 párr. 1 (incentivos fiscales y de contratación pública); Recomendación de la OCDE, componente 3).",
      {"tax_treatment"})
  end
  if weak("market_programmes", 1) then
    rec("markets_procurement", 3,
      "Link SSE suppliers with private buyers (B2B platforms, fair trade and short supply chains) (OECD Recommendation block 5).",
      "Relier les fournisseurs de l'ESS aux acheteurs privés (plateformes interentreprises, commerce équitable, circuits courts) (Recommandation de l'OCDE, volet 5).",
      "Vincular a los proveedores de la ESS con compradores privados (plataformas entre empresas, comercio justo y circuitos cortos) (Recomendación de la OCDE, componente 5).",
      {"market_programmes"})
  end
end

-- ---------------------------------------------------------------- co-construction
local function coconstruction()
  if is("consultative_body", "no") and weak("co_drafting_strategy", 1) then
    cap("coconstruction_localization", "emerging",
      "SSE actors are neither formally consulted nor involved in drafting (A/RES/77/281 para. 1 (participation in policymaking)).",
      "Les acteurs de l'ESS ne sont ni consultés formellement ni associés à la rédaction (A/RES/77/281 par. 1 (participation à l'élaboration des politiques)).",
      "Los actores de la ESS no son consultados formalmente ni participan en la redacción (A/RES/77/281 párr. 1 (participación en la formulación de políticas)).")
  end
  if is("consultative_body", "no") then
    rec("coconstruction_localization", 1,
      "Create a formal body, or a legal duty, to consult SSE representatives on SSE policy, as the Quebec Social Economy Act does with the Chantier and the CQCM (A/RES/77/281 para. 1 (participation in policymaking); OECD Recommendation block 2).",
      "Créer un organe formel, ou une obligation légale, de consultation des représentants de l'ESS, comme le fait la Loi sur l'économie sociale du Québec avec le Chantier et le CQCM (A/RES/77/281 par. 1 (participation à l'élaboration des politiques) ; Recommandation de l'OCDE, volet 2).",
      "Crear un órgano formal, o una obligación legal, de consultar a los representantes de la ESS sobre la política de ESS, como hace la Ley de economía social de Quebec con el Chantier y el CQCM (A/RES/77/281 párr. 1 (participación en la formulación de políticas); Recomendación de la OCDE, componente 2).",
      {"consultative_body"})
  end
  if weak("co_drafting_strategy", 1) or weak("co_drafting_law", 1) then
    rec("coconstruction_localization", 2,
      "Co-construct the next law, strategy or action plan with SSE networks from the design stage through monitoring (OECD/EU BEPT institutional module; UNRISD/GSEF Guidelines topic 1).",
      "Co-construire la prochaine loi, stratégie ou plan d'action avec les réseaux de l'ESS, de la conception au suivi (module institutionnel du BEPT ; Lignes directrices UNRISD/GSEF, thème 1).",
      "Co-construir la próxima ley, estrategia o plan de acción con las redes de la ESS desde el diseño hasta el seguimiento (módulo institucional de la BEPT OCDE/UE; Directrices UNRISD/GSEF, tema 1).",
      {"co_drafting_law", "co_drafting_strategy"})
  end
  if is("social_dialogue", "no") then
    rec("coconstruction_localization", 3,
      "Give SSE organisations a seat in social dialogue bodies such as the economic and social council (ILO 2022 conclusions).",
      "Donner aux organisations de l'ESS un siège dans les instances de dialogue social comme le conseil économique et social (conclusions de l'OIT 2022).",
      "Dar a las organizaciones de la ESS un lugar en los órganos de diálogo social, como el consejo económico y social (conclusiones de la OIT 2022).",
      {"social_dialogue"})
  end
  local share = num("local_policies_share")
  if (share and share < 20) or weak("local_support", 1) then
    rec("coconstruction_localization", 2,
      "Support local SSE strategies: guidance and matching funds for regions and cities, using the UNRISD/GSEF Guidelines for Local Governments (2021) (A/RES/77/281 para. 1: local and regional strategies).",
      "Soutenir les stratégies locales d'ESS : guide et fonds de contrepartie pour les régions et les villes, à partir des Lignes directrices UNRISD/GSEF pour les gouvernements locaux (2021) (A/RES/77/281 par. 1 : stratégies locales et régionales).",
      "Apoyar las estrategias locales de ESS: guía y fondos de contrapartida para regiones y ciudades, con las Directrices UNRISD/GSEF para gobiernos locales (2021) (A/RES/77/281 párr. 1: estrategias locales y regionales).",
      {"local_policies_share", "local_support"})
  end
end

-- ---------------------------------------------------------------- social protection
local function protection(informal_high)
  local p = informal_high and 1 or 2
  if informal_high and weak("formalisation_pathway", 1) then
    cap("social_protection_informality", "emerging",
      "Most employment is informal and SSE policy offers no pathway to formalisation (ILO 2022 conclusions).",
      "L'emploi est majoritairement informel et la politique d'ESS n'offre aucune voie de formalisation (conclusions de l'OIT 2022).",
      "La mayor parte del empleo es informal y la política de ESS no ofrece ninguna vía de formalización (conclusiones de la OIT 2022).")
  end
  if informal_high then
    gap("social_protection_informality", 1,
      "Most employment is informal: SSE policy should be judged first on whether it helps informal workers and groups move to formality and social protection (ILO 2022 conclusions).",
      "L'emploi est majoritairement informel : la politique d'ESS doit d'abord être jugée sur sa capacité à aider les travailleurs et groupes informels à accéder à la formalité et à la protection sociale (conclusions de l'OIT 2022).",
      "La mayor parte del empleo es informal: la política de ESS debe juzgarse ante todo por su capacidad de ayudar a los trabajadores y grupos informales a pasar a la formalidad y a la protección social (conclusiones de la OIT 2022).",
      {"informal_share"})
  end
  if weak("formalisation_pathway", 1) then
    rec("social_protection_informality", p,
      "Create a simple, low-cost pathway for informal groups to register as SSE entities (group status, simplified cooperative forms), with accompaniment (ILO 2022 conclusions: transition from the informal to the formal economy).",
      "Créer une voie simple et peu coûteuse pour que les groupes informels s'enregistrent comme entités de l'ESS (statut de groupement, formes coopératives simplifiées), avec un accompagnement (conclusions de l'OIT 2022 : transition vers l'économie formelle).",
      "Crear una vía sencilla y de bajo costo para que los grupos informales se registren como entidades de la ESS (estatuto de grupo, formas cooperativas simplificadas), con acompañamiento (conclusiones de la OIT 2022: transición de la economía informal a la formal).",
      {"formalisation_pathway"})
  end
  if is("social_protection", "few") then
    rec("social_protection_informality", p,
      "Extend social protection to SSE workers and members, including through regulated mutual health schemes linked to national systems (ILO 2022 conclusions).",
      "Étendre la protection sociale aux travailleurs et membres de l'ESS, y compris par des mutuelles de santé réglementées articulées aux régimes nationaux (conclusions de l'OIT 2022).",
      "Extender la protección social a los trabajadores y socios de la ESS, incluso mediante mutuales de salud reguladas vinculadas a los sistemas nacionales (conclusiones de la OIT 2022).",
      {"social_protection"})
  end
  if weak("decent_work_conditions", 1) or weak("decent_work_monitoring", 1) then
    rec("social_protection_informality", 2,
      "Attach decent-work conditions (fundamental rights at work, pay, safety and health, gender equality) to SSE funding, labels and public contracts, and have the labour ministry and SSE networks report on them every year (ILO 2022 resolution and conclusions on decent work and the SSE).",
      "Assortir les financements, agréments et marchés publics de l'ESS de conditions de travail décent (droits fondamentaux au travail, rémunération, sécurité et santé, égalité entre femmes et hommes), et faire rendre compte chaque année par le ministère du Travail et les réseaux de l'ESS (résolution et conclusions de l'OIT 2022 sur le travail décent et l'ESS).",
      "Vincular la financiación, las acreditaciones y los contratos públicos de la ESS a condiciones de trabajo decente (derechos fundamentales en el trabajo, remuneración, seguridad y salud, igualdad de género), con un informe anual del ministerio de Trabajo y las redes de la ESS (resolución y conclusiones de la OIT 2022 sobre el trabajo decente y la ESS).",
      {"decent_work_conditions", "decent_work_monitoring"})
  end
  if is("mutual_regulation", "no") then
    rec("social_protection_informality", 2,
      "Adopt a regulation and a supervisor for mutual and micro-insurance schemes (ILO 2022 conclusions; e.g. the UEMOA regulation on social mutuals).",
      "Adopter une réglementation et une autorité de contrôle pour les mutuelles et la micro-assurance (conclusions de l'OIT 2022 ; p. ex. le règlement UEMOA sur la mutualité sociale).",
      "Adoptar una regulación y un supervisor para los sistemas mutualistas y de microseguros (conclusiones de la OIT 2022; p. ej. el reglamento UEMOA sobre mutualidad social).",
      {"mutual_regulation"})
  end
  if is("labour_rights", "no") then
    rec("social_protection_informality", 2,
      "Make labour and social security law cover SSE workers, including worker-members of cooperatives (ILO 2022 resolution on decent work and the SSE).",
      "Faire couvrir les travailleurs de l'ESS, y compris les membres-travailleurs des coopératives, par le droit du travail et de la sécurité sociale (résolution de l'OIT 2022).",
      "Hacer que el derecho laboral y de seguridad social cubra a los trabajadores de la ESS, incluidos los socios trabajadores de cooperativas (resolución de la OIT 2022 sobre el trabajo decente y la ESS).",
      {"labour_rights"})
  end
end

-- ---------------------------------------------------------------- operation and themes
-- Findings on the 2.0.0 questions: instruments that exist but do not operate (an
-- unfunded fund, a body that never met) and the cross-cutting themes. Each fires on an
-- answered weakness only.
local function at_most(id, n) local v = num(id); return v ~= nil and v <= n end

local EXTRA = {
  institutional_framework = function ()
    if is("strategy_budget_spent", "no_budget") then
      gap("institutional_framework", 1,
        "The SSE strategy has no budget of its own, or nothing of it was spent last year: it is adopted on paper only (OECD Recommendation block 2).",
        "La stratégie d'ESS n'a pas de budget propre, ou rien n'en a été dépensé l'an dernier : elle n'est adoptée que sur le papier (Recommandation de l'OCDE, volet 2).",
        "La estrategia de ESS no tiene presupuesto propio, o no se ejecutó nada el año pasado: solo está adoptada sobre el papel (Recomendación de la OCDE, componente 2).",
        {"strategy_budget_spent"})
    elseif is("strategy_budget_spent", "under_half") then
      rec("institutional_framework", 2,
        "Less than half of the strategy's budget was spent: publish why (procedures, staff, eligibility) and fix the bottleneck before the next budget year (OECD/EU BEPT institutional module).",
        "Moins de la moitié du budget de la stratégie a été dépensée : publier pourquoi (procédures, personnel, éligibilité) et lever le blocage avant le prochain exercice (module institutionnel du BEPT).",
        "Se ejecutó menos de la mitad del presupuesto de la estrategia: publicar por qué (procedimientos, personal, elegibilidad) y resolver el cuello de botella antes del próximo ejercicio (módulo institucional de la BEPT OCDE/UE).",
        {"strategy_budget_spent"})
    end
    if at_most("lead_body_staff", 0) then
      gap("institutional_framework", 1,
        "The lead body has no staff working on the SSE: the mandate exists on paper only (OECD Recommendation block 2).",
        "L'organisme chef de file n'a aucun agent travaillant sur l'ESS : le mandat n'existe que sur le papier (Recommandation de l'OCDE, volet 2).",
        "El organismo rector no tiene personal dedicado a la ESS: el mandato solo existe sobre el papel (Recomendación de la OCDE, componente 2).",
        {"lead_body_staff"})
    end
    if is("officials_capacity", "none") then
      rec("institutional_framework", 3,
        "Train the officials who run SSE programmes, nationally and locally, with a yearly course (A/RES/77/281 para. 1 (capacity-building); OECD Recommendation block 2).",
        "Former chaque année les agents qui gèrent les programmes d'ESS, à l'échelle nationale et locale (A/RES/77/281 par. 1 (renforcement des capacités) ; Recommandation de l'OCDE, volet 2).",
        "Formar cada año a los funcionarios que gestionan los programas de ESS, a nivel nacional y local (A/RES/77/281 párr. 1 (creación de capacidad); Recomendación de la OCDE, componente 2).",
        {"officials_capacity"})
    end
    if is("outcome_evaluation", "none") or is("outcome_evaluation", "outputs") then
      rec("institutional_framework", 2,
        "Commission an evaluation of the outcomes of SSE policy (jobs, surviving entities, people reached) against a baseline, with the SSE networks, and publish it (OECD Recommendation block 7; OECD Policy Guide on Legal Frameworks, evaluation phase).",
        "Commander une évaluation des résultats de la politique d'ESS (emplois, entités pérennes, personnes touchées) par rapport à une situation de référence, avec les réseaux de l'ESS, et la publier (Recommandation de l'OCDE, volet 7 ; Guide de l'OCDE sur les cadres juridiques, phase d'évaluation).",
        "Encargar una evaluación de los resultados de la política de ESS (empleos, entidades que perduran, personas alcanzadas) frente a una línea de base, con las redes de la ESS, y publicarla (Recomendación de la OCDE, componente 7; Guía de la OCDE sobre marcos jurídicos, fase de evaluación).",
        {"outcome_evaluation"})
    end
    if is("sdg_vnr", "no") then
      rec("institutional_framework", 3,
        "Report on the SSE's contribution in the next Voluntary National Review (2030 Agenda; A/RES/77/281).",
        "Rendre compte de la contribution de l'ESS dans le prochain examen national volontaire (Programme 2030 ; A/RES/77/281).",
        "Informar sobre la contribución de la ESS en el próximo examen nacional voluntario (Agenda 2030; A/RES/77/281).",
        {"sdg_vnr"})
    end
  end,
  finance = function ()
    if at_most("fund_reach", 0) then
      gap("finance", 1,
        "The public SSE fund or budget line financed no entity last year: it exists on paper only (A/RES/77/281 para. 1 (business support, financial services and funding)).",
        "Le fonds ou la ligne budgétaire publics pour l'ESS n'ont financé aucune entité l'an dernier : ils n'existent que sur le papier (A/RES/77/281 par. 1 (appui aux entreprises, services financiers et financement)).",
        "El fondo o la partida pública para la ESS no financió ninguna entidad el año pasado: solo existe sobre el papel (A/RES/77/281 párr. 1 (apoyo empresarial, servicios financieros y financiación)).",
        {"fund_reach"})
    elseif at_most("fund_reach", 49) then
      rec("finance", 2,
        "The public SSE fund is the size of a pilot (under 50 entities a year): scale it up through the SSE finance intermediaries, with published yearly figures (OECD Recommendation block 4).",
        "Le fonds public pour l'ESS a la taille d'un projet pilote (moins de 50 entités par an) : en accroître l'échelle par les intermédiaires financiers de l'ESS, avec des chiffres annuels publiés (Recommandation de l'OCDE, volet 4).",
        "El fondo público para la ESS tiene el tamaño de un piloto (menos de 50 entidades al año): ampliar su escala a través de los intermediarios financieros de la ESS, con cifras anuales publicadas (Recomendación de la OCDE, componente 4).",
        {"fund_reach"})
    end
    if is("development_banks", "no") then
      rec("finance", 3,
        "Ask the national and regional development banks to open credit lines and guarantees to SSE entities, as A/RES/79/213 encourages (OECD Recommendation block 4).",
        "Demander aux banques de développement nationales et régionales d'ouvrir des lignes de crédit et des garanties aux entités de l'ESS, comme y encourage A/RES/79/213 (Recommandation de l'OCDE, volet 4).",
        "Pedir a los bancos de desarrollo nacionales y regionales que abran líneas de crédito y garantías a las entidades de la ESS, como alienta A/RES/79/213 (Recomendación de la OCDE, componente 4).",
        {"development_banks"})
    end
  end,
  support_networks = function ()
    if at_most("intermediaries_reach", 0) then
      gap("support_networks", 2,
        "No SSE entity or project was accompanied by publicly funded intermediaries last year (OECD Recommendation block 6).",
        "Aucune entité ni aucun projet de l'ESS n'a été accompagné par des intermédiaires financés par l'État l'an dernier (Recommandation de l'OCDE, volet 6).",
        "Ninguna entidad ni proyecto de la ESS fue acompañado por intermediarios con financiación pública el año pasado (Recomendación de la OCDE, componente 6).",
        {"intermediaries_reach"})
    end
  end,
  statistics = function ()
    if is("data_recent", "none") or is("data_recent", "older") then
      rec("statistics", 2,
        "Publish updated figures on SSE entities and jobs (the latest are missing or over five years old), from administrative sources if a survey is not feasible, as the ILO Guidelines concerning statistics of cooperatives allow (A/RES/77/281 para. 1 (national statistics)).",
        "Publier des chiffres à jour sur les entités et les emplois de l'ESS (les derniers manquent ou ont plus de cinq ans), à partir de sources administratives si une enquête n'est pas possible, comme le permettent les Lignes directrices de l'OIT concernant les statistiques des coopératives (A/RES/77/281 par. 1 (statistiques nationales)).",
        "Publicar cifras actualizadas sobre entidades y empleos de la ESS (las últimas faltan o tienen más de cinco años), a partir de fuentes administrativas si una encuesta no es posible, como permiten las Directrices de la OIT sobre estadísticas de cooperativas (A/RES/77/281 párr. 1 (estadísticas nacionales)).",
        {"data_recent"})
    end
  end,
  coconstruction_localization = function ()
    if at_most("consultative_meetings", 0) then
      gap("coconstruction_localization", 1,
        "The consultative body has not met in the last two years: consultation exists on paper only (A/RES/77/281 para. 1 (participation in policymaking)).",
        "L'instance de consultation ne s'est pas réunie au cours des deux dernières années : la consultation n'existe que sur le papier (A/RES/77/281 par. 1 (participation à l'élaboration des politiques)).",
        "El órgano de consulta no se ha reunido en los dos últimos años: la consulta solo existe sobre el papel (A/RES/77/281 párr. 1 (participación en la formulación de políticas)).",
        {"consultative_meetings"})
    end
    if is("representatives_chosen", "government") then
      rec("coconstruction_localization", 2,
        "Let the SSE networks choose or elect their representatives in the consultative body, as the principle of autonomy and independence requires (ILO 2022 conclusions, para. 5; OECD/EU BEPT institutional module).",
        "Laisser les réseaux de l'ESS choisir ou élire leurs représentants au sein de l'instance de consultation, comme l'exige le principe d'autonomie et d'indépendance (conclusions de l'OIT 2022, par. 5 ; module institutionnel du BEPT).",
        "Dejar que las redes de la ESS elijan a sus representantes en el órgano de consulta, como exige el principio de autonomía e independencia (conclusiones de la OIT 2022, párr. 5; módulo institucional de la BEPT OCDE/UE).",
        {"representatives_chosen"})
    end
    if is("civic_space", "restricted") or is("civic_space", "obstructed") then
      rec("coconstruction_localization", is("civic_space", "restricted") and 1 or 2,
        "Make the registration of associations and cooperatives a declaration within a fixed time and end prior authorisation of their activities: co-construction needs an autonomous civil society (OECD Recommendation block 1 (civil society); ILO 2022 conclusions, para. 5).",
        "Faire de l'enregistrement des associations et des coopératives une déclaration dans un délai fixé et supprimer l'autorisation préalable de leurs activités : la co-construction suppose une société civile autonome (Recommandation de l'OCDE, volet 1 (société civile) ; conclusions de l'OIT 2022, par. 5).",
        "Convertir el registro de asociaciones y cooperativas en una declaración con plazo fijo y suprimir la autorización previa de sus actividades: la coconstrucción requiere una sociedad civil autónoma (Recomendación de la OCDE, componente 1 (sociedad civil); conclusiones de la OIT 2022, párr. 5).",
        {"civic_space"}, WHO.legal_framework)
    end
    if is("un_cooperation_framework", "absent") or is("un_cooperation_framework", "mentioned") then
      rec("coconstruction_localization", 3,
        "Include SSE outputs, indicators or a joint programme in the next UN Sustainable Development Cooperation Framework (A/RES/77/281 para. 2).",
        "Inscrire des produits, des indicateurs ou un programme conjoint sur l'ESS dans le prochain Plan-cadre de coopération des Nations Unies (A/RES/77/281 par. 2).",
        "Incluir productos, indicadores o un programa conjunto sobre la ESS en el próximo Marco de Cooperación de las Naciones Unidas (A/RES/77/281 párr. 2).",
        {"un_cooperation_framework"}, UNCT)
    end
  end,
  social_protection_informality = function ()
    if is("disguised_employment", "none") or is("disguised_employment", "law") then
      rec("social_protection_informality", 2,
        "Have labour inspection check that cooperatives are not used to disguise employment, and publish the cases, with a legal provision where none exists (R193 para. 8; ILO 2022 conclusions).",
        "Faire vérifier par l'inspection du travail que les coopératives ne servent pas à déguiser des relations de travail, et publier les cas, avec une disposition légale là où il n'y en a pas (R193 par. 8 ; conclusions de l'OIT 2022).",
        "Que la inspección del trabajo verifique que las cooperativas no se usan para encubrir relaciones laborales, y publique los casos, con una disposición legal donde no exista (R193 párr. 8; conclusiones de la OIT 2022).",
        {"disguised_employment"})
    end
  end,
  inclusion_transitions = function ()
    if is("gender_participation", "none") or is("gender_participation", "data_or_measures") then
      rec("inclusion_transitions", 2,
        "Publish sex-disaggregated data on SSE members, workers and boards, and tie a programme for women's participation and leadership to them (OECD Recommendation; ILO 2022 conclusions).",
        "Publier des données ventilées par sexe sur les membres, salariés et conseils de l'ESS, et y adosser un programme pour la participation et la direction des femmes (Recommandation de l'OCDE ; conclusions de l'OIT 2022).",
        "Publicar datos desagregados por sexo sobre socios, trabajadores y consejos de la ESS, y vincularles un programa de participación y liderazgo de las mujeres (Recomendación de la OCDE; conclusiones de la OIT 2022).",
        {"gender_participation"})
    end
    if is("youth_programmes", "none") then
      rec("inclusion_transitions", 3,
        "Open youth employment and entrepreneurship programmes to cooperatives and other SSE forms, starting with school and student cooperatives (OECD Recommendation).",
        "Ouvrir les programmes d'emploi et d'entrepreneuriat des jeunes aux coopératives et autres formes de l'ESS, en commençant par les coopératives scolaires et étudiantes (Recommandation de l'OCDE).",
        "Abrir los programas de empleo y emprendimiento juvenil a las cooperativas y otras formas de la ESS, empezando por las cooperativas escolares y estudiantiles (Recomendación de la OCDE).",
        {"youth_programmes"})
    end
    if is("green_transition", "none") then
      rec("inclusion_transitions", 3,
        "Name SSE entities (energy and housing cooperatives, circular-economy and waste-picker cooperatives) with funded measures in the next climate or just-transition plan (ILO 2022 conclusions; OECD Recommendation).",
        "Nommer les entités de l'ESS (coopératives d'énergie et d'habitat, de l'économie circulaire et de récupérateurs) avec des mesures financées dans le prochain plan climat ou de transition juste (conclusions de l'OIT 2022 ; Recommandation de l'OCDE).",
        "Nombrar a las entidades de la ESS (cooperativas de energía y vivienda, de economía circular y de recicladores) con medidas financiadas en el próximo plan de clima o de transición justa (conclusiones de la OIT 2022; Recomendación de la OCDE).",
        {"green_transition"})
    end
    if is("digital_platforms", "none") then
      rec("inclusion_transitions", 3,
        "Open digital-transition programmes to SSE entities and platform cooperatives (OECD Recommendation; EU Social Economy Action Plan).",
        "Ouvrir les programmes de transition numérique aux entités de l'ESS et aux coopératives de plateforme (Recommandation de l'OCDE ; Plan d'action de l'UE pour l'économie sociale).",
        "Abrir los programas de transición digital a las entidades de la ESS y a las cooperativas de plataforma (Recomendación de la OCDE; Plan de Acción de la UE para la Economía Social).",
        {"digital_platforms"})
    end
  end,
}

-- Silence is not a weakness: one finding per pillar names the headline questions
-- (weight 2 or more) that are unanswered or "don't know", and asks for the evidence.
local function gather_evidence(p, s)
  local ids = {}
  for _, x in ipairs(s.questions) do
    if x.counted and x.weight >= 2 and (x.state == "dont_know" or x.state == "none") then
      ids[#ids + 1] = x.id
    end
  end
  if #ids == 0 or s.score == nil then return end
  local n = #ids
  rk.finding{pillar = p.id, priority = 3, kind = "gap", questions = ids, text = {
    en = "Gather the evidence on " .. n .. (n == 1 and " headline question" or " headline questions") .. " of this pillar left unanswered or \"don't know\": unknown answers count at the median at most. Who: " .. WHO.institutional_framework[1] .. ", with the SSE networks; " .. WHEN[1][1] .. ".",
    fr = "Réunir les justificatifs sur " .. n .. (n == 1 and " question principale de ce pilier restée" or " questions principales de ce pilier restées") .. " sans réponse ou « ne sait pas » : les réponses inconnues comptent au plus pour le milieu de l'échelle. Qui : " .. WHO.institutional_framework[2] .. ", avec les réseaux de l'ESS ; " .. WHEN[1][2] .. ".",
    es = "Reunir la evidencia sobre " .. n .. (n == 1 and " pregunta principal" or " preguntas principales") .. " de este pilar sin respuesta o «no sabe»: las respuestas desconocidas cuentan como máximo en la mitad de la escala. Quién: " .. WHO.institutional_framework[3] .. ", con las redes de la ESS; " .. WHEN[1][3] .. "."}}
end

-- ---------------------------------------------------------------- indicators
local function indicators()
  local orgs, jobs, pop = num("org_count"), num("sse_jobs"), num("population")
  if orgs and pop and pop > 0 then
    rk.indicator{id = "orgs_per_10k", pillar = "statistics",
      label = {en = "SSE organisations per 10,000 inhabitants", fr = "Organisations de l'ESS pour 10 000 habitants", es = "Organizaciones de la ESS por 10 000 habitantes"},
      value = math.floor(orgs / pop * 10000 * 10 + 0.5) / 10}
  end
  if jobs and pop and pop > 0 then
    rk.indicator{id = "jobs_per_1000", pillar = "statistics",
      label = {en = "SSE jobs per 1,000 inhabitants", fr = "Emplois de l'ESS pour 1 000 habitants", es = "Empleos de la ESS por 1000 habitantes"},
      value = math.floor(jobs / pop * 1000 * 10 + 0.5) / 10}
  end
  local e = num("employment_share")
  if e then
    rk.indicator{id = "employment_share", pillar = "statistics", value = e,
      label = {en = "SSE share of employment", fr = "Part de l'ESS dans l'emploi", es = "Participación de la ESS en el empleo"}, unit = "%"}
  end
  local g = num("gva_share")
  if g then
    rk.indicator{id = "gva_share", pillar = "statistics", value = g,
      label = {en = "SSE share of GDP or GVA", fr = "Part de l'ESS dans le PIB ou la VAB", es = "Participación de la ESS en el PIB o el VAB"}, unit = "%"}
  end
  local i = num("informal_share")
  if i then
    rk.indicator{id = "informal_share", pillar = "social_protection_informality", value = i,
      label = {en = "Informal employment", fr = "Emploi informel", es = "Empleo informal"}, unit = "%"}
  end
  local y = num("law_year")
  if y then
    rk.indicator{id = "law_year", pillar = "legal_framework", value = y,
      label = {en = "Year of the SSE framework law", fr = "Année de la loi-cadre sur l'ESS", es = "Año de la ley marco de ESS"}}
  end
  -- evidence coverage: answered questions that name a source
  local answered, sourced = 0, 0
  for _, p in ipairs(rk.questionnaire.pillars) do
    for _, q in ipairs(p.questions) do
      local g2 = rk.get(q.id)
      if g2.state == "answered" then
        answered = answered + 1
        if g2.source and g2.source ~= "" then sourced = sourced + 1 end
      end
    end
  end
  if answered > 0 then
    rk.indicator{id = "evidence_coverage",
      label = {en = "Answers with a cited source", fr = "Réponses avec une source citée", es = "Respuestas con una fuente citada"},
      value = math.floor(sourced / answered * 100 + 0.5), unit = "%"}
  end
end

-- ---------------------------------------------------------------- strengths
local ORDER = {"legal_framework", "institutional_framework", "finance", "support_networks",
  "statistics", "education_research", "markets_procurement", "coconstruction_localization",
  "social_protection_informality", "inclusion_transitions"}

-- ---------------------------------------------------------------- evidence policy
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
local OPERATION = {
  law_in_use = 0.5, strategy_budget_spent = 0.5, lead_body_staff = 0.5, fund_reach = 0.5,
  intermediaries_reach = 0.5, data_recent = 0.5, consultative_meetings = 0.5,
  finance_intermediaries = 0.6, inclusive_finance = 1, social_protection = 0.6,
  outcome_evaluation = 1, officials_capacity = 1, disguised_employment = 1,
  gender_participation = 1, youth_programmes = 1, green_transition = 1, digital_platforms = 1,
}
local SCALE_OPERATES = {legal_status = 1}

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

-- Pillars with no usable answer: say so once per pillar rather than guess.
local function coverage(r)
  for _, id in ipairs(ORDER) do
    local p = r.pillars and r.pillars[id]
    if p and p.score == nil then
      gap(id, 2,
        "No answer was given, so this pillar counts at the median of its scale: gather the evidence the help texts name (the ministry in charge of the SSE, with the statistics office and the SSE networks, within a year).",
        "Aucune réponse n'a été donnée : ce pilier compte pour le milieu de son échelle. Réunir les justificatifs indiqués dans l'aide (le ministère chargé de l'ESS, avec l'institut statistique et les réseaux de l'ESS, dans l'année).",
        "No se dio ninguna respuesta, por lo que este pilar cuenta en la mitad de su escala: reunir la evidencia que indican los textos de ayuda (el ministerio a cargo de la ESS, con la oficina de estadística y las redes de la ESS, en el plazo de un año).")
    end
  end
  return evidence_gate()
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

-- Strength findings name what the strength is, from the answers, and one concrete next
-- step for that pillar (a generic "document and share" line repeated for every pillar
-- says nothing to a reader). Each pillar lists answers that count as strong, with a
-- short phrase in each language; the finding quotes at most four of them.
local function at_least(id, n) local v = lvl(id); return v ~= nil and v >= n end
local function yes(id) return is(id, "yes") end

local STRONG = {
  inclusion_transitions = {
    {function () return is("gender_participation", "data_and_measures") end,
      "published data and measures on women's participation", "des données publiées et des mesures pour la participation des femmes", "datos publicados y medidas para la participación de las mujeres"},
    {function () return is("youth_programmes", "national") end,
      "a national SSE programme for young people", "un programme national d'ESS pour les jeunes", "un programa nacional de ESS para jóvenes"},
    {function () return is("green_transition", "measures") end,
      "funded SSE measures in climate or just-transition plans", "des mesures financées pour l'ESS dans les plans climat ou de transition juste", "medidas financiadas para la ESS en los planes de clima o de transición justa"},
    {function () return is("digital_platforms", "funded") end,
      "funded support for digital and platform cooperatives", "un soutien financé aux coopératives numériques et de plateforme", "apoyo financiado a las cooperativas digitales y de plataforma"},
  },
  legal_framework = {
    {function () return is("legal_status", "framework_implemented") end,
      "a framework law with implementing decrees or bodies", "une loi-cadre dotée de ses décrets ou organes d'application", "una ley marco con sus decretos u organismos de aplicación"},
    {function () return is("legal_status", "framework") end,
      "a framework law in force", "une loi-cadre en vigueur", "una ley marco en vigor"},
    {function () return yes("legal_definition") end,
      "a legal definition of the SSE", "une définition légale de l'ESS", "una definición legal de la ESS"},
    {function () return yes("legal_label") end,
      "a legal status or label for SSE enterprises", "un statut ou un agrément pour les entreprises de l'ESS", "un estatuto o una acreditación para las empresas de la ESS"},
    {function () return yes("law_evaluated") end,
      "a law that has been evaluated", "une loi déjà évaluée", "una ley ya evaluada"},
  },
  institutional_framework = {
    {function () return at_least("strategy", 4) end,
      "an action plan that is evaluated and revised", "un plan d'action évalué et révisé", "un plan de acción evaluado y revisado"},
    {function () return lvl("strategy") == 3 end,
      "a funded action plan", "un plan d'action financé", "un plan de acción financiado"},
    {function () return yes("lead_body") end,
      "a lead body with an SSE mandate", "un pilote doté d'un mandat pour l'ESS", "un organismo rector con mandato sobre la ESS"},
    {function () return at_least("horizontal_coordination", 3) and at_least("vertical_coordination", 3) end,
      "co-ordination across ministries and levels of government", "une coordination entre ministères et niveaux de gouvernement", "coordinación entre ministerios y niveles de gobierno"},
    {function () return yes("policy_monitoring") end,
      "public monitoring of the strategy", "un suivi public de la stratégie", "un seguimiento público de la estrategia"},
  },
  finance = {
    {function () return yes("public_fund") end,
      "a dedicated public budget for the SSE", "un budget public dédié à l'ESS", "un presupuesto público dedicado a la ESS"},
    {function () return is("finance_intermediaries", "several") or is("finance_intermediaries", "nationwide") end,
      "dedicated SSE finance intermediaries", "des intermédiaires financiers dédiés à l'ESS", "intermediarios financieros dedicados a la ESS"},
    {function () return (count("finance_instruments") or 0) >= 3 end,
      "several instruments suited to SSE entities", "plusieurs instruments adaptés aux entités de l'ESS", "varios instrumentos adaptados a las entidades de la ESS"},
    {function () return yes("solidarity_savings") end,
      "an incentive for solidarity savings", "une incitation à l'épargne solidaire", "un incentivo al ahorro solidario"},
  },
  support_networks = {
    {function () return is("national_network", "sse_wide") end,
      "a national umbrella body", "une organisation faîtière nationale", "un organismo nacional de representación"},
    {function () return (num("regional_networks") or 0) >= 3 end,
      "active regional or sectoral networks", "des réseaux régionaux ou sectoriels actifs", "redes regionales o sectoriales activas"},
    {function () return at_least("local_intermediaries", 3) end,
      "local intermediaries and hubs", "des intermédiaires et pôles locaux", "intermediarios y polos locales"},
    {function () return yes("networks_funded") end,
      "multi-year public co-funding of the networks", "un cofinancement public pluriannuel des réseaux", "cofinanciación pública plurianual de las redes"},
  },
  statistics = {
    {function () return lvl("data_maturity") == 4 end,
      "a recurring satellite account or official series", "un compte satellite ou une série officielle récurrente", "una cuenta satélite o serie oficial recurrente"},
    {function () return lvl("data_maturity") == 3 end,
      "official statistical portraits of the SSE", "des portraits statistiques officiels de l'ESS", "informes estadísticos oficiales de la ESS"},
    {function () return yes("registry_observatory") end,
      "a public registry or observatory", "un registre ou observatoire public", "un registro u observatorio público"},
    {function () return at_least("impact_guidance", 3) end,
      "endorsed impact-measurement guidance", "un guide reconnu de mesure d'impact", "una guía reconocida de medición del impacto"},
  },
  education_research = {
    {function () return (num("university_programmes") or 0) >= 3 end,
      "university programmes and research centres", "des formations universitaires et centres de recherche", "programas universitarios y centros de investigación"},
    {function () return yes("research_transfer") end,
      "a research-practice transfer body", "un organisme de transfert entre recherche et pratique", "un organismo de transferencia entre investigación y práctica"},
    {function () return yes("awareness") end,
      "a recurring awareness campaign", "une campagne de sensibilisation récurrente", "una campaña de sensibilización recurrente"},
    {function () return at_least("vocational_training", 3) end,
      "training for SSE managers and workers", "des formations pour les dirigeants et salariés de l'ESS", "formación para directivos y trabajadores de la ESS"},
    {function () return at_least("social_innovation", 3) end,
      "public support to social innovation", "un soutien public à l'innovation sociale", "apoyo público a la innovación social"},
  },
  markets_procurement = {
    {function () return yes("procurement_social_clauses") or yes("reserved_contracts") end,
      "procurement rules that allow social clauses", "des règles de marchés publics qui permettent les clauses sociales", "reglas de contratación que permiten cláusulas sociales"},
    {function () return at_least("procurement_practice", 3) end,
      "public buyers who use them", "des acheteurs publics qui s'en servent", "compradores públicos que las usan"},
    {function () return at_least("market_programmes", 3) end,
      "programmes that open private markets", "des programmes d'accès aux marchés privés", "programas de acceso a mercados privados"},
    {function () return at_least("tax_treatment", 3) end,
      "a suited tax treatment", "une fiscalité adaptée", "un tratamiento fiscal adaptado"},
  },
  coconstruction_localization = {
    {function () return yes("consultative_body") end,
      "a formal body or duty to consult the SSE", "une instance ou obligation de consultation de l'ESS", "un órgano u obligación de consulta a la ESS"},
    {function () return at_least("co_drafting_strategy", 3) end,
      "joint drafting of law and strategy", "une élaboration conjointe de la loi et de la stratégie", "la redacción conjunta de la ley y la estrategia"},
    {function () return (num("local_policies_share") or 0) >= 50 end,
      "SSE policies in most regions or municipalities", "des politiques d'ESS dans la plupart des régions ou communes", "políticas de ESS en la mayoría de regiones o municipios"},
    {function () return at_least("local_support", 3) end,
      "national support to local SSE ecosystems", "un appui national aux écosystèmes locaux", "apoyo nacional a los ecosistemas locales"},
    {function () return yes("local_gov_network") end,
      "local governments in SSE networks", "des collectivités membres de réseaux d'ESS", "gobiernos locales en redes de ESS"},
  },
  social_protection_informality = {
    {function () return is("social_protection", "most") or is("social_protection", "nearly_all") end,
      "social protection for SSE workers and members", "une protection sociale des travailleurs et membres de l'ESS", "protección social para trabajadores y socios de la ESS"},
    {function () return at_least("formalisation_pathway", 3) end,
      "a pathway for informal groups to formalise", "une voie de formalisation pour les groupes informels", "una vía de formalización para los grupos informales"},
    {function () return at_least("decent_work_conditions", 3) or at_least("decent_work_monitoring", 3) end,
      "decent work promoted and monitored in SSE entities", "un travail décent promu et suivi dans les entités de l'ESS", "trabajo decente promovido y seguido en las entidades de la ESS"},
    {function () return yes("labour_rights") end,
      "labour law that covers worker-members", "un droit du travail qui couvre les membres-travailleurs", "derecho laboral que cubre a los socios trabajadores"},
    {function () return yes("mutual_regulation") end,
      "regulated mutual schemes", "des mutuelles réglementées", "mutuales reguladas"},
    {function () return yes("care_services") end,
      "SSE providers of care under public agreements", "des prestataires de soins de l'ESS sous convention publique", "proveedores de cuidados de la ESS con convenio público"},
  },
}

-- One concrete next step per pillar, for a pillar that is already strong.
local NEXT = {
  inclusion_transitions = {
    "report each year, with sex-disaggregated data, how many women, young people and green or digital SSE entities the programmes reached (OECD Recommendation).",
    "rendre compte chaque année, avec des données ventilées par sexe, du nombre de femmes, de jeunes et d'entités vertes ou numériques de l'ESS touchés par les programmes (Recommandation de l'OCDE).",
    "informar cada año, con datos desagregados por sexo, de cuántas mujeres, jóvenes y entidades verdes o digitales de la ESS alcanzaron los programas (Recomendación de la OCDE)."},
  legal_framework = {
    "publish a periodic report on how the law is applied (who is covered, which measures refer to the definition) as the basis of its evaluation (OECD Policy Guide on Legal Frameworks, evaluation phase).",
    "publier un rapport périodique sur l'application de la loi (entités couvertes, mesures qui renvoient à la définition), base de son évaluation (Guide de l'OCDE sur les cadres juridiques, phase d'évaluation).",
    "publicar un informe periódico sobre la aplicación de la ley (entidades cubiertas, medidas que remiten a la definición), base de su evaluación (Guía de la OCDE sobre marcos jurídicos, fase de evaluación)."},
  institutional_framework = {
    "tie the next plan's budget to the indicators of the last evaluation and publish the results with the SSE umbrella bodies (OECD Recommendation block 2).",
    "lier le budget du prochain plan aux indicateurs de la dernière évaluation et en publier les résultats avec les organisations faîtières de l'ESS (Recommandation de l'OCDE, volet 2).",
    "vincular el presupuesto del próximo plan a los indicadores de la última evaluación y publicar los resultados con los organismos de representación de la ESS (Recomendación de la OCDE, componente 2)."},
  finance = {
    "publish yearly figures on the finance SSE entities receive (volumes, losses, leverage) so funders can compare instruments (OECD Recommendation block 4).",
    "publier chaque année les financements reçus par les entités de l'ESS (volumes, pertes, effet de levier) pour que les financeurs comparent les instruments (Recommandation de l'OCDE, volet 4).",
    "publicar cada año la financiación que reciben las entidades de la ESS (volúmenes, pérdidas, efecto palanca) para que los financiadores comparen los instrumentos (Recomendación de la OCDE, componente 4)."},
  support_networks = {
    "agree shared results indicators with the networks and intermediaries and tie multi-year funding to them (UNRISD/GSEF Guidelines topic 4).",
    "convenir d'indicateurs de résultats communs avec les réseaux et intermédiaires et y adosser un financement pluriannuel (Lignes directrices UNRISD/GSEF, thème 4).",
    "acordar indicadores de resultados comunes con las redes e intermediarios y vincular a ellos una financiación plurianual (Directrices UNRISD/GSEF, tema 4)."},
  statistics = {
    "fix a publication calendar for the SSE figures and align them with the ILO guidelines on cooperative statistics so they compare across years and countries (A/RES/77/281 para. 1 (national statistics)).",
    "fixer un calendrier de publication des chiffres de l'ESS et les aligner sur les lignes directrices de l'OIT sur les statistiques des coopératives, pour les comparer d'une année et d'un pays à l'autre (A/RES/77/281 par. 1 (statistiques nationales)).",
    "fijar un calendario de publicación de las cifras de la ESS y alinearlas con las directrices de la OIT sobre estadísticas de cooperativas, para compararlas entre años y países (A/RES/77/281 párr. 1 (estadísticas nacionales))."},
  education_research = {
    "map SSE teaching and research across schools and universities and agree a joint research agenda with the SSE networks (A/RES/77/281 para. 1 (education, capacity-building and research)).",
    "recenser l'enseignement et la recherche sur l'ESS dans les écoles et universités et convenir d'un programme de recherche commun avec les réseaux de l'ESS (A/RES/77/281 par. 1 (éducation, renforcement des capacités et recherche)).",
    "inventariar la enseñanza y la investigación sobre la ESS en escuelas y universidades y acordar una agenda de investigación común con las redes de la ESS (A/RES/77/281 párr. 1 (educación, creación de capacidad e investigación))."},
  markets_procurement = {
    "publish each year the share of public purchases won by SSE entities and set a target (OECD Recommendation block 5).",
    "publier chaque année la part des achats publics obtenue par les entités de l'ESS et fixer une cible (Recommandation de l'OCDE, volet 5).",
    "publicar cada año la proporción de compras públicas obtenida por entidades de la ESS y fijar una meta (Recomendación de la OCDE, componente 5)."},
  coconstruction_localization = {
    "give the consultative bodies a formal role in monitoring the strategy, on a published calendar (OECD/EU BEPT institutional module).",
    "donner aux instances de consultation un rôle formel dans le suivi de la stratégie, selon un calendrier publié (module institutionnel du BEPT).",
    "dar a los órganos de consulta un papel formal en el seguimiento de la estrategia, con un calendario publicado (módulo institucional de la BEPT OCDE/UE)."},
  social_protection_informality = {
    "measure with the statistics office how many SSE workers and members are covered by social protection, to follow progress (ILO 2022 conclusions).",
    "mesurer avec l'institut statistique la couverture des travailleurs et membres de l'ESS par la protection sociale, pour en suivre les progrès (conclusions de l'OIT 2022).",
    "medir con la oficina de estadística cuántos trabajadores y socios de la ESS tienen protección social, para seguir los avances (conclusiones de la OIT 2022)."},
}

-- The strong points as one phrase: "a; b; c" (the phrases themselves may contain "and");
-- French puts a space before the semicolon. li: 1 en, 2 fr, 3 es.
local function join(list, li) return table.concat(list, li == 2 and " ; " or "; ") end

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

local function strengths(r)
  for _, id in ipairs(ORDER) do
    local p = r.pillars and r.pillars[id]
    if p and p.score and p.score >= 75 and (sourced_weight(id) or 0) >= 0.5 then
      local got = {{}, {}, {}}
      for _, item in ipairs(STRONG[id] or {}) do
        if #got[1] < 4 and item[1]() then
          for li = 1, 3 do got[li][#got[li] + 1] = item[li + 1] end
        end
      end
      local sc = math.floor(p.score + 0.5)
      local what = {
        "most answers are at the top of the scale",
        "la plupart des réponses sont en haut de l'échelle",
        "la mayoría de las respuestas están en lo alto de la escala"}
      if #got[1] > 0 then
        for li = 1, 3 do what[li] = join(got[li], li) end
      end
      local step = NEXT[id]
      strength(id,
        "Strength (" .. sc .. "/100): " .. what[1] .. ". Next step: " .. step[1],
        "Point fort (" .. sc .. "/100) : " .. what[2] .. ". Prochaine étape : " .. step[2],
        "Punto fuerte (" .. sc .. "/100): " .. what[3] .. ". Próximo paso: " .. step[3])
    elseif id == "statistics" and lvl("data_maturity") == 4 then
      strength("statistics",
        "A recurring satellite account or official series makes the SSE visible in national statistics (A/RES/77/281 para. 1 (national statistics)).",
        "Un compte satellite récurrent ou une série officielle rend l'ESS visible dans la statistique nationale (A/RES/77/281 par. 1 (statistiques nationales)).",
        "Una cuenta satélite recurrente o una serie oficial hace visible la ESS en la estadística nacional (A/RES/77/281 párr. 1 (estadísticas nacionales)).",
        {"data_maturity"})
    end
  end
end

-- The rules of each pillar (gates and recommendations), run in the pillar layer so that
-- their caps can hold the pillar's score.
local function informal_high()
  local inf = num("informal_share")
  return inf ~= nil and inf >= 50
end

local PILLAR_RULES = {
  legal_framework = legal,
  institutional_framework = institutions,
  finance = function () finance(informal_high()) end,
  support_networks = networks,
  statistics = statistics,
  education_research = education,
  markets_procurement = markets,
  coconstruction_localization = coconstruction,
  social_protection_informality = function () protection(informal_high()) end,
}

return {
  -- every indicator this file may add: CSV columns whatever the answers
  indicators = {"orgs_per_10k", "jobs_per_1000", "employment_share", "gva_share",
    "informal_share", "law_year", "evidence_coverage", "sourced_share", "answered_share"},
  -- The pillar's own gates and recommendations, then the evidence gates; the score is
  -- taken at the median for what is not known (when that lowers it) and held at the top
  -- of the lowest level a cap allows.
  pillar = function (p, s)
    if p.index == 1 then top_findings = 0 end
    gate = {}
    local run = PILLAR_RULES[p.id]
    if run then run() end
    if EXTRA[p.id] then EXTRA[p.id]() end
    gather_evidence(p, s)
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
    indicators()
    local pct = coverage(r)
    strengths(r)
    local status = val("legal_status")
    local score = overall_score(r, pct, (status == "none" or status == "draft") and "developing" or nil)
    if score then return {score = score} end
    return nil
  end,
}
