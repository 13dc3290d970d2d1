---@meta readykit
-- lua-language-server definitions of the readykit rules API (scripts/README.md).
-- Not run by readykit: add this folder to "workspace.library" in .luarc.json.

---A human-readable string: plain, or one per language.
---@alias readykit.Text string|table<string, string>

---@alias readykit.QuestionType "yes_no"|"scale"|"choice"|"multi"|"number"|"text"
---@alias readykit.AnswerState "answered"|"dont_know"|"none"|"skipped"
---@alias readykit.FindingKind "gap"|"recommendation"|"strength"

---@class readykit.Choice
---@field value string what an answers file holds, e.g. "adopted"
---@field label readykit.Text
---@field points? number

---@class readykit.Band
---@field min number
---@field points number

---A question of the questionnaire (a fresh copy: changing it changes nothing).
---@class readykit.Question
---@field id string
---@field type readykit.QuestionType
---@field pillar string the pillar's id
---@field index integer position in the questionnaire, from 1
---@field text readykit.Text
---@field help? readykit.Text
---@field weight number
---@field scored boolean
---@field max_points number points of the best answer; 0 when not scored
---@field choices? readykit.Choice[] yes_no, scale, choice, multi
---@field cap? number multi: the sum of points is capped at this
---@field min? number number questions
---@field max? number number questions
---@field integer? boolean number questions
---@field unit? readykit.Text number questions
---@field bands? readykit.Band[] number questions
---@field when? string its condition
---@field required boolean
---@field evidence boolean
---@field dont_know boolean

---An answer (a fresh copy).
---@class readykit.Answer
---@field state readykit.AnswerState
---@field value? string|number|string[] nil unless state == "answered"; a list for multi
---@field note? string
---@field source? string

---A question's score so far; return a table with the fields to change.
---@class readykit.QuestionScore
---@field points? number|false nil/false: no points (left out of the average)
---@field max? number best possible points; the question counts when max > 0
---@field weight? number weight in its pillar

---@class readykit.Pillar
---@field id string
---@field title readykit.Text
---@field description? readykit.Text
---@field weight number
---@field index integer
---@field questions string[] the ids of its questions

---@class readykit.QuestionResult
---@field id string
---@field state readykit.AnswerState
---@field points? number
---@field max number
---@field weight number
---@field counted boolean

---A pillar's score so far; return {score =, weight =} to change it.
---@class readykit.PillarScore
---@field score? number|false 0..100; nil/false: no score
---@field weight? number weight in the overall score
---@field questions? readykit.QuestionResult[] every question of the pillar, in order

---@class readykit.PillarSummary
---@field id string
---@field title readykit.Text
---@field score? number
---@field weight number

---The result so far; return {score =} to change the overall score.
---@class readykit.Result
---@field score? number|false 0..100
---@field pillars? table<string|integer, readykit.PillarSummary> a list in order, also indexed by id

---@class readykit.Level
---@field id string
---@field min number
---@field name readykit.Text
---@field description? readykit.Text

---@class readykit.QuestionnairePillar: readykit.Pillar
---@field questions readykit.Question[] here, the full questions

---@class readykit.Questionnaire
---@field id string
---@field version string
---@field title readykit.Text
---@field description? readykit.Text
---@field languages string[]
---@field levels readykit.Level[]
---@field pillars readykit.QuestionnairePillar[]

---What a rule file returns: any of the three layers.
---@class readykit.Rules
---@field question? fun(q: readykit.Question, a: readykit.Answer, s: readykit.QuestionScore): readykit.QuestionScore?
---@field pillar? fun(p: readykit.Pillar, s: readykit.PillarScore): readykit.PillarScore?
---@field result? fun(r: readykit.Result): readykit.Result?

---@class readykit.FindingSpec
---@field text readykit.Text
---@field pillar? string a pillar id; nil: about the whole result
---@field priority? 1|2|3 1 is the most urgent; default 2
---@field kind? readykit.FindingKind default "recommendation"
---@field questions? string[] ids of the answers that triggered it

---@class readykit.IndicatorSpec
---@field id string
---@field label? readykit.Text
---@field value? number nil when it cannot be computed
---@field unit? readykit.Text
---@field pillar? string

---@class readykit.CapSpec
---@field level string a level id of the questionnaire
---@field reason readykit.Text shown beside the score
---@field pillar? string nil: cap the overall level

---@class readykit.RequiresSpec
---@field questionnaire? string|string[] the questionnaire ids the file is for
---@field version? string conditions such as ">=1.1", "<2", "=2.0.0" or ">=1.1, <2"

---Counts of rk.coverage over the scored questions (those with counted = true).
---@class readykit.Coverage
---@field questions integer scored questions, not applicable ones included
---@field answered integer
---@field dont_know integer
---@field unanswered integer
---@field skipped integer not applicable (their when: is false)
---@field weight number sum of the weights of the applicable scored questions
---@field answered_weight number sum of the weights of the answered ones

---@class readykit.CoverageAll: readykit.Coverage
---@field pillars table<string, readykit.Coverage> by pillar id

---@class readykit.rk
rk = {}

---The rules API version.
---@type string
rk.version = "1.0"

---This rule file's name as given.
---@type string
rk.file = ""

---The subject: of the answers file being scored, or nil when it has none.
---@type string|nil
rk.subject = nil

---The language of the report.
---@type string
rk.lang = "en"

---The questionnaire (a fresh copy).
---@type readykit.Questionnaire
rk.questionnaire = {}

---The question with this id.
---@param id string
---@return readykit.Question
function rk.question(id) end

---The value of the answer to question id, or nil (inside layers only).
---@param id string
---@return string|number|string[]|nil
function rk.answer(id) end

---The whole answer to question id (inside layers only).
---@param id string
---@return readykit.Answer
function rk.get(id) end

---Counts of the scored questions by state, as the result counts them:
---rk.coverage() overall with `pillars` by id, rk.coverage(pillar_id) one pillar.
---Pillar and result layers only.
---@overload fun(): readykit.CoverageAll
---@param pillar string a pillar id
---@return readykit.Coverage
function rk.coverage(pillar) end

---Add a finding or recommendation (inside layers only).
---@param f readykit.FindingSpec
function rk.finding(f) end

---Add a derived indicator (inside layers only); the same id replaces it.
---@param i readykit.IndicatorSpec
function rk.indicator(i) end

---Cap a pillar's level, or the overall level (inside layers only).
---@param c readykit.CapSpec
function rk.cap(c) end

---The string of a text in rk.lang.
---@param t readykit.Text|nil
---@return string
function rk.text(t) end

---At the top level only: the questionnaires this file is written for; on any
---other, the rest of the file does not run and it is skipped with a warning.
---@param r readykit.RequiresSpec
function rk.requires(r) end

---Write "file:line: [answers FILE] values" to standard error.
---@param ... any
function rk.log(...) end
