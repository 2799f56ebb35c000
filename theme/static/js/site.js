/*
 * On every page: "/" puts the cursor in the search box (the page's own box on
 * search.html, the header's elsewhere), and an article opened from a search
 * result (?hl=query) marks the query's words in its text. Marking loads the
 * search tokenizer, core and fold table only then, so other visits load nothing.
 * Classic script (works from file://); the page's text reaches the DOM only as
 * text nodes.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var base = ((me && me.getAttribute("data-siteurl")) || "").replace(/\/+$/, "");

  function searchBox() {
    return document.getElementById("search-q") || document.querySelector('input[type="search"]');
  }

  document.addEventListener("keydown", function (e) {
    var active = document.activeElement;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable)) return;
    var box = searchBox();
    if (!box) return;
    e.preventDefault();
    box.focus();
  });

  function load(path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = (base ? base + "/" : "") + path;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("cannot load " + path)); };
      document.head.appendChild(s);
    });
  }

  /* Wrap the query's words in <mark> inside `root`, text node by text node. */
  function mark(root, Core, T, words) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    var n;
    while ((n = walker.nextNode())) if (n.data.trim()) nodes.push(n);
    var marked = 0;
    nodes.forEach(function (node) {
      var pieces = Core.markPieces(T, node.data, words, 0);
      if (!pieces) return;
      var frag = document.createDocumentFragment();
      pieces.forEach(function (p) {
        if (!p.mark) frag.appendChild(document.createTextNode(p.text));
        else {
          var m = document.createElement("mark");
          m.className = "hl";
          m.textContent = p.text;
          frag.appendChild(m);
          marked++;
        }
      });
      node.parentNode.replaceChild(frag, node);
    });
    return marked;
  }

  /*
   * Copy buttons (data-copy="ID"): the clipboard when the browser allows it (not
   * always from file://), else the text is selected for the reader to copy.
   */
  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (btn) {
    btn.addEventListener("click", function () {
      var node = document.getElementById(btn.getAttribute("data-copy"));
      var status = btn.parentNode.querySelector(".copy-status");
      if (!node) return;
      // A permalink is copied as the address it resolves to (an absolute one when
      // published; the page's own address from disk), the citation as printed.
      var text = node.getAttribute("data-permalink") ||
        (node.tagName === "A" ? node.href : node.textContent.trim());
      function say(msg) { if (status) status.textContent = msg; btn.setAttribute("data-copied", msg); }
      function fallback() {
        selectText(node);
        var ok = false;
        try { ok = document.execCommand && document.execCommand("copy"); } catch (e) { ok = false; }
        say(ok ? "已复制" : "已选中，请按 Ctrl+C（⌘C）复制");
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { say("已复制"); }, fallback);
      } else {
        fallback();
      }
    });
  });

  /*
   * A page view's "下载文本": the page's lines as a UTF-8 text file, made from the
   * view itself (the site stores the text once; works from file:// too).
   */
  Array.prototype.forEach.call(document.querySelectorAll(".download-text"), function (box) {
    var link = box.querySelector("a[download]");
    if (!link || !window.Blob || !window.URL || !URL.createObjectURL) return;
    link.addEventListener("click", function () {
      var lines = document.querySelectorAll(".source-text .source-lines > li");
      var text = Array.prototype.map.call(lines, function (li) { return li.textContent; }).join("\n");
      if (link.href.indexOf("blob:") === 0) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    });
    box.hidden = false;
  });

  var q = new URLSearchParams(window.location.search).get("hl");
  var article = document.querySelector("article.article") || document.querySelector("main");
  if (!q || !article) return;
  load("theme/js/tokenize.js")
    .then(function () { return Promise.all([load("search/fold.js"), load("theme/js/search-core.js")]); })
    .then(function () {
      var T = window.NewsprintTokenize;
      var Core = window.NewsprintSearchCore;
      T.useFold(window.NEWSPRINT_FOLD);
      var words = Core.parseQuery(T, q).words;
      var count = mark(article, Core, T, words);
      var first = article.querySelector("mark.hl");
      if (first && first.scrollIntoView) first.scrollIntoView({ block: "center" });
      article.setAttribute("data-marked", String(count));
    })
    .catch(function () { article.setAttribute("data-marked", "0"); });
})();
