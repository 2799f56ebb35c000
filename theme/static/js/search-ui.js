/*
 * Search page UI (templates/search.html). Works from file:// and http://: every
 * index file is a classic script injected on demand. Query and filters live in
 * the URL (?q=&district=&topic=&year=&kind=&paper=&from=&to=), so links, reload and the back
 * button all work. Content text only ever reaches the page as text nodes.
 */
(function () {
  "use strict";
  var Core = window.NewsprintSearchCore;
  var T = window.NewsprintTokenize;
  var root = document.getElementById("search");
  if (!root || !Core || !T) return;

  var PAGE = 10;
  // The labels are written once, in Python (newsprint.models.KIND_LABELS); the theme
  // passes them on the search section.
  var KIND_LABELS = JSON.parse(root.getAttribute("data-kind-labels") || "{}");
  var FILTERS = ["district", "topic", "year", "kind", "paper"];
  var FILTER_ALL = { district: "全部区县", topic: "全部主题", year: "全部年份", kind: "全部类型", paper: "全部报纸" };
  // A date range (YYYY-MM-DD, YYYY-MM or YYYY at either end), kept in the URL like the filters.
  var RANGE = ["from", "to"];
  var STATE = FILTERS.concat(RANGE);
  var base = (root.getAttribute("data-siteurl") || "").replace(/\/+$/, "");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  var selects = {};
  FILTERS.forEach(function (f) {
    selects[f] = filterBox.querySelector('select[data-filter="' + f + '"]');
  });
  RANGE.forEach(function (f) {
    selects[f] = filterBox.querySelector('input[data-filter="' + f + '"]');
  });

  function href(path) {
    return base ? base + "/" + path : path;
  }

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = href(path);
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("cannot load " + path)); };
      document.head.appendChild(s);
    });
  }

  var enginePromise = null;
  var overHttp = window.location.protocol !== "file:";
  var basics = null;
  // fresh: load manifest.js again, past any cache (after a redeploy, see StaleIndex).
  function engine(fresh) {
    if (!enginePromise || fresh) {
      basics = basics || Promise.all(["search/lunr.js", "search/fold.js"].map(loadScript));
      var manifest = "search/manifest.js" + (fresh && overHttp ? "?r=" + Date.now() : "");
      enginePromise = Promise.all([basics, loadScript(manifest)])
        .then(function () {
          T.useFold(window.NEWSPRINT_FOLD);
          return new Core.Engine({
            tokenize: T, lunr: window.lunr, manifest: window.NEWSPRINT_SEARCH,
            loadScript: loadScript, globals: window, bust: overHttp,
          });
        });
    }
    return enginePromise;
  }

  /*
   * A query that finds nothing may have been read with an earlier deploy's manifest
   * (its plan knows none of the new terms, so no file says "other build"): ask for
   * the manifest once more; if its build differs, the search is run again.
   */
  function confirmEmpty(eng, res, retried) {
    if (res.results.length || retried || !eng.manifest.build) return res;
    return engine(true).then(function (fresh) {
      if (fresh.manifest.build === eng.manifest.build) {
        enginePromise = Promise.resolve(eng); // same build: keep what is loaded
        return res;
      }
      throw new Core.StaleIndex("manifest.js", fresh.manifest.build, eng.manifest.build);
    });
  }

  function readState() {
    var p = new URLSearchParams(window.location.search);
    var st = { q: (p.get("q") || "").trim() };
    STATE.forEach(function (f) { st[f] = p.get(f) || ""; });
    return st;
  }

  function writeState(st, replace) {
    var p = new URLSearchParams();
    if (st.q) p.set("q", st.q);
    STATE.forEach(function (f) { if (st[f]) p.set(f, st[f]); });
    var url = window.location.pathname + (p.toString() ? "?" + p.toString() : "");
    if (replace) window.history.replaceState(st, "", url);
    else window.history.pushState(st, "", url);
  }

  /*
   * How far the reader got: results shown ("显示更多结果" clicks) and the scroll
   * position, kept in the history entry so Back from an article restores both.
   */
  function rememberView() {
    if (!current) return;
    var kept = Object.assign({}, window.history.state || {}, { shown: current.shown, scroll: window.scrollY });
    window.history.replaceState(kept, "", window.location.href);
  }
  if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // n is YYYYMMDD; 00 for a month or day the page does not give (shown as less precise).
  function formatDate(n) {
    if (!n) return "";
    var year = Math.floor(n / 10000), month = Math.floor((n % 10000) / 100), day = n % 100;
    if (!month) return year + "年";
    if (!day) return year + "年" + month + "月";
    return year + "年" + month + "月" + day + "日";
  }

  function fillFilters(counts, st, any) {
    FILTERS.forEach(function (f) {
      var sel = selects[f];
      while (sel.firstChild) sel.removeChild(sel.firstChild);
      sel.appendChild(new Option(FILTER_ALL[f], ""));
      var values = Object.keys(counts[f]).sort();
      if (f === "year") values.reverse();
      if (st[f] && values.indexOf(st[f]) < 0) values.unshift(st[f]);
      values.forEach(function (v) {
        var label = (f === "kind" ? KIND_LABELS[v] || v : v) + "（" + (counts[f][v] || 0) + "）";
        sel.appendChild(new Option(label, v, false, v === st[f]));
      });
      sel.value = st[f];
    });
    RANGE.forEach(function (f) { selects[f].value = st[f]; });
    filterBox.hidden = !any;
  }

  var baseTitle = document.title;
  var runId = 0;
  var current = null;

  function render(st, view, retried) {
    var id = ++runId;
    view = view || {};
    var started = performance.now();
    input.value = st.q;
    list.textContent = "";
    more.hidden = true;
    document.title = st.q ? st.q + " - " + baseTitle : baseTitle;
    if (!st.q) {
      status.textContent = "输入词语开始搜索。";
      filterBox.hidden = true;
      root.setAttribute("data-state", "idle");
      return Promise.resolve();
    }
    status.textContent = "正在搜索…";
    root.setAttribute("data-state", "searching");
    return engine(retried).then(function (eng) {
      return eng.search(st.q).then(function (res) {
        return confirmEmpty(eng, res, retried);
      }).then(function (res) {
        if (id !== runId) return;
        var filtersOn = STATE.some(function (f) { return st[f]; });
        var numbers = res.results.map(function (r) { return r.n; });
        // Unfiltered, the first page is known now: its stored text loads with the facets.
        var first = filtersOn ? [] : numbers.slice(0, PAGE);
        return Promise.all([eng.loadFacets(numbers), eng.docs(first)]).then(function () {
          if (id !== runId) return;
          var f = eng.filter(res.results, st);
          var filtered = f.results;
          fillFilters(f.counts, st, res.results.length > 0);
          current = { eng: eng, res: res, filtered: filtered, shown: 0, dropped: 0, st: st, id: id };
          if (!filtered.length) {
            showNothing(st, res);
            root.setAttribute("data-state", "done");
            return;
          }
          return showUntil(view.shown || PAGE).then(function () {
            if (id !== runId) return;
            if (view.scroll) window.scrollTo(0, view.scroll);
            window.NEWSPRINT_LAST = { q: st.q, total: filtered.length, ms: performance.now() - started };
            root.setAttribute("data-state", "done");
          });
        });
      });
    }).catch(function (err) {
      if (id !== runId) return;
      // The site was deployed again since this page loaded its manifest: load the
      // new one and search once more.
      if (err && err.stale && !retried) return render(st, view, true);
      status.textContent = "搜索索引无法加载（" + err.message + "）。";
      root.setAttribute("data-state", "error");
    });
  }

  function showNothing(st, res) {
    var filtersOn = STATE.some(function (f) { return st[f]; });
    var searched = (res.query && res.query.described) || "“" + st.q + "”";
    var msg = "没有找到符合 " + searched + " 的文章。";
    if (filtersOn && res.results.length) {
      msg += "去掉筛选条件后有 " + res.results.length + " 篇。";
    } else if (res.query && res.query.groups.length > 1) {
      msg += "空格分开的词须同时出现，可以减少一个词，或用 OR 连接。";
    } else {
      msg += "可以换一个较短的词，或按区县、主题浏览。";
    }
    status.textContent = msg;
  }

  function showUntil(count) {
    return showMore().then(function () {
      if (current && current.shown < Math.min(count, current.filtered.length)) return showUntil(count);
    });
  }

  function showMore() {
    var c = current;
    var batch = c.filtered.slice(c.shown, c.shown + PAGE);
    c.shown += batch.length;
    return c.eng.docs(batch.map(function (r) { return r.n; })).then(function (docs) {
      if (c.id !== runId) return;
      batch.forEach(function (r) {
        var doc = docs[r.n];
        // Second check, on the stored text itself: drops matches that only line up
        // across a space or punctuation between Latin and Han tokens.
        if (!doc || !c.eng.verify(doc, c.res.words)) {
          c.dropped++;
          return;
        }
        list.appendChild(resultItem(c.eng, r, doc, c.res.words));
      });
      var total = c.filtered.length - c.dropped;
      status.textContent = "找到 " + total + " 篇文章" + (c.shown < c.filtered.length ? "，显示前 " + list.children.length + " 篇。" : "。");
      more.hidden = c.shown >= c.filtered.length;
      if (!list.children.length && c.shown < c.filtered.length) return showMore();
      if (!list.children.length) {
        // every candidate failed the check on its stored text: nothing to filter either
        filterBox.hidden = true;
        showNothing(c.st, { results: [], words: c.res.words, query: c.res.query });
      }
    });
  }

  function resultItem(eng, r, doc, words) {
    var fc = eng.facetsOf(r.n);
    var li = el("li", "result");
    var h = el("h2", "title");
    var a = el("a", null, doc.title || doc.url);
    // the article page marks the query's words (site.js reads ?hl=)
    a.href = href(doc.url) + "?hl=" + encodeURIComponent(current ? current.st.q : "");
    a.addEventListener("click", rememberView);
    h.appendChild(a);
    li.appendChild(h);
    // Where it was printed (paper, date, page: only what is known), then district and kind.
    var meta = [fc.paper ? "《" + fc.paper + "》" : "", formatDate(doc.date), fc.page, fc.district,
      KIND_LABELS[fc.kind] || fc.kind].filter(Boolean).join(" · ");
    li.appendChild(el("p", "meta", meta));
    if (r.fields) {
      var labels = eng.fieldsOf(r).map(function (f) { return Core.FIELD_LABELS[f] || f; });
      li.appendChild(el("p", "matched", "匹配：" + labels.join("、")));
    }
    var p = el("p", "snippet");
    eng.snippet(doc, words).forEach(function (piece) {
      p.appendChild(piece.mark ? el("mark", null, piece.text) : document.createTextNode(piece.text));
    });
    li.appendChild(p);
    return li;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var st = readState(); // a new query keeps the filters chosen
    st.q = input.value.trim();
    writeState(st, false);
    render(st);
  });

  STATE.forEach(function (f) {
    selects[f].addEventListener("change", function () {
      var st = readState();
      st[f] = selects[f].value;
      writeState(st, false);
      render(st);
    });
  });

  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      rememberView();
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });

  window.addEventListener("popstate", function (e) { render(readState(), e.state || {}); });
  window.addEventListener("pagehide", rememberView);

  engine(); // start loading lunr and the manifest while the reader types
  var initial = readState();
  var view = window.history.state || {}; // set by rememberView before the reader left
  writeState(Object.assign({}, initial, { shown: view.shown, scroll: view.scroll }), true);
  render(initial, view);
  if (!initial.q) input.focus();
})();
