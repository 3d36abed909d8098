// Unit tests of the pure logic in theme/assets/quiz.js. Run: node --test Tests/JavaScript/
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  format, isCorrect, questionStatus, percent, passed, resultMessage, categoryTallies,
  scoreAnswers, shuffle, poolSize, drawPool, planAttempt, validSaved, challengePoints, submission,
  challengeStart, challengeCurrent, challengeAnswer, challengeTimeout, timerStart, timerRemaining,
  timerAnnouncement,
} from "../../theme/assets/quiz.js";

// A repeatable random function in [0, 1) (mulberry32) to inject into the shuffling functions.
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const categories = [{ id: "anti-trafficking", name: "Anti-trafficking" }, { id: "mental-health", name: "Mental health" }];
const bank = [
  { id: "passport", category: "anti-trafficking", type: "single", answers: ["b"], choices: ["a", "b", "c"] },
  { id: "signs", category: "anti-trafficking", type: "multiple", answers: ["a", "b", "d"], choices: ["a", "b", "c", "d"] },
  { id: "fees", category: "anti-trafficking", type: "true-false", answers: ["false"], choices: ["true", "false"] },
  { id: "sleep", category: "mental-health", type: "single", answers: ["b"], choices: ["a", "b"] },
  { id: "weak", category: "mental-health", type: "true-false", answers: ["false"], choices: ["true", "false"] },
];
const ids = bank.map((q) => q.id);

describe("format", () => {
  test("fills every placeholder, also repeated ones", () => {
    assert.equal(format("You answered {score} of {total} correctly.", { score: 3, total: 5 }), "You answered 3 of 5 correctly.");
    assert.equal(format("{a}-{a}-{b}", { a: "x", b: 0 }), "x-x-0");
  });
  test("leaves unknown or missing placeholders untouched", () => {
    assert.equal(format("{category}: {score}/{total}", { category: "Mental health", score: 1 }), "Mental health: 1/{total}");
    assert.equal(format("{x}", { x: null }), "{x}");
    assert.equal(format("{toString}", {}), "{toString}");
  });
  test("handles text without placeholders and missing templates", () => {
    assert.equal(format("Correct!", { score: 1 }), "Correct!");
    assert.equal(format(undefined, {}), "");
    assert.equal(format("{seconds} วินาที", { seconds: 10 }), "10 วินาที");
  });
});

describe("isCorrect and questionStatus", () => {
  test("single choice", () => {
    assert.equal(isCorrect(["b"], ["b"]), true);
    assert.equal(isCorrect(["b"], ["a"]), false);
  });
  test("multiple choice needs exactly the set of correct choices", () => {
    assert.equal(isCorrect(["a", "b", "d"], ["d", "a", "b"]), true, "order does not matter");
    assert.equal(isCorrect(["a", "b", "d"], ["a", "b"]), false, "missing one");
    assert.equal(isCorrect(["a", "b", "d"], ["a", "b", "c", "d"]), false, "one too many");
    assert.equal(isCorrect(["a", "b", "d"], ["a", "b", "c"]), false, "same size, wrong set");
  });
  test("nothing picked is never correct", () => {
    assert.equal(isCorrect(["a"], []), false);
    assert.equal(isCorrect([], []), false);
    assert.equal(isCorrect(["a"], undefined), false);
  });
  test("status", () => {
    assert.equal(questionStatus(["false"], ["false"]), "correct");
    assert.equal(questionStatus(["false"], ["true"]), "incorrect");
    assert.equal(questionStatus(["false"], []), "unanswered");
    assert.equal(questionStatus(["false"], undefined), "unanswered");
  });
});

describe("percent, passed, resultMessage", () => {
  const results = [{ min: 0, max: 49, message: "low" }, { min: 50, max: 79, message: "mid" }, { min: 80, max: 100, message: "high" }];
  test("percent rounds down and copes with no questions", () => {
    assert.equal(percent(2, 3), 66);
    assert.equal(percent(7, 10), 70);
    assert.equal(percent(5, 5), 100);
    assert.equal(percent(0, 0), 0);
  });
  test("pass mark is inclusive and uses the exact ratio", () => {
    assert.equal(passed(7, 10, 70), true);
    assert.equal(passed(6, 10, 70), false);
    assert.equal(passed(2, 3, 67), false, "66.7 % is below 67 %");
    assert.equal(passed(0, 0, 0), false, "an empty quiz is not passed");
  });
  test("range boundaries are inclusive on both ends", () => {
    assert.equal(resultMessage(results, 0), "low");
    assert.equal(resultMessage(results, 49), "low");
    assert.equal(resultMessage(results, 50), "mid");
    assert.equal(resultMessage(results, 79), "mid");
    assert.equal(resultMessage(results, 80), "high");
    assert.equal(resultMessage(results, 100), "high");
  });
  test("no matching range gives an empty message", () => {
    assert.equal(resultMessage([{ min: 0, max: 59, message: "a" }, { min: 70, max: 100, message: "b" }], 65), "");
    assert.equal(resultMessage(undefined, 50), "");
    assert.equal(resultMessage(results, percent(99, 200)), "low", "49.5 % rounds down to the lower range");
  });
});

