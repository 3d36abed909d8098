// Outreach quiz. Scores the quiz form on this page, keeps progress on this device only (nothing is
// sent anywhere) and offers an optional timed challenge. Without JavaScript the form still works:
// each answer is under "Show the answer". The logic is pure exported functions (tested in Node);
// the DOM glue at the end runs only in a browser.

export const DEFAULT_STRINGS = {
  correct: "Correct!", incorrect: "Not quite.", unanswered: "Not answered.",
  score: "You answered {score} of {total} correctly.", categoryScore: "{category}: {score}/{total}",
  passed: "You passed!", failed: "Keep learning and try again.",
  challengeStatus: "Question {number} of {total} · Points: {points} · Streak: {streak}",
  timeLeft: "{seconds} seconds left", timeUp: "Time is up.",
  challengeDone: "Challenge finished: {points} points, best streak {streak}.",
  resume: "Your earlier answers were restored.",
};

/** Replaces `{name}` with `values.name`; unknown placeholders stay as they are. */
export function format(template, values = {}) {
  return String(template ?? "").replace(/\{(\w+)\}/g, (all, name) =>
    Object.hasOwn(values, name) && values[name] != null ? String(values[name]) : all);
}

/** True when `picked` is exactly the set of correct choices (and not empty). */
export function isCorrect(answers, picked) {
  const want = new Set(answers), got = new Set(picked || []);
  return got.size > 0 && got.size === want.size && [...got].every((c) => want.has(c));
}

/** "correct", "incorrect" or "unanswered" (which scores as wrong). */
export function questionStatus(answers, picked) {
  if (!picked || !picked.length) return "unanswered";
  return isCorrect(answers, picked) ? "correct" : "incorrect";
}

/** Whole percent, rounded down, so 69.9 % never reaches a 70 % range. */
export function percent(score, total) {
  return total > 0 ? Math.floor((score * 100) / total) : 0;
}

export function passed(score, total, passMark = 0) {
  return total > 0 && score * 100 >= passMark * total;
}

/** The message of the range (inclusive min..max) holding `pct`, else "". */
export function resultMessage(results, pct) {
  const hit = (results || []).find((r) => pct >= r.min && pct <= r.max);
  return hit ? hit.message : "";
}

/** Per-category tallies of `rows` ({category, correct}) in the order of `categories`;
 *  categories without questions are left out, unknown ones come last, named by id. */
export function categoryTallies(rows, categories = []) {
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const tally = new Map();
  for (const row of rows) {
    const t = tally.get(row.category) || { score: 0, total: 0 };
    t.total += 1;
    if (row.correct) t.score += 1;
    tally.set(row.category, t);
  }
  const ids = [...categories.map((c) => c.id).filter((id) => tally.has(id)), ...[...tally.keys()].filter((id) => !names.has(id))];
  return ids.map((id) => ({ id, name: names.get(id) ?? String(id), ...tally.get(id) }));
}

/** Scores `questions` ({id, category, answers}) against `picks` ({id: [choice ids]}). */
export function scoreAnswers(questions, picks = {}, categories = []) {
  const rows = questions.map((q) => {
    const status = questionStatus(q.answers, picks[q.id]);
    return { id: q.id, category: q.category, status, correct: status === "correct" };
  });
  const score = rows.filter((r) => r.correct).length;
  return { score, total: rows.length, percent: percent(score, rows.length), questions: rows, categories: categoryTallies(rows, categories) };
}

/** A repeatable random function in [0, 1) (mulberry32), for tests and reproducible draws. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle(items, random = Math.random) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** How many questions an attempt has: `pool` if it is a whole number from 1 to count-1, else all. */
export function poolSize(pool, count) {
  return Number.isInteger(pool) && pool > 0 && pool < count ? pool : count;
}

/** `pool` ids picked at random, kept in bank order. */
export function drawPool(ids, pool, random = Math.random) {
  const n = poolSize(pool, ids.length);
  if (n >= ids.length) return [...ids];
  const picked = new Set(shuffle(ids, random).slice(0, n));
  return ids.filter((id) => picked.has(id));
}

/** One attempt: which questions in which order, and each drawn question's choice order.
 *  `questions` are {id, type, choices: [choice ids]}. True/false choices keep their order. */
