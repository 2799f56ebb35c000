/*
 * newsprint search engine (no DOM): loads only the shards a query needs, runs the
 * query with lunr.js, keeps results whose tokens sit at consecutive positions
 * (phrase check, with the shards' positions files loaded only for query words of
 * several tokens), and checks results on screen against their stored text.
 * Index layout: see plugins/newsprint/search/index.py. Classic script: defines
 * window.NewsprintSearchCore (module.exports under node, for the tests).
 */
(function (root) {
  "use strict";

  function termHash(text) {
    var h = 0;
    for (var ch of text) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
    return h;
  }

  function shardName(n, shards) {
    var width = Math.max(shards - 1, 0).toString(16).length;
    var s = n.toString(16);
    while (s.length < width) s = "0" + s;
    return s;
  }

  /*
   * One query word -> terms with their position relative to the word's first
   * token (positions count tails, as the index does). The tail of the word's
   * last Han run is dropped (the text may continue the run); a lone Han
   * character at the end of the word becomes a prefix term ("渝" -> 渝*).
   */
  function wordTerms(T, word) {
    var re = new RegExp(T.TOKEN_SOURCE, "gu");
    var s = T.normalize(word);
    var matches = [];
    var m;
    while ((m = re.exec(s)) !== null) matches.push(m);
    var terms = [];
    var pos = 0;
    matches.forEach(function (match, k) {
      var last = k === matches.length - 1;
      if (match[2] !== undefined) {
        terms.push({ term: match[2], rel: pos++, prefix: false });
        return;
      }
      var chars = Array.from(match[1]);
      if (chars.length === 1) {
        terms.push({ term: chars[0], rel: pos++, prefix: last });
        return;
      }
      for (var i = 0; i < chars.length - 1; i++) {
        terms.push({ term: chars[i] + chars[i + 1], rel: pos++, prefix: false });
      }
      if (!last) terms.push({ term: chars[chars.length - 1], rel: pos, prefix: false });
      pos++;
    });
    return terms;
  }

  /*
   * Query syntax (what people type; anything else is plain text):
   *   巴南 招商          every word must occur (each word as a phrase)
   *   "社区客厅" “…” 「…」 『…』 ‘…’  a phrase; spaces inside it between Han
   *                      characters are ignored
   *   -永川              exclude documents holding the word
   *   巴南 OR 永川       either (also "或", "|"); binds tighter than the space
   *   cdm*  巴南*        prefix (for Han words the bigram index already finds
   *                      longer words, so * only drops)
   *   标题:巴南 title:巴南  the word in one field (FIELD_NAMES)
   * A quote that never closes, a lone "-", "OR" at either end, an unknown
   * "name:" are read as plain text, never dropped silently.
   */
  var QUOTES = { '"': '"', "\u201c": "\u201d", "\u201d": "\u201d", "\u300c": "\u300d",
    "\u300e": "\u300f", "\u2018": "\u2019", "'": "'", "\uff02": "\uff02", "\u00ab": "\u00bb" };
  var FIELD_NAMES = {
    title: "t", "标题": "t", kicker: "k", "引题": "k", "肩题": "k", subtitle: "s", "副题": "s",
    body: "b", "正文": "b", caption: "c", captions: "c", "图说": "c", "图片说明": "c",
    author: "a", authors: "a", byline: "a", "作者": "a", "署名": "a", "记者": "a",
    district: "d", "区县": "d", topic: "p", "主题": "p", "专题": "p",
    source: "n", "出处": "n", "报名": "n", paper: "n",
  };
  var OR_WORDS = { OR: true, "或": true, "|": true };

  /* Raw query -> [{kind: "word"|"or", text, phrase, exclude, field, prefix}] */
  function lexQuery(q) {
    var items = [];
    var chars = Array.from(String(q || ""));
    var i = 0;
    function space(c) { return /\s/.test(c); }
    while (i < chars.length) {
      if (space(chars[i])) { i++; continue; }
      var item = { kind: "word", text: "", phrase: false, exclude: false, field: "", prefix: false };
      var start = i;
      if ((chars[i] === "-" || chars[i] === "\uff0d") && i + 1 < chars.length && !space(chars[i + 1])) {
        item.exclude = true;
        i++;
      }
      // field name: letters or Han before ":" / "："
      var j = i;
      while (j < chars.length && !space(chars[j]) && chars[j] !== ":" && chars[j] !== "\uff1a" &&
             !QUOTES[chars[j]]) j++;
      if (j < chars.length && (chars[j] === ":" || chars[j] === "\uff1a") && j > i) {
        var name = chars.slice(i, j).join("").toLowerCase();
        if (FIELD_NAMES[name] && j + 1 < chars.length && !space(chars[j + 1])) {
          item.field = FIELD_NAMES[name];
          i = j + 1;
        }
      }
      var close = QUOTES[chars[i]];
      var end = close ? chars.indexOf(close, i + 1) : -1;
      if (close && end > i + 1) {
        item.phrase = true;
        item.text = chars.slice(i + 1, end).join("");
        i = end + 1;
      } else {
        if (close) i++; // a quote that never closes (or closes at once) is dropped
        var k = i;
        while (k < chars.length && !space(chars[k])) k++;
        item.text = chars.slice(i, k).join("");
        i = k;
        if (!item.exclude && !item.field && OR_WORDS[item.text]) item.kind = "or";
        if (/^[^*]+\*$/.test(item.text)) {
          item.prefix = true;
          item.text = item.text.slice(0, -1);
        }
      }
      item.raw = chars.slice(start, i).join("");
      items.push(item);
    }
    // "OR" with no word on one side is plain text
    items.forEach(function (it, n) {
      if (it.kind !== "or") return;
      var before = items[n - 1], after = items[n + 1];
      if (!before || !after || before.kind !== "word" || after.kind !== "word" ||
          before.exclude || after.exclude) it.kind = "word";
    });
    return items;
  }

  /* Collapse white space; drop it between two Han characters (a phrase is one run). */
  function phraseText(T, text) {
    var s = T.normalize(text).replace(/\s+/g, " ").trim();
    var chars = Array.from(s);
    return chars.filter(function (c, i) {
      return !(c === " " && i > 0 && i < chars.length - 1 && T.isHan(chars[i - 1]) && T.isHan(chars[i + 1]));
    }).join("");
  }

  /*
   * Parse a query: {groups: [[word, ...], ...] (every group must match, any word
   * of a group will do), exclude: [word], words: every positive word, described:
   * what was searched, in words a reader can check}. A word is {text (normalised),
   * terms, field, group}.
   */
  function parseQuery(T, q) {
    var groups = [];
    var exclude = [];
    var seen = {};
    var joinNext = false;
    lexQuery(q).forEach(function (it) {
      if (it.kind === "or") { joinNext = groups.length > 0; return; }
      var text = phraseText(T, it.text);
      var terms = wordTerms(T, text);
      if (!terms.length) { joinNext = false; return; }
      if (it.prefix && !T.isHan(Array.from(text).pop())) terms[terms.length - 1].prefix = true;
      var word = { text: text, terms: terms, field: it.field, raw: it.raw, exclude: it.exclude };
      var key = (it.exclude ? "-" : "") + it.field + ":" + text + (it.prefix ? "*" : "");
      if (it.exclude) {
        if (!seen[key]) exclude.push(word);
      } else if (joinNext) {
        groups[groups.length - 1].push(word);
      } else if (!seen[key]) {
        groups.push([word]);
      }
      seen[key] = true;
      joinNext = false;
    });
    var words = [];
    groups.forEach(function (g, n) { g.forEach(function (w) { w.group = n; words.push(w); }); });
    return { groups: groups, exclude: exclude, words: words, described: describe(groups, exclude) };
  }

  var FIELD_LABELS = { t: "标题", k: "引题", s: "副题", b: "正文", c: "图片说明", a: "作者署名", d: "区县", p: "专题", n: "出处" };

  /* What a parsed query searched for: 「巴南」或「永川」，且不含「大足」（只看标题） */
  function describe(groups, exclude) {
    function one(w) {
      return "“" + w.text + "”" + (w.field ? "（" + FIELD_LABELS[w.field] + "）" : "");
    }
    var parts = groups.map(function (g) { return g.map(one).join("或"); });
    var out = parts.join("、");
    if (exclude.length) out += (out ? "，且" : "") + "不含" + exclude.map(one).join("、");
    return out;
  }

  /* Per-character normalisation with a map back to the original offsets. */
  function normalizedWithMap(T, text) {
    var out = "";
    var map = [];
    var offset = 0;
    for (var ch of text) {
      var c = ch.charCodeAt(0);
      var n = ch;
      // NFKC and lower case leave CJK unified ideographs and ASCII other than
      // capitals and controls alone: only other characters go through normalize.
      if ((c > 0x20 && c < 0x41) || (c > 0x5a && c < 0x7f)) {
        // ASCII other than capitals and controls: NFKC, lower case and folding leave it alone
      } else if (c >= 0x4e00 && c <= 0x9fff) {
        n = T.foldChar(ch); // NFKC and lower case leave CJK unified ideographs alone
      } else {
        n = T.normalize(ch);
        if (/\s/.test(n)) n = " ";
      }
      for (var i = 0; i < n.length; i++) map.push(offset);
      out += n;
      offset += ch.length;
    }
    map.push(offset);
    return { text: out, map: map };
  }

  /*
   * A search file from another build than the manifest (search/files.py: every file
   * names its build in NEWSPRINT_BUILDS): the manifest is an earlier deploy's, and
   * reading the new files with its plan would silently find nothing. The page
   * reloads the manifest instead.
   */
  function StaleIndex(file, seen, want) {
    this.name = "StaleIndex";
    this.stale = true;
    this.message = "search/" + file + " is from build " + seen + ", the manifest from " + want;
  }
  StaleIndex.prototype = Object.create(Error.prototype);
  StaleIndex.prototype.constructor = StaleIndex;

  /*
   * A packed search file (search/files.py: packed) holds its JSON deflated, in
   * base64: NEWSPRINT_PACKED[file] = [global, key, data]. Inflate it and put the
   * value at globals[global][key], where the engine reads a plain file's value.
   * DecompressionStream works from file:// too, as the bytes come in a script.
   */
  function unpack(globals, file) {
    var all = globals.NEWSPRINT_PACKED;
    var entry = all && all[file];
    if (!entry) return Promise.resolve();
    delete all[file];
    var binary = atob(entry[2]);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(function (text) {
      var store = globals[entry[0]] || (globals[entry[0]] = {});
      store[entry[1]] = JSON.parse(text);
    });
  }

  /*
   * The serialised lunr index a shard file stands for: shard files list their
   * terms in _index order instead of an invertedIndex, because a term has a
   * posting for "field/ref" exactly when that field vector holds the term's
   * index (newsprint.search.index.expand_shard does the same in Python).
   */
  function expandShard(data) {
    if (data.invertedIndex) return data;
    var fields = data.fields;
    var terms = data.terms;
    // Read-only everywhere (lunr.js and this engine only read postings and their
    // metadata), so one empty object stands for every empty field and metadata.
    var none = {};
    var postings = terms.map(function (t, i) {
      var p = {};
      for (var f = 0; f < fields.length; f++) p[fields[f]] = none;
      p._index = i;
      return p;
    });
    data.fieldVectors.forEach(function (fv) {
      var slash = fv[0].indexOf("/");
      var field = fv[0].slice(0, slash);
      var ref = fv[0].slice(slash + 1);
      var el = fv[1];
      for (var i = 0; i < el.length; i += 2) {
        var p = postings[el[i]];
        var refs = p[field] === none ? (p[field] = {}) : p[field];
        refs[ref] = none;
      }
    });
    var order = terms.map(function (t, i) { return i; });
    order.sort(function (a, b) { return terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0; });
    return {
      version: data.version,
      fields: fields,
      fieldVectors: data.fieldVectors,
      invertedIndex: order.map(function (i) { return [terms[i], postings[i]]; }),
      pipeline: data.pipeline,
    };
  }

  function Engine(opts) {
    this.T = opts.tokenize;
    this.lunr = opts.lunr;
    this.manifest = opts.manifest;
    this.loadScript = opts.loadScript; // (relative path) -> Promise
    // http(s): ask for each file with its build (?b=), so no cache hands back another build's
    this.bust = !!opts.bust;
    this.globals = opts.globals; // object holding NEWSPRINT_SHARDS / NEWSPRINT_DOCS
    this.indexes = {};
    this.positionTables = {};
    this.pending = {};
    this.docCache = {};
    this.loadedFiles = [];
  }

  /* Han character -> shard number, from the manifest's packing plan (search/shards.py: ShardPlan). */
  Engine.prototype._plan = function () {
    if (this.where) return this.where;
    var m = this.manifest;
    var where = Object.create(null);
    (m.keys || []).forEach(function (keys, s) {
      if (keys) keys.split(" ").forEach(function (k) { where[k] = s; });
    });
    this.groups = m.groups || {};
    this.where = where;
    return where;
  };

  /*
   * Names of the shards holding a term: a split character's term is in group
   * termHash(term) % groups, and its prefix query reads every group's shard.
   */
  Engine.prototype.shardsFor = function (t) {
    var where = this._plan();
    var m = this.manifest;
    var first = Array.from(t.term)[0];
    var groups = Object.prototype.hasOwnProperty.call(this.groups, first) ? this.groups[first] : null;
    var out = [];
    if (!this.T.isHan(first)) {
      out.push(m.buckets[termHash(t.term) % m.buckets.length]);
    } else if (!groups) {
      if (where[first] !== undefined) out.push(where[first]);
    } else if (!t.prefix) {
      out.push(groups[termHash(t.term) % groups.length]);
    } else {
      groups.forEach(function (s) { if (out.indexOf(s) < 0) out.push(s); });
    }
    return out.map(function (s) { return shardName(s, m.shards); });
  };

  Engine.prototype._load = function (file, ready) {
    var self = this;
    if (!this.pending[file]) {
      var build = this.manifest.build;
      var url = "search/" + file + (build && this.bust ? "?b=" + build : "");
      this.pending[file] = this.loadScript(url).then(function () {
        var seen = (self.globals.NEWSPRINT_BUILDS || {})[file];
        if (build && seen !== build) {
          delete self.pending[file];
          throw new StaleIndex(file, seen, build);
        }
        self.loadedFiles.push(file);
        return unpack(self.globals, file).then(ready);
      }, function (err) {
        // A file the manifest names is missing: most likely a newer deploy (whose
        // manifest names other files); worth one reload of the manifest too.
        delete self.pending[file];
        var stale = new StaleIndex(file, "(missing)", build);
        stale.message = err && err.message ? err.message : stale.message;
        throw stale;
      });
    }
    return this.pending[file];
  };

  Engine.prototype.shard = function (name) {
    var self = this;
    if (this.indexes[name]) return Promise.resolve(this.indexes[name]);
    var file = this.manifest.files[name];
    if (!file) return Promise.resolve(null); // no term of the corpus hashes here
    return this._load(file, function () {
      var store = self.globals.NEWSPRINT_SHARDS || {};
      if (!self.indexes[name]) {
        self.indexes[name] = self.lunr.Index.load(expandShard(store[name]));
        delete store[name]; // the loaded index is all we keep
      }
      return self.indexes[name];
    });
  };

  /*
   * The positions table of a shard (positions-XXX.js: term -> field -> one
   * positions list per document holding the term there, in document order),
   * loaded only when a query word needs the phrase check, after the shard.
   * The refs are not in the file: they are the shard's postings of the term,
   * matched up on first use (lookupPositions).
   */
  Engine.prototype.positions = function (name) {
    var self = this;
    if (this.positionTables[name]) return Promise.resolve(this.positionTables[name]);
    return this._load("positions-" + name + ".js", function () {
      var store = self.globals.NEWSPRINT_POSITIONS || {};
      if (!self.positionTables[name]) {
        self.positionTables[name] = { terms: store[name], index: self.indexes[name] };
        delete store[name];
      }
      return self.positionTables[name];
    });
  };

  /*
   * Run a query (syntax: parseQuery). Resolves to {words, query, results: [{ref,
   * n, score, title, fields}], shards}: results phrase-checked by position, best
   * first by lunr.js's score over every term (see _lookup), `fields` a bit mask
   * of the fields the words matched in (fieldsOf). Each combination of OR alternatives is one conjunction
   * (_conjunction); a document in several keeps its best score; excluded words'
   * documents are dropped; a query of exclusions only answers every other document.
   */
  Engine.prototype.search = function (q) {
    var self = this;
    var query = parseQuery(this.T, q);
    var branches = [[]];
    query.groups.forEach(function (g) {
      var next = [];
      branches.forEach(function (b) {
        g.forEach(function (w) { if (next.length < MAX_BRANCHES) next.push(b.concat([w])); });
      });
      branches = next;
    });
    var positive = query.groups.length
      ? branches.map(function (b) { return self._conjunction(b); })
      : [Promise.resolve(null)];
    var negative = query.exclude.map(function (w) { return self._conjunction([w]); });
    return Promise.all(positive.concat(negative)).then(function (answers) {
      var names = [];
      answers.forEach(function (a) {
        (a ? a.shards : []).forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
      });
      var excluded = Object.create(null);
      answers.slice(positive.length).forEach(function (a) {
        a.results.forEach(function (r) { excluded[r.ref] = true; });
      });
      var byRef = Object.create(null);
      var results = [];
      if (!query.groups.length) {
        // only exclusions: every document but those (a query never answers 0 silently)
        if (query.exclude.length) {
          for (var n = 0; n < self.manifest.count; n++) {
            var ref = n.toString(36);
            if (!excluded[ref]) results.push({ ref: ref, n: n, score: 0, title: false, fields: 0 });
          }
        }
      } else {
        answers.slice(0, positive.length).forEach(function (a) {
          a.results.forEach(function (r) {
            if (excluded[r.ref]) return;
            var had = byRef[r.ref];
            if (!had) {
              byRef[r.ref] = r;
              results.push(r);
              return;
            }
            // a document matched by several OR branches: its best score, every field
            had.score = Math.max(had.score, r.score);
            had.title = had.title || r.title;
            had.fields |= r.fields;
          });
        });
      }
      results.sort(byScore);
      return { words: query.words, query: query, results: results, shards: names };
    });
  };

  var MAX_BRANCHES = 32; // "a OR b" groups multiply; past this many combinations, the rest are dropped

  function byScore(a, b) {
    return (b.score - a.score) || (a.n - b.n);
  }

  /*
   * Documents holding every word of `words` (each as a phrase, in its field if it
   * names one). The rarest term's documents are the candidates (found by _score
   * for one exact term in one shard, else by lunr.js's query); every other term
   * is looked up, for those candidates only, in its loaded index.
   */
  Engine.prototype._conjunction = function (words) {
    var self = this;
    words = words.map(function (w) {
      // each branch gets its own term objects: the shards and tables noted on them differ
      return { text: w.text, field: w.field, terms: w.terms.map(function (t) {
        return { term: t.term, rel: t.rel, prefix: t.prefix };
      }) };
    });
    if (!words.length) return Promise.resolve({ words: words, results: [], shards: [] });
    // Query units: one a term, with the shards holding it (several for a prefix
    // term on a split character, whose answers are united).
    var units = [];
    var missing = false;
    words.forEach(function (w) {
      w.terms.forEach(function (t) {
        var names = self.shardsFor(t);
        t.shards = names;
        if (!names.length) missing = true;
        units.push({ shards: names, terms: [t] });
      });
    });
    var names = [];
    units.forEach(function (u) {
      u.shards.forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
    });
    if (missing) return Promise.resolve({ words: words, results: [], shards: names });
    return Promise.all(names.map(function (n) { return self.shard(n); })).then(function (idxs) {
      var loaded = {};
      for (var i = 0; i < names.length; i++) {
        if (!idxs[i]) return { words: words, results: [], shards: names };
        loaded[names[i]] = idxs[i];
      }
      // Rarest first: lunr.js runs the query of the unit with the fewest postings;
      // the other units' terms are then looked up in their loaded lunr indexes for
      // those candidates only (a posting per candidate, not the whole posting list).
      units.forEach(function (u) { u.size = self._size(loaded, u); });
      units.sort(function (a, b) { return a.size - b.size; });
      // Candidates of the driving unit: lunr.js hands back, in matchData, the fields
      // its term(s) matched in; several shards (a prefix on a split character) are united.
      var combined = Object.create(null); // ref -> candidate
      var cands = []; // {ref, score, meta: term -> field -> {}}
      var driver = units[0];
      var direct = driver.shards.length === 1 && !driver.terms[0].prefix;
      // lunr.js's query vector; every term's weight is added to a candidate's score
      // as the term is found in it (see _lookup), so every term counts
      var q = self._queryWeights(words, loaded);
      if (direct) {
        // one exact term in one shard (the common case, and the costly one for a
        // common term): scored here, exactly as lunr.js would (see _score)
        var only = driver.terms[0].term;
        cands = self._score(loaded[driver.shards[0]], only);
        if (q.weights[only] !== 1) cands.forEach(function (c) { c.score *= q.weights[only]; });
      }
      for (var d = 0; d < driver.shards.length && !direct; d++) {
        var hits = self._run(loaded[driver.shards[d]], driver.terms);
        for (var h = 0; h < hits.length; h++) {
          var hit = hits[h];
          var md = hit.matchData.metadata;
          var entry = combined[hit.ref];
          if (!entry) {
            // lunr.js built this metadata object for this query alone: keep it as is
            combined[hit.ref] = entry = { ref: hit.ref, score: hit.score, meta: md };
            cands.push(entry);
          } else {
            entry.score += hit.score;
            for (var term in md) entry.meta[term] = md[term];
          }
        }
      }
      if (!direct) {
        // lunr.js scored the driver against its own query vector: score it again
        // against the whole query's (a prefix or split-character driver: rare)
        cands.forEach(function (c) { c.score = self._metaScore(q, loaded, c); });
      }
      for (var u = 1; u < units.length && cands.length; u++) {
        var lookups = self._expand(loaded, units[u]);
        lookups.forEach(function (l) { self._index(l, cands.length); });
        var kept = [];
        for (var c = 0; c < cands.length; c++) {
          if (self._lookup(lookups, cands[c], q)) kept.push(cands[c]);
        }
        cands = kept;
      }
      cands.forEach(function (c) { c.score /= q.norm; });
      // Positions only for words of several tokens (the phrase check), only once
      // there are candidates, and only from the shards holding those words' terms.
      var posNames = [];
      if (cands.length) {
        words.forEach(function (w) {
          if (w.terms.length < 2) return;
          w.terms.forEach(function (t) {
            t.shards.forEach(function (n) { if (posNames.indexOf(n) < 0) posNames.push(n); });
          });
        });
      }
      if (!posNames.length) return self._finish(words, cands, names, loaded);
      return Promise.all(posNames.map(function (n) { return self.positions(n); })).then(function () {
        return self._finish(words, cands, names, loaded);
      });
    });
  };

  /* Phrase check and ranking of the candidates (positions tables already loaded). */
  Engine.prototype._finish = function (words, cands, names, loaded) {
    var self = this;
    var tables = this.positionTables;
    words.forEach(function (w) {
      if (w.terms.length < 2) return;
      w.terms.forEach(function (t) {
        t.tables = t.shards.map(function (n) { return tables[n]; });
      });
    });
    var all = this.manifest.fields;
    var results = [];
    for (var c = 0; c < cands.length; c++) {
      var cand = cands[c];
      var titleWords = 0;
      var matched = 0; // bit i: the query matched in manifest.fields[i] (fieldsOf)
      var ok = true;
      for (var w = 0; w < words.length && ok; w++) {
        var fields = self._phraseFields(words[w], cand.meta, cand.ref);
        if (words[w].field) fields = fields.indexOf(words[w].field) >= 0 ? [words[w].field] : [];
        if (fields.indexOf("t") >= 0) titleWords++;
        for (var f = 0; f < fields.length; f++) matched |= 1 << all.indexOf(fields[f]);
        ok = fields.length > 0;
      }
      if (ok) {
        results.push({
          ref: cand.ref, n: parseInt(cand.ref, 36), score: cand.score,
          title: titleWords === words.length, fields: matched,
        });
      }
    }
    results.sort(byScore);
    return { words: words, results: results, shards: names };
  };

  /*
   * lunr.js's query vector: each query term (and each term a prefix expands to)
   * with weight 1, added up when a term comes twice; {weights: term -> weight,
   * norm: its magnitude}.
   */
  Engine.prototype._queryWeights = function (words, loaded) {
    var lunr = this.lunr;
    var weights = Object.create(null);
    words.forEach(function (w) {
      w.terms.forEach(function (t) {
        var expanded = [t.term];
        if (t.prefix) {
          expanded = [];
          t.shards.forEach(function (name) {
            var idx = loaded[name];
            idx.tokenSet.intersect(lunr.TokenSet.fromString(t.term + "*")).toArray().forEach(function (x) {
              if (expanded.indexOf(x) < 0) expanded.push(x);
            });
          });
        }
        expanded.forEach(function (x) { weights[x] = (weights[x] || 0) + 1; });
      });
    });
    var sum = 0;
    for (var term in weights) sum += weights[term] * weights[term];
    return { weights: weights, norm: Math.sqrt(sum) || 1 };
  };

  /*
   * A candidate's score as lunr.js computes it for a query of all these terms,
   * before the division by the query's magnitude: per field, the dot product of
   * the query vector with the document's field vector, summed over fields, for
   * the terms in cand.meta. Used for a driver lunr.js scored itself; other
   * candidates are scored term by term as they are found (_score, _lookup). Every shard is built with
   * the whole corpus's BM25 statistics (search/index.py: CorpusStats), so these are
   * lunr.js's numbers on one index of all documents, however many shards the
   * terms sit in (tests/test_search_query.py).
   */
  Engine.prototype._metaScore = function (q, loaded, cand) {
    var fields = this.manifest.fields;
    var score = 0;
    for (var k = 0; k < fields.length; k++) {
      var dot = 0;
      for (var term in cand.meta) {
        if (!cand.meta[term][fields[k]] || !q.weights[term]) continue;
        var idx = this._indexHolding(loaded, term);
        if (!idx) continue;
        var vector = idx.fieldVectors[fields[k] + "/" + cand.ref];
        if (vector) dot += q.weights[term] * weightAt(vector.elements, idx.invertedIndex[term]._index);
      }
      score += dot;
    }
    return score;
  };

  /* The fields a result matched in (its `fields` bit mask), as field letters. */
  Engine.prototype.fieldsOf = function (result) {
    return this.manifest.fields.filter(function (f, i) { return result.fields & (1 << i); });
  };

  Engine.prototype._indexHolding = function (loaded, term) {
    var where = loaded._where || Object.defineProperty(loaded, "_where", { value: Object.create(null) })._where;
    if (where[term] !== undefined) return where[term];
    where[term] = null;
    for (var name in loaded) {
      if (loaded[name].invertedIndex[term]) {
        where[term] = loaded[name];
        break;
      }
    }
    return where[term];
  };

  /* Postings (document-field pairs) of a unit's term; a prefix term counts as large. */
  Engine.prototype._size = function (loaded, unit) {
    var best = Infinity;
    var fields = this.manifest.fields;
    unit.terms.forEach(function (t) {
      if (t.prefix) return;
      var n = 0;
      unit.shards.forEach(function (name) {
        var posting = loaded[name].invertedIndex[t.term];
        if (!posting) return;
        if (posting._size === undefined) { // counted once per loaded index
          var size = 0;
          for (var k = 0; k < fields.length; k++) size += Object.keys(posting[fields[k]]).length;
          Object.defineProperty(posting, "_size", { value: size });
        }
        n += posting._size;
      });
      if (n < best) best = n;
    });
    return best;
  };

  /* Each term of a unit with the postings it stands for (a prefix term: every expansion):
   * [term, posting, lunr index holding it]. */
  Engine.prototype._expand = function (loaded, unit) {
    var lunr = this.lunr;
    return unit.terms.map(function (t) {
      var postings = [];
      unit.shards.forEach(function (name) {
        var idx = loaded[name];
        var expanded = t.prefix
          ? idx.tokenSet.intersect(lunr.TokenSet.fromString(t.term + "*")).toArray()
          : [t.term];
        expanded.forEach(function (term) {
          if (idx.invertedIndex[term]) postings.push([term, idx.invertedIndex[term], idx]);
        });
      });
      return postings;
    });
  };

  /*
   * For a prefix term with many expansions (年* has hundreds), checking every
   * candidate against every expansion and field costs more than reading the
   * expansions' postings once: then `lookup.byRef` maps each ref to its
   * (expansion, field) pairs, in the order _lookup would meet them.
   */
  Engine.prototype._index = function (lookup, candidates) {
    var fields = this.manifest.fields;
    if (lookup.length < 4) return;
    var postings = 0;
    for (var j = 0; j < lookup.length; j++) {
      for (var k = 0; k < fields.length; k++) postings += Object.keys(lookup[j][1][fields[k]]).length;
    }
    if (postings >= candidates * lookup.length * fields.length) return;
    var byRef = Object.create(null);
    for (j = 0; j < lookup.length; j++) {
      for (k = 0; k < fields.length; k++) {
        for (var ref in lookup[j][1][fields[k]]) (byRef[ref] || (byRef[ref] = [])).push(j, k);
      }
    }
    lookup.byRef = byRef;
  };

  /*
   * Does the candidate hold every looked-up term? Notes its fields in cand.meta
   * and adds each term's weight (lunr.js's dot product with the query vector q)
   * to cand.score, once per term and field however many words share the term.
   */
  Engine.prototype._lookup = function (lookups, cand, q) {
    var fields = this.manifest.fields;
    for (var i = 0; i < lookups.length; i++) {
      var lookup = lookups[i];
      var found = false;
      if (lookup.byRef) {
        var pairs = lookup.byRef[cand.ref];
        if (!pairs) return false;
        for (var x = 0; x < pairs.length; x += 2) {
          if (noteHit(lookup[pairs[x]], fields[pairs[x + 1]], cand, q)) found = true;
        }
      } else {
        for (var j = 0; j < lookup.length; j++) {
          for (var k = 0; k < fields.length; k++) {
            if (noteHit(lookup[j], fields[k], cand, q)) found = true;
          }
        }
      }
      if (!found) return false;
    }
    return true;
  };

  /* Does the candidate hold this [term, posting, index] in this field? Notes and scores it. */
  function noteHit(entry, field, cand, q) {
    var term = entry[0];
    var posting = entry[1];
    var hit = posting[field][cand.ref];
    if (!hit) return false;
    var seen = cand.meta[term] || (cand.meta[term] = {});
    if (seen[field]) return true; // scored already (the term of an earlier word)
    seen[field] = hit;
    var vector = entry[2].fieldVectors[field + "/" + cand.ref];
    if (vector) cand.score += (q.weights[term] || 0) * weightAt(vector.elements, posting._index);
    return true;
  }

  /*
   * One lunr.js query: every term required, prefix terms as trailing wildcards.
   * A one-term query runs with the default (optional) presence: the answer is the
   * same, and lunr.js then builds no per-field sets of document refs (lunr.Set
   * union/intersect over every posting: a third of the query time for a common term).
   */
  Engine.prototype._run = function (idx, terms) {
    var lunr = this.lunr;
    var presence = terms.length > 1 ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL;
    return idx.query(function (query) {
      terms.forEach(function (t) {
        query.term(t.term, {
          presence: presence,
          wildcard: t.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          usePipeline: false,
        });
      });
    });
  };

  /* Weight of term number `index` in a lunr.Vector's elements ([index, weight, …], sorted). */
  function weightAt(elements, index) {
    var lo = 0;
    var hi = elements.length / 2 - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      var at = elements[mid * 2];
      if (at === index) return elements[mid * 2 + 1];
      if (at < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /*
   * The documents holding one exact term, with lunr.js's score and match data
   * ({ref, score, meta: {term: {field: {}}}}), straight from the loaded index.
   * For a query of one term of boost 1, lunr.js's query vector in each field is
   * that term with weight 1 (magnitude 1), so a document's score is the sum, field
   * by field in the index's order, of the term's weight in its field vectors:
   * the same sums in the same order, so the same numbers (tests/test_search_index.py
   * checks them against lunr.js). What this leaves out is lunr.js's work per
   * posting: a FieldRef string, a MatchData, lunr.Sets and maps keyed by field ref.
   */
  Engine.prototype._score = function (idx, term) {
    var posting = idx.invertedIndex[term];
    var out = [];
    if (!posting) return out;
    var index = posting._index;
    var fields = idx.fields;
    var vectors = idx.fieldVectors;
    var byRef = Object.create(null);
    for (var k = 0; k < fields.length; k++) {
      var field = fields[k];
      var refs = posting[field];
      for (var ref in refs) {
        var vector = vectors[field + "/" + ref];
        var weight = vector ? weightAt(vector.elements, index) : 0;
        var cand = byRef[ref];
        if (!cand) {
          var meta = {};
          meta[term] = {};
          byRef[ref] = cand = { ref: ref, score: weight, meta: meta };
          out.push(cand);
        } else {
          cand.score += weight;
        }
        cand.meta[term][field] = refs[ref];
      }
    }
    return out;
  };

  /* Positions of a term in one field of one document, from the term's shards' tables. */
  function lookupPositions(tables, term, field, ref) {
    for (var i = 0; i < tables.length; i++) {
      var entry = tables[i] && tables[i].terms[term];
      if (entry) {
        var f = entry[field];
        if (Array.isArray(f)) f = entry[field] = byRef(f, tables[i].index.invertedIndex[term][field]);
        return (f && f[ref]) || null;
      }
    }
    return null;
  }

  /* A term's positions lists in one field, keyed by the refs of its postings there. */
  function byRef(lists, posting) {
    var refs = Object.keys(posting).sort(function (a, b) { return parseInt(a, 36) - parseInt(b, 36); });
    var out = Object.create(null);
    refs.forEach(function (ref, i) { out[ref] = lists[i]; });
    return out;
  }

  /* Positions of a query term in one field (a prefix term: of every term it expanded to). */
  function positionsOf(meta, t, field, ref) {
    if (!t.prefix) {
      var m = meta[t.term];
      return m && m[field] ? lookupPositions(t.tables, t.term, field, ref) : null;
    }
    var out = null;
    for (var term in meta) {
      if (term.lastIndexOf(t.term, 0) !== 0 || !meta[term][field]) continue;
      var p = lookupPositions(t.tables, term, field, ref);
      if (p) out = out ? out.concat(p) : p;
    }
    return out;
  }

  /* Does the document hold the term (a prefix term: any expansion) in this field? */
  function holds(meta, t, field) {
    if (!t.prefix) return !!(meta[t.term] && meta[t.term][field]);
    for (var term in meta) {
      if (term.lastIndexOf(t.term, 0) === 0 && meta[term][field]) return true;
    }
    return false;
  }

  /*
   * Fields in which every term of the word sits at its relative position.
   * Plain loops over the (short, sorted) position lists: this runs for every
   * candidate, so it allocates nothing but the answer.
   */
  Engine.prototype._phraseFields = function (word, meta, ref) {
    var fields = this.manifest.fields;
    var terms = word.terms;
    var found = [];
    if (terms.length === 1) {
      // one term: no phrase to check (and no positions needed), just the fields holding it
      for (var f = 0; f < fields.length; f++) if (holds(meta, terms[0], fields[f])) found.push(fields[f]);
      return found;
    }
    for (var k = 0; k < fields.length; k++) {
      var field = fields[k];
      var first = positionsOf(meta, terms[0], field, ref);
      if (!first) continue;
      var lists = [];
      for (var j = 1; j < terms.length; j++) {
        var p = positionsOf(meta, terms[j], field, ref);
        if (!p) break;
        lists.push(p);
      }
      if (lists.length < terms.length - 1) continue;
      var hit = false;
      for (var i = 0; i < first.length && !hit; i++) {
        var start = first[i] - terms[0].rel;
        hit = true;
        for (var n = 0; n < lists.length; n++) {
          if (lists[n].indexOf(start + terms[n + 1].rel) < 0) {
            hit = false;
            break;
          }
        }
      }
      if (hit) found.push(field);
    }
    return found;
  };

  /* Stored text of documents (by number); loads the docs-N.js chunks needed. */
  Engine.prototype.docs = function (numbers) {
    var self = this;
    var chunk = this.manifest.chunk;
    var chunks = {};
    numbers.forEach(function (n) { chunks[Math.floor(n / chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      if (self.docCache[c]) return self.docCache[c];
      return self._load("docs-" + c + ".js", function () {
        var store = self.globals.NEWSPRINT_DOCS || {};
        self.docCache[c] = store[c];
        delete store[c];
      });
    })).then(function () {
      var out = {};
      numbers.forEach(function (n) {
        var rows = self.docCache[Math.floor(n / chunk)];
        var row = rows && rows[n % chunk];
        if (row) {
          out[n] = {
            title: row[0], body: row[1], captions: row[2], extra: row[3], url: row[4], date: row[5],
            kicker: row[6] || "", subtitle: row[7] || "",
          };
        }
      });
      return out;
    });
  };

  /* Unsigned little-endian integers of `width` bytes from base64 (search/facets.py: _b64). */
  function decodeColumn(b64, width) {
    var bin = typeof atob === "function" ? atob(b64) : Buffer.from(b64, "base64").toString("latin1");
    var n = bin.length / width;
    var out = width === 1 ? new Uint8Array(n) : width === 2 ? new Uint16Array(n) : new Uint32Array(n);
    for (var i = 0, j = 0; i < n; i++, j += width) {
      var v = 0;
      for (var b = width - 1; b >= 0; b--) v = v * 256 + bin.charCodeAt(j + b);
      out[i] = v;
    }
    return out;
  }

  /* One facets-K.js chunk as typed arrays; topics of document i: t[start[i] .. start[i+1]). */
  function decodeFacets(raw) {
    var w = raw.w;
    var counts = decodeColumn(raw.n, w.n);
    var start = new Uint32Array(counts.length + 1);
    for (var i = 0; i < counts.length; i++) start[i + 1] = start[i] + counts[i];
    return {
      d: decodeColumn(raw.d, w.d),
      y: decodeColumn(raw.y, w.y),
      k: decodeColumn(raw.k, w.k),
      t: decodeColumn(raw.t, w.t),
      start: start,
      // paper, page and date (YYYYMMDD): newsprint.search.facets; absent in older indexes
      P: raw.P ? decodeColumn(raw.P, w.P) : new Uint8Array(counts.length),
      g: raw.g ? decodeColumn(raw.g, w.g) : new Uint8Array(counts.length),
      D: raw.D ? decodeColumn(raw.D, w.D) : new Uint32Array(counts.length),
    };
  }

  /* Loads the facets-K.js chunks holding these documents (numbers). */
  Engine.prototype.loadFacets = function (numbers) {
    var self = this;
    var size = this.manifest.facetChunk;
    var want = {};
    for (var i = 0; i < numbers.length; i++) want[Math.floor(numbers[i] / size)] = true;
    this.facetCache = this.facetCache || {};
    return Promise.all(Object.keys(want).map(function (k) {
      if (self.facetCache[k]) return self.facetCache[k];
      return self._load("facets-" + k + ".js", function () {
        var store = self.globals.NEWSPRINT_FACETS || {};
        if (!self.facetCache[k]) self.facetCache[k] = decodeFacets(store[k]);
        delete store[k];
      });
    }));
  };

  /* Filter values of one document (its facets chunk must be loaded). */
  Engine.prototype.facetsOf = function (n) {
    var m = this.manifest;
    var size = m.facetChunk;
    var c = this.facetCache[Math.floor(n / size)];
    var i = n % size;
    var topics = [];
    for (var j = c.start[i]; j < c.start[i + 1]; j++) topics.push(m.topics[c.t[j] - 1]);
    return {
      district: c.d[i] ? m.districts[c.d[i] - 1] : "",
      year: c.y[i] ? m.years[c.y[i] - 1] : "",
      kind: c.k[i] ? m.kinds[c.k[i] - 1] : "",
      topic: topics,
      paper: c.P[i] ? (m.papers || [])[c.P[i] - 1] : "",
      page: c.g[i] ? (m.pages || [])[c.g[i] - 1] : "",
      date: c.D[i],
    };
  };

  var FILTERS = ["district", "topic", "year", "kind", "paper"];

  /*
   * Is a date YYYYMMDD (00 for a month or day the page does not give) inside the
   * range from..to (YYYYMMDD numbers, 0: open)? A date known only to the month or
   * year is inside when any day of it is; an undated document never is.
   */
  function inRange(date, from, to) {
    if (!from && !to) return true;
    if (!date) return false;
    var first = date, last = date;
    if (date % 10000 === 0) { last = date + 1231; first = date + 101; }
    else if (date % 100 === 0) { last = date + 31; first = date + 1; }
    return (!from || last >= from) && (!to || first <= to);
  }

  /* "2023-04-20" (or "2023-04", "2023") → 20230420 (20230401, 20230101); a `to` bound
   * fills the missing month and day to the end. "" or a bad value → 0. */
  function rangeNumber(text, end) {
    var m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec((text || "").trim());
    if (!m) return 0;
    var month = m[2] ? +m[2] : end ? 12 : 1;
    var day = m[3] ? +m[3] : end ? 31 : 1;
    return +m[1] * 10000 + month * 100 + day;
  }

  /*
   * Results passing the filters `st` ({district, topic, year, kind}: a value or
   * "") and, for every filter, the count of results per value among those that
   * pass the *other* filters (so every option offered leads somewhere). One pass
   * over typed arrays; the facets chunks of the results must be loaded.
   */
  Engine.prototype.filter = function (results, st) {
    var m = this.manifest;
    var size = m.facetChunk;
    var lists = { district: m.districts, topic: m.topics, year: m.years, kind: m.kinds, paper: m.papers || [] };
    var from = rangeNumber(st && st.from, false), to = rangeNumber(st && st.to, true);
    var want = {};
    var counts = {};
    FILTERS.forEach(function (f) {
      // 1 + index of the chosen value; -1 for a value the archive does not have
      want[f] = st && st[f] ? lists[f].indexOf(st[f]) + 1 || -1 : 0;
      counts[f] = new Uint32Array(lists[f].length + 1);
    });
    var wd = want.district, wt = want.topic, wy = want.year, wk = want.kind, wp = want.paper;
    var cd = counts.district, ct = counts.topic, cy = counts.year, ck = counts.kind, cp = counts.paper;
    var cache = this.facetCache;
    var passed = [];
    for (var r = 0; r < results.length; r++) {
      var n = results[r].n;
      var c = cache[Math.floor(n / size)];
      var i = n % size;
      if (!inRange(c.D[i], from, to)) continue; // the date range narrows every count
      var d = c.d[i], y = c.y[i], k = c.k[i], p = c.P[i], t0 = c.start[i], t1 = c.start[i + 1];
      var missD = wd !== 0 && d !== wd;
      var missY = wy !== 0 && y !== wy;
      var missK = wk !== 0 && k !== wk;
      var missP = wp !== 0 && p !== wp;
      var missT = false;
      if (wt !== 0) {
        missT = true;
        for (var j = t0; j < t1; j++) if (c.t[j] === wt) { missT = false; break; }
      }
      var misses = missD + missY + missK + missT + missP;
      if (misses > 1) continue;
      if (misses === 0) passed.push(results[r]);
      if (!misses || missD) cd[d]++;
      if (!misses || missY) cy[y]++;
      if (!misses || missK) ck[k]++;
      if (!misses || missP) cp[p]++;
      if (!misses || missT) for (var j = t0; j < t1; j++) ct[c.t[j]]++;
    }
    var out = {};
    FILTERS.forEach(function (f) {
      out[f] = {};
      for (var v = 1; v < counts[f].length; v++) {
        if (counts[f][v]) out[f][lists[f][v - 1]] = counts[f][v];
      }
    });
    return { results: passed, counts: out };
  };

  /* Stored text of one field (d, p and a share the "extra" column). */
  var FIELD_TEXT = { t: "title", k: "kicker", s: "subtitle", b: "body", c: "captions", d: "extra", p: "extra", a: "extra", n: "extra" };

  /*
   * Does the stored text hold the query (after normalisation)? Every group needs
   * one of its words, in the word's field when it names one. `words` is a
   * parsed query's word list (words carry their group) or any list of words,
   * all of which must occur.
   */
  Engine.prototype.verify = function (doc, words) {
    var T = this.T;
    var cache = {};
    function text(field) {
      if (cache[field] === undefined) {
        var raw = field ? doc[FIELD_TEXT[field]] || "" :
          [doc.title, doc.kicker, doc.subtitle, doc.body, doc.captions, doc.extra].join("\n");
        cache[field] = normalizedWithMap(T, raw).text;
      }
      return cache[field];
    }
    var groups = {};
    words.forEach(function (w, i) {
      var g = w.group === undefined ? "w" + i : w.group;
      groups[g] = groups[g] || text(w.field || "").indexOf(w.text) >= 0;
    });
    return Object.keys(groups).every(function (g) { return groups[g]; });
  };

  /*
   * Snippet around the first match in the body (or captions, title, kicker,
   * subtitle, people): a list of {text, mark} pieces for the UI to turn into
   * text nodes. Offsets are the printed text's: folding keeps every length.
   */
  Engine.prototype.snippet = function (doc, words, width) {
    width = width || 90;
    var sources = [doc.body, doc.captions, doc.title, doc.kicker, doc.subtitle, doc.extra];
    for (var k = 0; k < sources.length; k++) {
      var src = sources[k] || "";
      var pieces = markPieces(this.T, src, words, width);
      if (pieces) return pieces;
    }
    return [{ text: (doc.body || "").slice(0, width), mark: false }];
  };

  /* Pieces of `src` around its first match of any word, or null when none matches. */
  function markPieces(T, src, words, width) {
    var nm = normalizedWithMap(T, src);
    var ranges = [];
    words.forEach(function (w) {
      var from = 0;
      var at;
      while (w.text && (at = nm.text.indexOf(w.text, from)) >= 0) {
        ranges.push([nm.map[at], nm.map[at + w.text.length]]);
        from = at + Math.max(w.text.length, 1);
      }
    });
    if (!ranges.length) return null;
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var start = width ? Math.max(0, ranges[0][0] - Math.floor(width / 3)) : 0;
    var end = width ? Math.min(src.length, start + width) : src.length;
    var pieces = [];
    if (start > 0) pieces.push({ text: "…", mark: false });
    var cur = start;
    ranges.forEach(function (r) {
      if (r[0] < cur || r[0] >= end) return;
      if (r[0] > cur) pieces.push({ text: src.slice(cur, r[0]), mark: false });
      pieces.push({ text: src.slice(r[0], Math.min(r[1], end)), mark: true });
      cur = Math.min(r[1], end);
    });
    if (cur < end) pieces.push({ text: src.slice(cur, end), mark: false });
    if (end < src.length) pieces.push({ text: "…", mark: false });
    return pieces;
  }

  var api = {
    Engine: Engine,
    StaleIndex: StaleIndex,
    parseQuery: parseQuery,
    lexQuery: lexQuery,
    markPieces: markPieces,
    FIELD_LABELS: FIELD_LABELS,
    wordTerms: wordTerms,
    termHash: termHash,
    shardName: shardName,
    normalizedWithMap: normalizedWithMap,
    decodeColumn: decodeColumn,
    FILTERS: FILTERS,
    inRange: inRange,
    rangeNumber: rangeNumber,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.NewsprintSearchCore = api;
})(typeof self !== "undefined" ? self : this);