describe("scoreAnswers and categoryTallies", () => {
  test("scores, counts unanswered as wrong and tallies per category", () => {
    const picks = { passport: ["b"], signs: ["a", "b"], fees: ["false"], sleep: [] };
    const result = scoreAnswers(bank, picks, categories);
    assert.equal(result.score, 2);
    assert.equal(result.total, 5);
    assert.equal(result.percent, 40);
    assert.deepEqual(result.questions.map((q) => q.status), ["correct", "incorrect", "correct", "unanswered", "unanswered"]);
    assert.deepEqual(result.categories, [
      { id: "anti-trafficking", name: "Anti-trafficking", score: 2, total: 3 },
      { id: "mental-health", name: "Mental health", score: 0, total: 2 },
    ]);
  });
  test("only scores the questions it is given", () => {
    const result = scoreAnswers(bank.slice(3), { sleep: ["b"], weak: ["false"], passport: ["b"] }, categories);
    assert.equal(result.score, 2);
    assert.equal(result.total, 2);
    assert.deepEqual(result.categories.map((c) => c.id), ["mental-health"], "categories without questions are left out");
  });
  test("empty quiz", () => {
    assert.deepEqual(scoreAnswers([], {}, categories), { score: 0, total: 0, percent: 0, questions: [], categories: [] });
  });
  test("tallies follow the category list order; unknown categories come last, named by id", () => {
    const rows = [{ category: "other", correct: true }, { category: "mental-health", correct: false }, { category: "anti-trafficking", correct: true }];
    assert.deepEqual(categoryTallies(rows, categories), [
      { id: "anti-trafficking", name: "Anti-trafficking", score: 1, total: 1 },
      { id: "mental-health", name: "Mental health", score: 0, total: 1 },
      { id: "other", name: "other", score: 1, total: 1 },
    ]);
  });
});

describe("random, shuffle and pools", () => {
  test("the test's seeded random is repeatable and in [0, 1)", () => {
    const a = seededRandom(42), b = seededRandom(42), c = seededRandom(43);
    const seqA = Array.from({ length: 100 }, a), seqB = Array.from({ length: 100 }, b), seqC = Array.from({ length: 100 }, c);
    assert.deepEqual(seqA, seqB);
    assert.notDeepEqual(seqA, seqC);
    assert.ok(seqA.every((x) => x >= 0 && x < 1));
  });
  test("shuffle is deterministic with a seeded random, keeps every item and does not mutate", () => {
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const once = shuffle(items, seededRandom(7));
    assert.deepEqual(once, shuffle(items, seededRandom(7)));
    assert.deepEqual([...once].sort((x, y) => x - y), [...items]);
    assert.notDeepEqual(once, [...items], "seed 7 does reorder ten items");
  });
  test("shuffle follows Fisher–Yates exactly", () => {
    // random() = 0 swaps each position i with 0: [a,b,c] → i=2: [c,b,a] → i=1: [b,c,a]
    assert.deepEqual(shuffle(["a", "b", "c"], () => 0), ["b", "c", "a"]);
    // random() just below 1 swaps each item with itself
    assert.deepEqual(shuffle(["a", "b", "c"], () => 0.999999), ["a", "b", "c"]);
    assert.deepEqual(shuffle(["a", "b", "c"], () => 1), ["a", "b", "c"], "a random() of 1 stays in range");
    assert.deepEqual(shuffle([], Math.random), []);
  });
  test("pool size: absent, zero, invalid or not smaller than the bank means all", () => {
    assert.equal(poolSize(undefined, 5), 5);
    assert.equal(poolSize(0, 5), 5);
    assert.equal(poolSize(-2, 5), 5);
    assert.equal(poolSize(2.5, 5), 5);
    assert.equal(poolSize(5, 5), 5);
    assert.equal(poolSize(12, 5), 5);
    assert.equal(poolSize(3, 5), 3);
  });
  test("drawPool picks the pool size, distinct, in bank order, deterministically", () => {
    const drawn = drawPool(ids, 3, seededRandom(1));
    assert.equal(drawn.length, 3);
    assert.equal(new Set(drawn).size, 3);
    assert.deepEqual(drawn, ids.filter((id) => drawn.includes(id)));
    assert.deepEqual(drawn, drawPool(ids, 3, seededRandom(1)));
  });
  test("drawPool with a pool larger than the bank returns every question", () => {
    assert.deepEqual(drawPool(ids, 12, seededRandom(1)), ids);
    assert.deepEqual(drawPool(ids, undefined), ids);
  });
  test("different seeds draw different pools", () => {
    const draws = new Set(Array.from({ length: 20 }, (_, seed) => drawPool(ids, 2, seededRandom(seed)).join()));
    assert.ok(draws.size > 3, `only ${draws.size} different draws`);
  });
});

