// Unit tests of theme/assets/search-terms.js: Chinese and Thai looked up character by character,
// and put back together for readers. Run: node --test Tests/JavaScript/
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { isSpaced, spaced, unspaced, unspacedPieces, searchTerms, holdsQuery } from "../../theme/assets/search-terms.js";

describe("which languages", () => {
  test("Chinese, Japanese and Thai, by their primary subtag", () => {
    for (const tag of ["zh-TW", "zh", "ja", "th", "TH"]) assert.equal(isSpaced(tag), true, tag);
    for (const tag of ["en", "vi", "id", "fil", "", undefined]) assert.equal(isSpaced(tag), false, String(tag));
  });
});

describe("spaced and unspaced", () => {
  test("a space between neighbouring characters of those scripts only", () => {
    assert.equal(spaced("警察局 ARC card"), "警 察 局 ARC card");
    assert.equal(spaced("護照被扣？"), "護 照 被 扣？");
    // Thai by grapheme: a consonant keeps its vowel and tone marks.
    assert.equal(spaced("ผู้เสียหาย"), "ผู้ เ สี ย ห า ย");
  });

  test("unspaced undoes spaced, and turns the original's marked spaces back", () => {
    for (const text of ["警察局 ARC card", "護照被扣？債還不完？", "ผู้เสียหาย", "ok"]) {
      assert.equal(unspaced(spaced(text)), text);
    }
    assert.equal(unspaced("ช่ ว ย\u3000ฟ รี"), "ช่วย ฟรี");
  });

  test("drops the zero-width spaces Pagefind's Thai segmenter adds", () => {
    assert.equal(unspaced("ส\u200bั\u200b้ \u200bน"), "สั้น");
  });

  test("marks follow their characters", () => {
    const pieces = [["警", true], [" ", true], ["察", true], [" ", false], ["局", false]];
    assert.deepEqual(unspacedPieces(pieces), [["警", true], ["察", true], ["局", false]]);
  });
});

describe("queries", () => {
  test("spaced in those languages, as typed elsewhere", () => {
    assert.equal(searchTerms(" 警察局 ", "zh-TW"), "警 察 局");
    assert.equal(searchTerms(" passport ", "en"), "passport");
  });

  test("a result must hold every word of the query whole", () => {
    assert.equal(holdsQuery("新 北 市 警 察 局 宣 導", "警察局", "zh-TW"), true);
    assert.equal(holdsQuery("警 察 在 市 政 府 局 處", "警察局", "zh-TW"), false);
    assert.equal(holdsQuery("anything", "警察局", "en"), true);
  });
});