export function planAttempt(questions, { pool, shuffle: mix = true } = {}, random = Math.random) {
  const drawn = drawPool(questions.map((q) => q.id), pool, random);
  const order = mix ? shuffle(drawn, random) : drawn;
  const choices = {};
  for (const q of questions) {
    if (order.includes(q.id)) choices[q.id] = mix && q.type !== "true-false" ? shuffle(q.choices, random) : [...q.choices];
  }
  return { order, choices };
}

/** Checks saved progress ({drawn, answers}) against the quiz; returns {order, answers} or null. */
export function validSaved(saved, questions, pool) {
  if (!saved || typeof saved !== "object" || !Array.isArray(saved.drawn)) return null;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const drawn = saved.drawn;
  if (new Set(drawn).size !== drawn.length || drawn.length !== poolSize(pool, questions.length) || !drawn.every((id) => byId.has(id))) return null;
  const answers = {};
  for (const id of drawn) {
    const q = byId.get(id), got = saved.answers && saved.answers[id];
    if (!Array.isArray(got)) continue;
    const ok = [...new Set(got)].filter((c) => q.choices.includes(c));
    if (ok.length && (q.type === "multiple" || ok.length === 1)) answers[id] = ok;
  }
  return { order: [...drawn], answers };
}

// Challenge: 100 points per correct answer plus 10 × the streak brought into the question.
export const challengePoints = (streak) => 100 + 10 * streak;

export function challengeStart(ids) {
  return { order: [...ids], index: 0, points: 0, streak: 0, bestStreak: 0, correct: 0, history: [], done: ids.length === 0 };
}

export const challengeCurrent = (state) => (state.done ? null : state.order[state.index]);

/** Records the current question's outcome and moves on; a timeout always counts as wrong. */
export function challengeAnswer(state, correct, timedOut = false) {
  if (state.done) return state;
  const ok = Boolean(correct) && !timedOut;
  const gained = ok ? challengePoints(state.streak) : 0;
  const streak = ok ? state.streak + 1 : 0;
  const index = state.index + 1;
  return {
    ...state, index, streak, points: state.points + gained, bestStreak: Math.max(state.bestStreak, streak),
    correct: state.correct + (ok ? 1 : 0), done: index >= state.order.length,
    history: [...state.history, { id: state.order[state.index], correct: ok, timedOut, points: gained }],
  };
}

export const challengeTimeout = (state) => challengeAnswer(state, false, true);

// Timer: times in milliseconds from any monotonic clock; limit in seconds, 0 = no limit.
export function timerStart(limit, now) {
  return { limit: Math.max(0, Math.floor(Number(limit)) || 0), elapsed: 0, since: now };
}
export const timerElapsed = (t, now) => t.elapsed + (t.since == null ? 0 : now - t.since);
export const timerPause = (t, now) => (t.since == null ? t : { ...t, elapsed: timerElapsed(t, now), since: null });
export const timerResume = (t, now) => (t.since == null ? { ...t, since: now } : t);

/** Whole seconds left (rounded up), or null when there is no limit. */
export function timerRemaining(t, now) {
  return t.limit ? Math.max(0, Math.ceil((t.limit * 1000 - timerElapsed(t, now)) / 1000)) : null;
}

/** A new limit chosen during a question starts a fresh countdown of that length (paused stays paused). */
export function timerSetLimit(t, limit, now) {
  const fresh = timerStart(limit, now);
  return t.since == null ? { ...fresh, since: null } : fresh;
}

/** What to announce when the seconds left go from `before` to `after`: "timeLeft" on reaching
 *  10 s, "timeUp" at 0, else null (the countdown itself is shown, not spoken, every second). */
export function timerAnnouncement(before, after) {
  if (after == null || after === before) return null;
  if (after === 0) return "timeUp";
  return after <= 10 && (before == null || before > 10) ? "timeLeft" : null;
}

// ---------------------------------------------------------------------------------------------
// DOM glue

function load(key) {
  try { return JSON.parse(localStorage.getItem(key)); } catch { return null; }
}
function store(key, value) {
  try { value ? localStorage.setItem(key, JSON.stringify(value)) : localStorage.removeItem(key); } catch { /* storage off */ }
}
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}
const clock = () => performance.now();
const MARKS = ["quiz-q-correct", "quiz-q-incorrect", "quiz-q-unanswered"];