describe("planAttempt", () => {
  test("without shuffle: every question in bank order, choices unchanged", () => {
    const plan = planAttempt(bank, { shuffle: false }, seededRandom(3));
    assert.deepEqual(plan.order, ids);
    for (const q of bank) assert.deepEqual(plan.choices[q.id], q.choices);
  });
  test("with shuffle and pool: deterministic, only drawn questions, choices are permutations", () => {
    const plan = planAttempt(bank, { pool: 3, shuffle: true }, seededRandom(9));
    assert.deepEqual(plan, planAttempt(bank, { pool: 3, shuffle: true }, seededRandom(9)));
    assert.equal(plan.order.length, 3);
    assert.deepEqual(Object.keys(plan.choices).sort(), [...plan.order].sort());
    for (const id of plan.order) {
      const q = bank.find((b) => b.id === id);
      assert.deepEqual([...plan.choices[id]].sort(), [...q.choices].sort());
    }
  });
  test("a given order (restored progress) is kept; choices are still planned for it", () => {
    const plan = planAttempt(bank, { pool: 2, shuffle: true, order: ["weak", "signs"] }, seededRandom(4));
    assert.deepEqual(plan.order, ["weak", "signs"]);
    assert.deepEqual(Object.keys(plan.choices).sort(), ["signs", "weak"]);
    assert.deepEqual([...plan.choices.signs].sort(), ["a", "b", "c", "d"]);
  });
  test("true/false choices keep their order when shuffling", () => {
    for (let seed = 0; seed < 10; seed++) {
      const plan = planAttempt(bank, { shuffle: true }, seededRandom(seed));
      assert.deepEqual(plan.choices.fees, ["true", "false"]);
      assert.deepEqual(plan.choices.weak, ["true", "false"]);
    }
  });
  test("shuffle changes the question order for some seed", () => {
    const orders = new Set(Array.from({ length: 10 }, (_, seed) => planAttempt(bank, { shuffle: true }, seededRandom(seed)).order.join()));
    assert.ok(orders.size > 1);
  });
});

describe("validSaved", () => {
  test("restores a valid save, dropping unknown and impossible answers", () => {
    const saved = { drawn: ["signs", "passport", "fees"], answers: { signs: ["a", "b", "z"], passport: ["a", "b"], fees: ["true"], sleep: ["b"] } };
    assert.deepEqual(validSaved(saved, bank, 3), { order: ["signs", "passport", "fees"], answers: { signs: ["a", "b"], fees: ["true"] } });
  });
  test("rejects saves that do not fit the quiz", () => {
    assert.equal(validSaved(null, bank, 3), null);
    assert.equal(validSaved("x", bank, 3), null);
    assert.equal(validSaved({ answers: {} }, bank, 3), null);
    assert.equal(validSaved({ drawn: ["passport", "signs"], answers: {} }, bank, 3), null, "pool size changed");
    assert.equal(validSaved({ drawn: ["passport", "passport", "fees"], answers: {} }, bank, 3), null, "duplicates");
    assert.equal(validSaved({ drawn: ["passport", "gone", "fees"], answers: {} }, bank, 3), null, "unknown question");
  });
  test("a pool of all questions needs every question", () => {
    assert.deepEqual(validSaved({ drawn: [...ids].reverse() }, bank, undefined), { order: [...ids].reverse(), answers: {} });
    assert.equal(validSaved({ drawn: ids.slice(1) }, bank, 99), null);
  });
});

