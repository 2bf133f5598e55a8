/* The search box: Material's search dialog, answered by engine.js over search/zoekindex.js.
   main.html keeps Material's own search from starting and loads this script with the
   index's address (data-index) and the way to the site's root (data-base). Every text
   from the index is put in the page as text, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.querySelector('[data-md-component="archief-search"]');
  var toggle = document.getElementById("__search");
  if (!script || !root || !toggle || !window.ArchiefZoeken) return;
  var Z = window.ArchiefZoeken;
  var base = (script.dataset.base || ".").replace(/\/$/, "");
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector(".md-search__form");
  var result = root.querySelector(".md-search-result");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var PAGE = 30, TITLE = 90, PASSAGE = 150;
  var FILTERS = [
    ["type", "Soort", 7], ["from", "Van jaar", 6], ["to", "Tot en met", 6], ["partner", "Partner", 8],
    ["initiative", "Initiatief", 9], ["topic", "Onderwerp", 10], ["dossier", "Dossier", 11]
  ];
  var engine = null, shown = PAGE, chosen = {}, last = null;

  var filters = document.createElement("div");
  filters.className = "archief-zoek__filters";
  filters.hidden = true;
  filters.setAttribute("role", "group");
  filters.setAttribute("aria-label", "Resultaten filteren");
  result.insertBefore(filters, meta);
  meta.setAttribute("role", "status");
  meta.textContent = "Zoekindex laden…";

  /* The index first, the passages (zoekteksten.js) after it: the first results need none.
     Loaded once the page itself has loaded, or as soon as the reader opens the search. */
  var started = false;
  function load() {
    if (started) return;
    started = true;
    if (window.__zoekindex) ready(); else window.__zoekindexKlaar = ready;
    if (window.__zoekteksten) texts(); else window.__zoektekstenKlaar = texts;
    [script.dataset.index, script.dataset.texts].forEach(function (src, i) {
      if ((i ? window.__zoekteksten : window.__zoekindex) || !src) return;
      var tag = document.createElement("script");
      tag.src = src;
      tag.async = false;
      tag.onerror = function () { meta.textContent = "De zoekindex kon niet worden geladen."; };
      document.head.appendChild(tag);
    });
  }
  function ready() {
    if (engine) return;
    engine = new Z.Engine(window.__zoekindex, window.__zoekteksten);
    run(true);
  }
  function texts() {
    if (!engine) return;
    engine.setTexts(window.__zoekteksten);
    if (input.value.trim()) run(true);
  }

  function cut(text, limit) {
    if (text.length <= limit) return text;
    var part = text.slice(0, limit - 1), space = part.lastIndexOf(" ");
    return (space > limit / 2 ? part.slice(0, space) : part).replace(/[\s,;:.]+$/, "") + "…";
  }
  /* From the sentence of the page's passage with most query words (references count in
     their canonical form), at most PASSAGE characters, begun near its first match. */
  var BOUNDARY = /[.!?]\s+(?=[\p{Lu}\d"'«(])/gu, WORDS = /[\p{L}\p{N}]+/gu;
  function passage(text, matches, tokenMatches) {
    var starts = [0], m;
    BOUNDARY.lastIndex = 0;
    while ((m = BOUNDARY.exec(text))) starts.push(m.index + m[0].length);
    var best = 0, bestCount = 0;
    for (var i = 0; i < starts.length; i++) {
      var sentence = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length);
      var count = new Set(Z.tokens(sentence).filter(tokenMatches)).size;
      if (count > bestCount) { best = i; bestCount = count; }
    }
    var from = starts[best], rest = text.slice(from), prefix = from > 0 ? "… " : "", words = rest.match(WORDS) || [];
    for (var j = 0; j < words.length; j++) {
      if (!matches(words[j])) continue;
      var at = rest.indexOf(words[j]);
      if (at > 60) { rest = rest.slice(rest.indexOf(" ", at - 40) + 1); prefix = "… "; }
      break;
    }
    return prefix + cut(rest, PASSAGE - prefix.length);
  }
  function marked(element, text, matches) {
    var at = 0, word = /[\p{L}\p{N}]+/gu, m;
    while ((m = word.exec(text))) {
      if (!matches(m[0])) continue;
      element.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      element.appendChild(mark);
      at = m.index + m[0].length;
    }
    element.appendChild(document.createTextNode(text.slice(at)));
  }
  function row(page, matches, tokenMatches) {
    var data = engine.data, p = data.pages[page];
    var item = document.createElement("li"), link = document.createElement("a"), article = document.createElement("article");
    item.className = "md-search-result__item archief-zoek__item";
    link.className = "md-search-result__link archief-zoek__link";
    link.href = base + "/" + p[0];
    article.className = "md-search-result__article md-typeset archief-zoek__row";
    var title = document.createElement("h1"), facts = document.createElement("p"), text = document.createElement("p");
    title.className = "archief-zoek__title";
    marked(title, cut(p[1] || p[0], TITLE), matches);
    facts.className = "archief-zoek__facts";
    facts.textContent = [p[3], p[4], p[5]].filter(Boolean).join(" · ");
    text.className = "archief-zoek__passage";
    marked(text, passage(engine.texts ? engine.texts[page] || "" : "", matches, tokenMatches), matches);
    article.append(title, facts, text);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function passes(p, skip) {
    for (var i = 0; i < FILTERS.length; i++) {
      var name = FILTERS[i][0], value = chosen[name], field = p[FILTERS[i][2]];
      if (name === skip || value === undefined) continue;
      if (name === "from" ? !(field >= value) : name === "to" ? !(field > 0 && field <= value)
        : Array.isArray(field) ? field.indexOf(value) < 0 : field !== value) return false;
    }
    return true;
  }
  function counts(results, name, column) {
    var tally = new Map(), pages = engine.data.pages;
    results.forEach(function (r) {
      var p = pages[r.page];
      if (p[2] !== 0 || !passes(p, name)) return;
      [].concat(p[column]).forEach(function (v) { if (column === 6 ? v > 0 : v >= 0) tally.set(v, (tally.get(v) || 0) + 1); });
    });
    return tally;
  }
  function drawFilters(results) {
    filters.textContent = "";
    var facets = engine.data.facets, any = false;
    FILTERS.forEach(function (f) {
      var name = f[0], column = f[2], tally = counts(results, name, column);
      if (!tally.size && chosen[name] === undefined) return;
      any = true;
      var label = document.createElement("label"), select = document.createElement("select");
      label.className = "archief-zoek__filter";
      label.append(f[1] + " ");
      select.add(new Option("alle", ""));
      var values = Array.from(tally.keys());
      if (chosen[name] !== undefined && values.indexOf(chosen[name]) < 0) values.push(chosen[name]);
      var names = column === 6 ? null : facets[{ 7: "type", 8: "partner", 9: "initiative", 10: "topic", 11: "dossier" }[column]];
      values.sort(function (a, b) { return names ? names[a].localeCompare(names[b], "nl") : b - a; });
      values.forEach(function (v) {
        var option = new Option((names ? names[v] : v) + " (" + (tally.get(v) || 0).toLocaleString("nl-NL") + ")", String(v));
        option.selected = chosen[name] === v;
        select.add(option);
      });
      select.name = name;
      select.addEventListener("change", function () {
        if (select.value === "") delete chosen[name]; else chosen[name] = Number(select.value);
        shown = PAGE;
        run(true);
      });
      label.appendChild(select);
      filters.appendChild(label);
    });
    filters.hidden = !any;
  }

  function run(keepFilters) {
    var query = input.value.trim();
    if (!engine || (!engine.texts && query.indexOf('"') >= 0)) { meta.textContent = "Zoekindex laden…"; return; }
    if (query !== last && !keepFilters) { chosen = {}; shown = PAGE; }
    last = query;
    list.textContent = "";
    if (!query) { filters.hidden = true; meta.textContent = "Typ om te zoeken"; return; }
    var found = engine.search(input.value), active = Object.keys(chosen).length;
    var results = found.results.filter(function (r) {
      var p = engine.data.pages[r.page];
      return !active || (p[2] === 0 && passes(p));
    });
    drawFilters(found.results);
    var n = results.length;
    meta.textContent = n === 0 ? "Geen resultaten" : n === 1 ? "1 resultaat" : n.toLocaleString("nl-NL") + " resultaten";
    var tokenMatches = engine.matcher(found.query), fragment = document.createDocumentFragment();
    var matches = function (word) { return tokenMatches(Z.fold(word)); };
    results.slice(0, shown).forEach(function (r) { fragment.appendChild(row(r.page, matches, tokenMatches)); });
    if (n > shown) {
      var more = document.createElement("li"), button = document.createElement("button");
      more.className = "archief-zoek__more";
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Meer resultaten tonen (nog " + (n - shown).toLocaleString("nl-NL") + ")";
      button.addEventListener("click", function () { shown += PAGE; run(true); });
      more.appendChild(button);
      fragment.appendChild(more);
    }
    list.appendChild(fragment);
  }

  function open() {
    load();
    if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    input.focus();
    input.select();
  }
  function close() {
    if (toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    input.blur();
  }
  function links() { return Array.prototype.slice.call(list.querySelectorAll(".archief-zoek__link")); }
  input.addEventListener("focus", function () {
    load();
    if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
  });
  input.addEventListener("input", function () { run(false); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", function () { setTimeout(function () { run(false); input.focus(); }, 0); });
  toggle.addEventListener("change", function () { if (toggle.checked) { load(); setTimeout(function () { input.focus(); }, 0); } });
  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    var target = event.target, editing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!toggle.checked) {
      if (!editing && (event.key === "s" || event.key === "f" || event.key === "/")) { event.preventDefault(); open(); }
      return;
    }
    if (event.key === "Escape") { event.preventDefault(); close(); return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var all = links(), at = all.indexOf(document.activeElement);
      if (!all.length) return;
      event.preventDefault();
      at = event.key === "ArrowDown" ? Math.min(all.length - 1, at + 1) : at - 1;
      if (at < 0) input.focus(); else all[at].focus();
    }
  });
  if (document.readyState === "complete") load(); else window.addEventListener("load", load);
})();