function setup(form) {
  let data;
  try { data = JSON.parse(form.querySelector("script[data-quiz-data]").textContent); } catch { return; }
  const $ = (s) => form.querySelector(s);
  const S = { ...DEFAULT_STRINGS, ...data.strings };
  const result = $("[data-quiz-result]"), status = $("[data-quiz-challenge-status]"), toolbar = $("[data-quiz-toolbar]");
  const select = $("[data-quiz-timer]"), toggle = $("[data-quiz-challenge]"), next = $("[data-quiz-next]"), submit = $("[data-quiz-submit]");
  const key = `outreach.quiz.${data.slug || form.dataset.quiz}.${data.lang || document.documentElement.lang}`;
  const fieldsets = new Map([...form.querySelectorAll("fieldset[data-question]")].map((fs) => [fs.dataset.question, fs]));
  const bank = new Map();
  for (const q of data.questions || []) {
    const fs = fieldsets.get(q.id);
    if (!fs || bank.has(q.id)) continue;
    const inputs = [...fs.querySelectorAll("input[type=radio],input[type=checkbox]")];
    const labels = inputs.map((i) => i.closest("label") || i);
    const details = fs.querySelector("details");
    bank.set(q.id, {
      ...q, fs, inputs, labels, details, choices: inputs.map((i) => i.value),
      li: fs.closest("li") || fs, box: fs.querySelector("[data-quiz-feedback]"),
      anchor: labels.length ? labels[labels.length - 1].nextSibling : null,
      explanationLang: details && [...details.querySelectorAll("p[lang]")].find((p) => p.textContent.trim() === (q.explanation || "").trim())?.lang,
    });
  }
  if (!bank.size) return;
  const all = [...bank.values()];
  const parent = all[0].li.parentNode, anchor = all[all.length - 1].li.nextSibling;
  const live = el("p", "", "quiz-live");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("data-quiz-live", "");
  if (status) status.after(live);
  else parent.before(live);
  const statusLine = el("p", "", "quiz-status-line"), clockBox = el("p", null, "quiz-clock");
  const clockText = el("span"), bar = el("progress");
  bar.setAttribute("aria-hidden", "true");
  clockBox.append(clockText, " ", bar);
  status?.append(statusLine, clockBox);

  let plan, challenge = false, ch = null, timer = null, left = null, ticker = 0;
  const say = (text, result) => {
    live.textContent = text;
    if (result) live.dataset.result = result;
    else live.removeAttribute("data-result");
  };
  const picked = (q) => q.inputs.filter((i) => i.checked).map((i) => i.value);
  const attemptQuestions = () => all.map((q) => ({ id: q.id, type: q.type, choices: q.choices }));

  function apply(p) {
    plan = p;
    const drawn = new Set(p.order);
    for (const id of [...p.order, ...all.filter((q) => !drawn.has(q.id)).map((q) => q.id)]) parent.insertBefore(bank.get(id).li, anchor);
    for (const q of all) {
      const on = drawn.has(q.id);
      q.li.hidden = !on;
      for (const i of q.inputs) i.disabled = !on;
      if (!on) continue;
      if (q.li.tagName === "LI") q.li.value = p.order.indexOf(q.id) + 1;
      const order = p.choices?.[q.id] || q.choices;
      const lab = q.labels[0]?.parentNode;
      for (const c of order) lab?.insertBefore(q.labels[q.choices.indexOf(c)], q.anchor);
    }
  }

  function save() {
    if (challenge) return;
    const answers = {};
    for (const id of plan.order) {
      const got = picked(bank.get(id));
      if (got.length) answers[id] = got;
    }
    store(key, Object.keys(answers).length ? { drawn: plan.order, answers } : null);
  }

  function clearMarks(q, keepOpen) {
    q.fs.classList.remove(...MARKS);
    q.fs.removeAttribute("data-result");
    q.inputs.forEach((i, k) => {
      i.removeAttribute("data-correct");
      q.labels[k].classList.remove("quiz-choice-correct", "quiz-choice-wrong");
    });
    if (q.box) { q.box.hidden = true; q.box.textContent = ""; }
    if (q.details) {
      q.details.open = Boolean(keepOpen && q.details.open);
      q.details.hidden = false;
    }
  }

  // Marks one question and returns a short text for the live region.
  function mark(q, state, timedOut) {
    clearMarks(q);
    const right = new Set(q.answers), mine = picked(q);
    q.fs.classList.add(`quiz-q-${state}`);
    q.fs.dataset.result = state;
    q.inputs.forEach((i, k) => {
      if (right.has(i.value)) {
        i.setAttribute("data-correct", "");
        q.labels[k].classList.add("quiz-choice-correct");
      } else if (i.checked) q.labels[k].classList.add("quiz-choice-wrong");
    });
    const head = (timedOut ? `${S.timeUp} ` : "") + S[state];
    const notes = mine.map((c) => q.feedback?.[c]).filter(Boolean);
    if (q.box) {
      q.box.append(el("strong", head), ...notes.map((t) => el("span", ` ${t}`)));
      if (q.explanation) {
        const ex = el("span", ` ${q.explanation}`, "quiz-explanation");
        if (q.explanationLang) ex.lang = q.explanationLang;
        q.box.append(ex);
      }
      q.box.hidden = false;
    }
    if (q.details) q.details.open = true;
    const line = state !== "correct" && q.details?.querySelector("p");
    const answerLine = line && [...line.childNodes].map((n) => n.textContent.trim()).filter(Boolean).join(" · ").replace(" · ", " ");
    return [head, ...notes, answerLine].filter(Boolean).join(" ");
  }

  function showResult(score, total, categories, first) {
    const ok = passed(score, total, data.passMark);
    result.textContent = "";
    const lines = [first, format(S.score, { score, total }), ok ? S.passed : S.failed, resultMessage(data.results, percent(score, total))];
    for (const line of lines) if (line) result.append(el("p", line));
    if (categories.length) {
      const list = el("ul", null, "quiz-categories");
      for (const c of categories) list.append(el("li", format(S.categoryScore, { category: c.name, score: c.score, total: c.total })));
      result.append(list);
    }
    result.dataset.score = score;
    result.dataset.total = total;
    result.classList.toggle("quiz-passed", ok);
    result.classList.toggle("quiz-failed", !ok);
    result.tabIndex = -1;
    result.focus();
  }

  function check() {
    const qs = plan.order.map((id) => bank.get(id));
    const picks = Object.fromEntries(qs.map((q) => [q.id, picked(q)]));
    const res = scoreAnswers(qs, picks, data.categories);
    res.questions.forEach((row, k) => mark(qs[k], row.status));
    say("");
    showResult(res.score, res.total, res.categories);
  }

  function focusQuestion(q) {
    if (!q) return;
    q.fs.tabIndex = -1;
    q.fs.focus();
  }

  // A new attempt: clears answers, marks and result, draws and shuffles again.
  function fresh() {
    stopTimer();
    for (const q of all) {
      clearMarks(q);
      for (const i of q.inputs) i.checked = false;
    }
    result.textContent = "";
    result.removeAttribute("data-score");
    result.removeAttribute("data-total");
    result.classList.remove("quiz-passed", "quiz-failed");
    say("");
    apply(planAttempt(attemptQuestions(), { pool: data.pool, shuffle: data.shuffle !== false }));
    if (challenge) {
      ch = challengeStart(plan.order);
      if (status) status.hidden = false;
      if (next) next.hidden = false;
      showQuestion();
    }
  }

  function setChallenge(on) {
    challenge = on;
    toggle.setAttribute("aria-pressed", String(on));
    form.classList.toggle("quiz-challenge", on);
    if (submit) submit.hidden = on;
    if (next) next.hidden = !on;
    if (status) status.hidden = !on;
    store(key, null);
    fresh();
    if (on) focusQuestion(bank.get(challengeCurrent(ch)));
  }

  function showQuestion() {
    const id = challengeCurrent(ch);
    for (const other of plan.order) bank.get(other).li.hidden = other !== id;
    if (!id) return finish();
    const q = bank.get(id);
    if (q.details) q.details.hidden = true;
    statusLine.textContent = format(S.challengeStatus, { number: ch.index + 1, total: ch.order.length, points: ch.points, streak: ch.streak });
    startTimer();
  }

  function answer(timedOut = false) {
    const q = bank.get(challengeCurrent(ch));
    if (!q) return;
    const state = timedOut ? "incorrect" : questionStatus(q.answers, picked(q));
    ch = challengeAnswer(ch, state === "correct", timedOut);
    const text = mark(q, state, timedOut);
    const active = document.activeElement;
    const moveFocus = !active || active === document.body || active === next || active === submit || q.fs.contains(active);
    showQuestion();
    say(text, state);
    if (moveFocus && !ch.done) focusQuestion(bank.get(challengeCurrent(ch)));
  }

  function finish() {
    stopTimer();
    if (next) next.hidden = true;
    if (status) status.hidden = true;
    for (const id of plan.order) bank.get(id).li.hidden = false;
    const rows = ch.history.map((h) => ({ category: bank.get(h.id).category, correct: h.correct }));
    showResult(ch.correct, ch.order.length, categoryTallies(rows, data.categories), format(S.challengeDone, { points: ch.points, streak: ch.bestStreak }));
  }

  function renderClock() {
    clockBox.hidden = left == null;
    if (left == null) return;
    clockText.textContent = format(S.timeLeft, { seconds: left });
    bar.max = timer.limit;
    bar.value = left;
    clockBox.classList.toggle("quiz-clock-low", left <= 10);
  }

  function startTimer() {
    stopTimer();
    timer = timerStart(select ? select.value : data.timer ?? 30, clock());
    if (document.hidden) timer = timerPause(timer, clock());
    left = timerRemaining(timer, clock());
    ticker = setInterval(tick, 250);
    renderClock();
  }

  function stopTimer() {
    clearInterval(ticker);
    timer = null;
    left = null;
    renderClock();
  }

  function tick() {
    if (!timer) return;
    const now = timerRemaining(timer, clock());
    const cue = timerAnnouncement(left, now);
    if (now === left) return;
    left = now;
    renderClock();
    if (cue === "timeLeft") say(format(S.timeLeft, { seconds: now }));
    if (cue === "timeUp") answer(true);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!challenge) check();
    else if (!ch.done) answer();
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault(); // a native reset would also reset the time limit the reader chose
    store(key, null);
    fresh();
    focusQuestion(bank.get(plan.order[0]));
  });
  form.addEventListener("change", (event) => {
    if (event.target === select) {
      if (timer) {
        timer = timerSetLimit(timer, select.value, clock());
        left = timerRemaining(timer, clock());
        renderClock();
      }
    } else if (!challenge) {
      // Marks describe the checked answer: once it changes they would mislead.
      const q = bank.get(event.target.closest("[data-question]")?.dataset.question);
      if (q && q.fs.dataset.result) clearMarks(q, true);
      save();
    }
  });
  next?.addEventListener("click", () => { if (challenge && !ch.done) answer(); });
  toggle?.addEventListener("click", () => setChallenge(!challenge));
  document.addEventListener("visibilitychange", () => {
    if (timer) timer = document.hidden ? timerPause(timer, clock()) : timerResume(timer, clock());
  });

  toggle?.setAttribute("aria-pressed", "false");
  if (toolbar) toolbar.hidden = false;
  const saved = validSaved(load(key), attemptQuestions(), data.pool);
  if (saved) {
    const mix = data.shuffle !== false;
    const choices = {};
    for (const id of saved.order) {
      const q = bank.get(id);
      choices[id] = mix && q.type !== "true-false" ? shuffle(q.choices) : q.choices;
    }
    apply({ order: saved.order, choices });
    for (const [id, values] of Object.entries(saved.answers)) {
      for (const i of bank.get(id).inputs) i.checked = values.includes(i.value);
    }
    if (Object.keys(saved.answers).length) setTimeout(() => say(S.resume), 400);
  } else {
    apply(planAttempt(attemptQuestions(), { pool: data.pool, shuffle: data.shuffle !== false }));
  }
}

if (typeof document !== "undefined") {
  const init = () => document.querySelectorAll("form[data-quiz]").forEach(setup);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