describe("challenge", () => {
  test("points: 100 plus 10 × the streak brought into the question", () => {
    assert.equal(challengePoints(0), 100);
    assert.equal(challengePoints(3), 130);
  });
  test("streak builds, resets on a wrong answer and the best streak is kept", () => {
    let s = challengeStart(["a", "b", "c", "d", "e"]);
    assert.equal(challengeCurrent(s), "a");
    s = challengeAnswer(s, true);
    assert.deepEqual([s.points, s.streak, s.bestStreak], [100, 1, 1]);
    s = challengeAnswer(s, true);
    assert.deepEqual([s.points, s.streak, s.bestStreak], [210, 2, 2]);
    s = challengeAnswer(s, false);
    assert.deepEqual([s.points, s.streak, s.bestStreak], [210, 0, 2], "streak reset");
    s = challengeAnswer(s, true);
    assert.deepEqual([s.points, s.streak, s.bestStreak], [310, 1, 2], "no bonus right after a reset");
    assert.equal(s.done, false);
    assert.equal(challengeCurrent(s), "e");
    s = challengeAnswer(s, true);
    assert.equal(s.done, true);
    assert.equal(challengeCurrent(s), null);
    assert.deepEqual([s.points, s.correct, s.bestStreak], [420, 4, 2]);
    assert.deepEqual(s.history.map((h) => [h.id, h.correct, h.points]),
      [["a", true, 100], ["b", true, 110], ["c", false, 0], ["d", true, 100], ["e", true, 110]]);
  });
  test("a timeout counts as wrong, even with the right answer picked, and resets the streak", () => {
    let s = challengeAnswer(challengeStart(["a", "b", "c"]), true);
    s = challengeTimeout(s);
    assert.deepEqual([s.points, s.streak, s.correct], [100, 0, 1]);
    assert.deepEqual(s.history[1], { id: "b", correct: false, timedOut: true, points: 0 });
    s = challengeAnswer(s, true, true);
    assert.equal(s.correct, 1, "a correct answer that timed out does not score");
    assert.equal(s.done, true);
  });
  test("answering after the end changes nothing; an empty challenge is done at once", () => {
    const done = challengeAnswer(challengeStart(["a"]), true);
    assert.equal(challengeAnswer(done, true), done);
    const empty = challengeStart([]);
    assert.equal(empty.done, true);
    assert.equal(challengeCurrent(empty), null);
  });
  test("does not mutate the previous state", () => {
    const s0 = challengeStart(["a", "b"]);
    const copy = structuredClone(s0);
    challengeAnswer(s0, true);
    assert.deepEqual(s0, copy);
  });
});

describe("timer", () => {
  test("counts down in whole seconds, rounding up, and stops at 0", () => {
    const t = timerStart(30, 1000);
    assert.equal(timerRemaining(t, 1000), 30);
    assert.equal(timerRemaining(t, 1001), 30);
    assert.equal(timerRemaining(t, 2000), 29);
    assert.equal(timerRemaining(t, 30_999), 1);
    assert.equal(timerRemaining(t, 31_000), 0);
    assert.equal(timerRemaining(t, 99_000), 0);
  });
  test("no limit: 0, empty or invalid limits never run out", () => {
    for (const limit of [0, "0", "", undefined, "abc", -5]) {
      const t = timerStart(limit, 0);
      assert.equal(t.limit, 0, String(limit));
      assert.equal(timerRemaining(t, 1e9), null);
    }
    assert.equal(timerStart("60", 0).limit, 60, "select values are strings");
  });
  test("a limit chosen during a question starts a fresh countdown of that length", () => {
    const before = timerStart(30, 0);
    assert.equal(timerRemaining(before, 25_000), 5);
    const after = timerStart("120", 25_000);
    assert.equal(timerRemaining(after, 25_000), 120);
    assert.equal(timerRemaining(after, 144_500), 1);
    assert.equal(timerRemaining(timerStart("0", 26_000), 500_000), null, "0 turns the limit off");
  });
  test("announces only on reaching 10 seconds and at 0", () => {
    assert.equal(timerAnnouncement(30, 29), null);
    assert.equal(timerAnnouncement(11, 10), "timeLeft");
    assert.equal(timerAnnouncement(12, 9), "timeLeft", "a skipped tick still announces");
    assert.equal(timerAnnouncement(10, 9), null);
    assert.equal(timerAnnouncement(9, 9), null);
    assert.equal(timerAnnouncement(1, 0), "timeUp");
    assert.equal(timerAnnouncement(15, 0), "timeUp", "jumping straight to 0 is time up");
    assert.equal(timerAnnouncement(0, 0), null, "time up is announced once");
    assert.equal(timerAnnouncement(null, null), null);
    assert.equal(timerAnnouncement(20, null), null, "turning the limit off is silent");
    const spoken = [];
    for (let s = 30, before = 30; s >= 0; before = s, s--) { const cue = timerAnnouncement(before, s); if (cue) spoken.push([s, cue]); }
    assert.deepEqual(spoken, [[10, "timeLeft"], [0, "timeUp"]]);
  });
});

describe("counting a finished set", () => {
  const data = { slug: "basics", set: 2, lang: "vi" };
  test("sends the quiz, set, language and the picks of answered questions only", () => {
    assert.deepEqual(submission(data, { q1: ["b"], q2: [], q3: ["a", "c"] }),
      { quiz: "basics", set: 2, language: "vi", answers: { q1: ["b"], q3: ["a", "c"] } });
  });
  test("nothing answered sends nothing", () => {
    assert.equal(submission(data, { q1: [], q2: undefined }), null);
  });
  test("carries nothing but those four fields", () => {
    assert.deepEqual(Object.keys(submission(data, { q1: ["true"] })).sort(), ["answers", "language", "quiz", "set"]);
  });
});
