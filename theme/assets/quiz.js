// Outreach quiz: scoring, progress kept on this device only, timed challenge. Enhances a form that
// works without JavaScript. Pure logic first (tested in Node), then the DOM glue.

// {name} → values.name; unknown placeholders stay.
export const format = (text, values = {}) =>
  String(text ?? "").replace(/\{(\w+)\}/g, (all, k) => (Object.hasOwn(values, k) && values[k] != null ? values[k] : all));

// Exactly the set of correct choices. Unanswered scores as wrong.
export function isCorrect(answers, picked = []) {
  const want = new Set(answers), got = new Set(picked);
  return got.size > 0 && got.size === want.size && [...got].every((c) => want.has(c));
}
export const questionStatus = (answers, picked) =>
  !picked?.length ? "unanswered" : isCorrect(answers, picked) ? "correct" : "incorrect";

// Rounded down: 69.9 % never reaches a 70 % range.
export const percent = (score, total) => (total > 0 ? Math.floor((score * 100) / total) : 0);
export const passed = (score, total, passMark = 0) => total > 0 && score * 100 >= passMark * total;
export const resultMessage = (results, pct) => results?.find((r) => pct >= r.min && pct <= r.max)?.message ?? "";

// Rows {category, correct} per category, in the order of categories; unknown ones last.
export function categoryTallies(rows, categories = []) {
  const tally = new Map(categories.map((c) => [c.id, { id: c.id, name: c.name, score: 0, total: 0 }]));
  for (const { category: id, correct } of rows) {
    const t = tally.get(id) || tally.set(id, { id, name: String(id), score: 0, total: 0 }).get(id);
    t.total++;
    t.score += !!correct;
  }
  return [...tally.values()].filter((t) => t.total);
}

export function scoreAnswers(questions, picks = {}, categories = []) {
  const rows = questions.map(({ id, category, answers }) => {
    const status = questionStatus(answers, picks[id]);
    return { id, category, status, correct: status === "correct" };
  });
  const score = rows.filter((r) => r.correct).length;
  return { score, total: rows.length, percent: percent(score, rows.length), questions: rows, categories: categoryTallies(rows, categories) };
}

export function shuffle(items, random = Math.random) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// Questions per attempt: pool if a whole number from 1 to count - 1, else all.
export const poolSize = (pool, count) => (Number.isInteger(pool) && pool > 0 && pool < count ? pool : count);
export function drawPool(ids, pool, random = Math.random) {
  const drawn = shuffle(ids, random).slice(0, poolSize(pool, ids.length));
  return ids.filter((id) => drawn.includes(id));
}

// Questions {id, type, choices} → drawn ids in order (or the given order) and choice orders.
export function planAttempt(questions, { pool, shuffle: mix = true, order } = {}, random = Math.random) {
  const ids = questions.map((q) => q.id);
  order ||= mix ? shuffle(drawPool(ids, pool, random), random) : drawPool(ids, pool, random);
  const choices = {};
  for (const q of questions) if (order.includes(q.id)) choices[q.id] = mix && q.type !== "true-false" ? shuffle(q.choices, random) : [...q.choices];
  return { order, choices };
}

// Saved {drawn, answers} checked against the quiz → {order, answers} or null.
export function validSaved(saved, questions, pool) {
  const byId = new Map(questions.map((q) => [q.id, q])), drawn = saved?.drawn, answers = {};
  const ok = Array.isArray(drawn) && new Set(drawn.filter((id) => byId.has(id))).size === drawn.length;
  if (!ok || drawn.length !== poolSize(pool, questions.length)) return null;
  for (const id of drawn) {
    const q = byId.get(id), got = saved.answers?.[id];
    const picks = Array.isArray(got) ? [...new Set(got)].filter((c) => q.choices.includes(c)) : [];
    if (picks.length && (q.type === "multiple" || picks.length === 1)) answers[id] = picks;
  }
  return { order: [...drawn], answers };
}

