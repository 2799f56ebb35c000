/*
 * Search tokenizer: the browser twin of plugins/newsprint/search/tokens.py.
 * Keep the two identical; tests/test_tokenize_parity.py compares them on the
 * sample pages and every code point of the fold table. Rules: NFKC + lower
 * case + traditional/variant -> simplified folding (the table newsprint/search/fold.py
 * generates from OpenCC's data; the site ships it as search/fold.js, which sets
 * window.NEWSPRINT_FOLD, a string of from/to character pairs); Han runs -> overlapping bigrams (a lone
 * Han character is itself; with tails, the run's last character follows its
 * bigrams); "595.5"-style numbers and ASCII letter/digit runs -> one token.
 * Classic script (works from file://): defines window.NewsprintTokenize, and
 * module.exports under node.
 */
(function (root) {
  "use strict";
  var HAN = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var TOKEN_SOURCE = "([" + HAN + "]+)|([0-9]+(?:\\.[0-9]+)+|[a-z0-9]+)";
  var HAN_ONE = new RegExp("^[" + HAN + "]$", "u");

  var foldMap = null;
  var foldSource = null;

  /* Use a fold table: a string of (from, to) character pairs (search/fold.js). */
  function useFold(pairs) {
    var chars = Array.from(pairs || "");
    foldMap = new Map();
    for (var i = 0; i + 1 < chars.length; i += 2) foldMap.set(chars[i], chars[i + 1]);
    foldSource = pairs;
  }

  function foldChars(s) {
    if (root && root.NEWSPRINT_FOLD && root.NEWSPRINT_FOLD !== foldSource) useFold(root.NEWSPRINT_FOLD);
    if (!foldMap || !foldMap.size) return s;
    var out = "";
    for (var ch of s) {
      var to = foldMap.get(ch);
      out += to === undefined ? ch : to;
    }
    return out;
  }

  /* One character folded (the fast path for per-character maps of long texts). */
  function foldChar(ch) {
    if (!foldMap) foldChars(""); // picks up window.NEWSPRINT_FOLD once
    var to = foldMap ? foldMap.get(ch) : undefined;
    return to === undefined ? ch : to;
  }

  function normalize(text) {
    return foldChars(String(text).normalize("NFKC").toLowerCase());
  }

  function tokenize(text, tails) {
    var re = new RegExp(TOKEN_SOURCE, "gu");
    var tokens = [];
    var s = normalize(text);
    var m;
    while ((m = re.exec(s)) !== null) {
      if (m[2] !== undefined) {
        tokens.push(m[2]);
        continue;
      }
      var chars = Array.from(m[1]);
      if (chars.length === 1) {
        tokens.push(chars[0]);
        continue;
      }
      for (var i = 0; i < chars.length - 1; i++) tokens.push(chars[i] + chars[i + 1]);
      if (tails) tokens.push(chars[chars.length - 1]);
    }
    return tokens;
  }

  function isHan(ch) {
    return HAN_ONE.test(ch);
  }

  var api = {
    normalize: normalize, tokenize: tokenize, isHan: isHan, useFold: useFold, fold: foldChars,
    foldChar: foldChar,
    TOKEN_SOURCE: TOKEN_SOURCE,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.NewsprintTokenize = api;
})(typeof self !== "undefined" ? self : this);