// Challenge: 100 points per correct answer plus 10 × the streak brought into the question.
export const challengePoints = (streak) => 100 + 10 * streak;
export const challengeStart = (ids) =>
  ({ order: [...ids], index: 0, points: 0, streak: 0, bestStreak: 0, correct: 0, history: [], done: !ids.length });
export const challengeCurrent = (s) => (s.done ? null : s.order[s.index]);
export function challengeAnswer(s, correct, timedOut = false) {
  if (s.done) return s;
  const ok = !!correct && !timedOut, points = ok ? challengePoints(s.streak) : 0, streak = ok ? s.streak + 1 : 0;
  return {
    ...s, index: s.index + 1, streak, points: s.points + points, bestStreak: Math.max(s.bestStreak, streak),
    correct: s.correct + ok, done: s.index + 1 >= s.order.length,
    history: [...s.history, { id: s.order[s.index], correct: ok, timedOut, points }],
  };
}
export const challengeTimeout = (s) => challengeAnswer(s, false, true); // always wrong

// Timer: now in ms, limit in s (0 = none); a limit chosen mid-question starts a new one.
export const timerStart = (limit, now) => ({ limit: Math.max(0, Math.floor(limit) || 0), since: now });
export const timerRemaining = (t, now) => (t.limit ? Math.max(0, Math.ceil(t.limit - (now - t.since) / 1000)) : null);
// Announce at 10 s and at 0 only: the countdown is shown, not spoken.
export const timerAnnouncement = (before, after) =>
  after == null || after === before ? null : after === 0 ? "timeUp" : after <= 10 && !(before <= 10) ? "timeLeft" : null;


// What the collector counts of a finished set (only when the site names one): the quiz, the set,
// the language and the picked choices of each answered question. Nothing about the reader.
export function submission(data, picks) {
  const answers = {};
  for (const [id, chosen] of Object.entries(picks)) if (chosen?.length) answers[id] = [...chosen];
  return Object.keys(answers).length ? { quiz: data.slug, set: data.set, language: data.lang, answers } : null;
}

// Sent as text/plain, so no preflight; a collector that is down or blocked changes nothing here.
function count(data, picks) {
  const body = data.stats && submission(data, picks);
  if (!body || typeof navigator === "undefined" || !navigator.sendBeacon) return;
  try { navigator.sendBeacon(data.stats, new Blob([JSON.stringify(body)], { type: "text/plain" })); } catch {}
}

function el(tag, text = "", attrs = {}) {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const a in attrs) node.setAttribute(a, attrs[a]);
  return node;
}
const now = () => performance.now();
const show = (node, on) => node && (node.hidden = !on);

function setup(form) {
  let data, plan, challenge = false, ch, timer, left, ticker, counted = false;
  try { data = JSON.parse(form.querySelector("[data-quiz-data]").textContent); } catch { return; }
  const S = data.strings || {}, opts = { pool: data.pool, shuffle: data.shuffle !== false };
  const [status, select, toggle, next, submit, result, toolbar] = ["challenge-status", "timer", "challenge", "next", "submit", "result", "toolbar"]
    .map((n) => form.querySelector(`[data-quiz-${n}]`));
  const key = `outreach.quiz.${data.slug || form.dataset.quiz}.${data.set ?? 1}.${data.lang || document.documentElement.lang}`;
  const store = (v) => { try { v ? localStorage.setItem(key, JSON.stringify(v)) : localStorage.removeItem(key); } catch {} };
  const bank = new Map();
  for (const fs of form.querySelectorAll("fieldset[data-question]")) {
    const q = data.questions?.find((d) => d.id === fs.dataset.question), details = fs.querySelector("details");
    const inputs = [...fs.querySelectorAll("input[type=radio],input[type=checkbox]")], labels = inputs.map((i) => i.closest("label") || i);
    if (q && !bank.has(q.id)) bank.set(q.id, {
      ...q, fs, inputs, labels, details, choices: inputs.map((i) => i.value), li: fs.closest("li") || fs, after: labels.at(-1)?.nextSibling,
      box: fs.querySelector("[data-quiz-feedback]"), lang: details?.querySelector("p:last-child")?.lang, // explanation's
      // The page carries each explanation once, in <details>; the JSON does not repeat it.
      explanation: q.explanation ?? details?.querySelector("[data-quiz-explanation]")?.textContent ?? "",
    });
  }
  if (!bank.size || !result) return;
  const all = [...bank.values()], parent = all[0].li.parentNode, end = all.at(-1).li.nextSibling;
  const live = el("p", "", { class: "quiz-live", role: "status" });
  const line = el("p"), clock = el("p", "", { class: "quiz-clock" });
  parent.before(live);
  status?.append(line, clock);
  const say = (text = "", state = "") => { live.textContent = text; live.dataset.result = state; };
  const picked = (q) => q.inputs.filter((i) => i.checked).map((i) => i.value);
  const focus = (q) => q && ((q.fs.tabIndex = -1), q.fs.focus());

  // Drawn questions in order and numbered; the others hidden and disabled.
  function apply(p) {
    plan = p;
    for (const q of all) {
      const n = p.order.indexOf(q.id) + 1;
      show(q.li, n);
      q.inputs.forEach((i) => (i.disabled = !n));
      if (n && q.li.tagName === "LI") q.li.value = n;
      for (const c of p.choices[q.id] || []) q.labels[0].parentNode.insertBefore(q.labels[q.choices.indexOf(c)], q.after);
    }
    for (const id of p.order) parent.insertBefore(bank.get(id).li, end);
  }

  // Marks a question with a status (or clears it); returns what to announce.
  function mark(q, state, timedOut) {
    state ? (q.fs.dataset.result = state) : q.fs.removeAttribute("data-result");
    q.inputs.forEach((i, k) => {
      const right = !!state && q.answers.includes(i.value);
      i.toggleAttribute("data-correct", right);
      q.labels[k].classList.toggle("quiz-choice-correct", right);
      q.labels[k].classList.toggle("quiz-choice-wrong", !!state && !right && i.checked);
    });
    if (q.details) q.details.open = !!state;
    show(q.details, true);
    show(q.box, state);
    const head = [timedOut && S.timeUp, S[state]].filter(Boolean).join(" "), notes = picked(q).map((c) => q.feedback?.[c]).filter(Boolean);
    q.box?.replaceChildren(...(state ? [el("strong", head), ...notes.map((t) => el("span", ` ${t}`)), el("span", ` ${q.explanation ?? ""}`, q.lang ? { lang: q.lang } : {})] : []));
    const p = state !== "correct" && q.details?.querySelector("p"); // "Correct answer: A, B"
    const answer = p && [...p.childNodes].map((n) => n.textContent.trim()).filter(Boolean).join(", ").replace(", ", " ");
    return [head, ...notes, answer].filter(Boolean).join(" ");
  }

  function showResult(score, total, categories, first) {
    const ok = passed(score, total, data.passMark), ul = el("ul");
    for (const c of categories) ul.append(el("li", format(S.categoryScore, { category: c.name, score: c.score, total: c.total })));
    result.replaceChildren(...[first, format(S.score, { score, total }), ok ? S.passed : S.failed, resultMessage(data.results, percent(score, total))]
      .filter(Boolean).map((t) => el("p", t)), ...(categories.length ? [ul] : []));
    Object.assign(result.dataset, { score, total });
    result.tabIndex = -1;
    result.focus();
  }

  function fresh() {
    for (const q of all) {
      q.inputs.forEach((i) => (i.checked = false));
      mark(q);
    }
    result.replaceChildren();
    counted = false;
    result.removeAttribute("data-score");
    result.removeAttribute("data-total");
    say();
    store();
    apply(planAttempt(all, opts));
    show(submit, !challenge);
    show(next, challenge);
    show(status, challenge);
    ch = challengeStart(plan.order);
    showQuestion();
    focus(bank.get(plan.order[0]));
  }

  function showQuestion() {
    const id = challenge && challengeCurrent(ch);
    clearInterval(ticker);
    timer = left = null;
    render();
    if (!challenge) return;
    for (const other of plan.order) show(bank.get(other).li, !id || other === id);
    if (!id) {
      show(next, false);
      show(status, false);
      const rows = ch.history.map((h) => ({ category: bank.get(h.id).category, correct: h.correct }));
      if (!counted) {
        count(data, Object.fromEntries(plan.order.map((q) => [q, picked(bank.get(q))])));
        counted = true;
      }
      return showResult(ch.correct, ch.order.length, categoryTallies(rows, data.categories), format(S.challengeDone, { points: ch.points, streak: ch.bestStreak }));
    }
    show(bank.get(id).details, false); // no peeking
    line.textContent = format(S.challengeStatus, { number: ch.index + 1, total: ch.order.length, points: ch.points, streak: ch.streak });
    restart();
    ticker = setInterval(tick, 250);
  }

  function answer(timedOut) {
    const q = bank.get(challengeCurrent(ch)), active = document.activeElement;
    const state = timedOut ? "incorrect" : questionStatus(q.answers, picked(q));
    ch = challengeAnswer(ch, state === "correct", timedOut);
    const text = mark(q, state, timedOut);
    showQuestion();
    say(text, state);
    if (!ch.done && active !== select) focus(bank.get(challengeCurrent(ch))); // not out of the time select
  }

  function restart() {
    timer = timerStart(select ? select.value : data.timer ?? 30, now());
    left = timerRemaining(timer, now());
    render();
  }

  function render() {
    show(clock, left != null);
    clock.textContent = format(S.timeLeft, { seconds: left });
    clock.classList.toggle("quiz-clock-low", left <= 10);
  }

  function tick() {
    const l = timerRemaining(timer, now()), cue = timerAnnouncement(left, l);
    if (l === left) return;
    left = l;
    render();
    if (cue === "timeLeft") say(format(S.timeLeft, { seconds: l }));
    if (cue === "timeUp") answer(true);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (challenge) return ch.done || answer();
    const qs = plan.order.map((id) => bank.get(id));
    const picks = Object.fromEntries(qs.map((q) => [q.id, picked(q)]));
    const res = scoreAnswers(qs, picks, data.categories);
    // One count per finished attempt: checking the same answers again is not a new one.
    if (!counted) {
      count(data, picks);
      counted = true;
    }
    res.questions.forEach((row, k) => mark(qs[k], row.status));
    say();
    showResult(res.score, res.total, res.categories);
  });
  // A native reset would also undo the reader's time limit.
  form.addEventListener("reset", (e) => e.preventDefault() || fresh());
  form.addEventListener("change", ({ target }) => {
    if (target === select) return timer && restart();
    if (challenge) return;
    const q = bank.get(target.closest("[data-question]")?.dataset.question), answers = {};
    if (q?.fs.dataset.result) mark(q); // the marks no longer match the answer
    for (const id of plan.order) if (picked(bank.get(id)).length) answers[id] = picked(bank.get(id));
    store(Object.keys(answers).length && { drawn: plan.order, answers });
  });
  next?.addEventListener("click", () => challenge && !ch.done && answer());
  toggle?.addEventListener("click", () => {
    toggle.setAttribute("aria-pressed", (challenge = !challenge));
    fresh();
  });

  toggle?.setAttribute("aria-pressed", false);
  show(toolbar, true);
  form.dataset.quizReady = ""; // shows the submit button: without JS it would put the answers in the URL
  let saved;
  try { saved = validSaved(JSON.parse(localStorage.getItem(key)), all, data.pool); } catch {}
  apply(planAttempt(all, { ...opts, order: saved?.order }));
  for (const id in saved?.answers) bank.get(id).inputs.forEach((i) => (i.checked = saved.answers[id].includes(i.value)));
  if (Object.keys(saved?.answers || {}).length) setTimeout(() => say(S.resume), 400);
}

if (typeof document !== "undefined") document.querySelectorAll("form[data-quiz]").forEach(setup);
