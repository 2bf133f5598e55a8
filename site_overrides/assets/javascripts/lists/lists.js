/* Filter and sort the document lists of the archive in the browser, without a server and
   from file://. The data is window.archiefLijsten (lijsten.js, written by the generator:
   generator/stages/exports.py); the page's <div class="lists" data-partner="japan"> says
   which documents its list shows, and <div class="lists-static"> is the list as written,
   which stays in view until the reader filters, sorts or asks for every document. */
(function () {
  "use strict";
  var data = window.archiefLijsten;
  var box = document.querySelector("div.lists");
  if (!data || !box || box.getAttribute("data-ready")) return;
  box.setAttribute("data-ready", "1");

  var PAGE = 50;
  var rows = data.documenten;
  /* [query key, label, "all" option, column of the row] */
  var FACETS = [
    ["soort", "Filter op soort", "Alle soorten", 4],
    ["jaar", "Filter op jaar", "Alle jaren", 3],
    ["partner", "Filter op partnerland", "Alle partnerlanden", 6],
    ["onderwerp", "Filter op onderwerp", "Alle onderwerpen", 7],
    ["initiatief", "Filter op initiatief", "Alle initiatieven", 8],
    ["dossier", "Filter op dossier", "Alle dossiers", 9]
  ];
  var SORTS = [
    ["datum", "Sorteer op datum, nieuwste eerst"],
    ["datum-oud", "Sorteer op datum, oudste eerst"],
    ["titel", "Sorteer op titel (A-Z)"]
  ];
  var UNDATED = "zonder-datum";

  var root = box.querySelector("a.lists-root").getAttribute("href");
  var directories = !/index\.html$/.test(root);
  root = root.replace(/index\.html$/, "");
  var shown = document.querySelector("div.lists-static");

  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function counted(n) {
    return n === 0 ? "Geen documenten gevonden" : number(n) + (n === 1 ? " document" : " documenten");
  }
  function keys(facet, row) {
    /* The keys a row has for a facet: its year as text, or the keys of its table entries. */
    var value = row[facet[3]];
    if (facet[0] === "jaar") return [value ? String(value) : UNDATED];
    var table = data[facet[0]];
    if (typeof value === "number") return value < 0 ? [] : [table[value][0]];
    return value.map(function (i) { return table[i][0]; });
  }
  function has(facet, row, key) { return keys(facet, row).indexOf(key) >= 0; }
  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (a) { node.setAttribute(a, attributes[a]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The documents of this page: its scope. */
  var scope = FACETS.filter(function (f) { return box.hasAttribute("data-" + f[0]); })
    .map(function (f) { return [f, box.getAttribute("data-" + f[0])]; });
  var scoped = rows.filter(function (row) {
    return scope.every(function (s) { return has(s[0], row, s[1]); });
  });

  /* The form: a select per facet with two or more choices (counts within the scope). */
  var form = element("form", { "class": "lists-form" });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  var fieldset = element("fieldset");
  fieldset.appendChild(element("legend", {}, "Filteren en sorteren"));
  form.appendChild(fieldset);
  var selects = {};
  FACETS.forEach(function (facet) {
    var counts = {};
    scoped.forEach(function (row) {
      keys(facet, row).forEach(function (key) { counts[key] = (counts[key] || 0) + 1; });
    });
    scope.forEach(function (s) { if (s[0] === facet) delete counts[s[1]]; });
    var options;
    if (facet[0] === "jaar") {
      options = Object.keys(counts).sort(function (a, b) {
        return (a === UNDATED) - (b === UNDATED) || Number(b) - Number(a);
      }).map(function (key) { return [key, key === UNDATED ? "Zonder datum" : key]; });
    } else {
      options = data[facet[0]].filter(function (entry) { return counts[entry[0]]; });
    }
    if (options.length < 2 && !(options.length === 1 && counts[options[0][0]] < scoped.length)) return;
    var select = element("select", { id: "lists-" + facet[0], name: facet[0] });
    select.appendChild(element("option", { value: "" }, facet[2]));
    options.forEach(function (option) {
      select.appendChild(element("option", { value: option[0] }, option[1] + " (" + number(counts[option[0]]) + ")"));
    });
    fieldset.appendChild(field(facet[1], select));
    selects[facet[0]] = select;
  });
  var sort = element("select", { id: "lists-sorteer", name: "sorteer" });
  SORTS.forEach(function (s) { sort.appendChild(element("option", { value: s[0] }, s[1])); });
  fieldset.appendChild(field("Sorteren", sort));
  var reset = element("button", { type: "button", "class": "md-button" }, "Filters wissen");
  fieldset.appendChild(reset);

  function field(label, control) {
    var wrap = element("div", { "class": "lists-field" });
    wrap.appendChild(element("label", { "for": control.id }, label));
    wrap.appendChild(control);
    return wrap;
  }

  var status = element("p", { "class": "lists-count", role: "status", "aria-live": "polite" });
  var all = element("button", { type: "button", "class": "md-button" });
  var list = element("ol", { "class": "lists-results", tabindex: "-1", "aria-label": "Gevonden documenten" });
  var pager = element("div", { "class": "lists-pager" });
  var previous = element("button", { type: "button", "class": "md-button" }, "Vorige");
  var next = element("button", { type: "button", "class": "md-button" }, "Volgende");
  var where = element("span");
  pager.appendChild(previous); pager.appendChild(where); pager.appendChild(next);
  box.appendChild(form); box.appendChild(status); box.appendChild(all);
  box.appendChild(list); box.appendChild(pager);

  var collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
  var state = { page: 0, every: false };

  function chosen() {
    return FACETS.filter(function (f) { return selects[f[0]] && selects[f[0]].value; })
      .map(function (f) { return [f, selects[f[0]].value]; });
  }
  function active() { return state.every || chosen().length > 0 || sort.value !== "datum"; }

  function results() {
    var filters = chosen();
    var found = scoped.filter(function (row) {
      return filters.every(function (f) { return has(f[0], row, f[1]); });
    });
    if (sort.value === "titel") {
      found = found.slice().sort(function (a, b) { return collator.compare(a[1], b[1]) || (a[0] < b[0] ? -1 : 1); });
    } else if (sort.value === "datum-oud") {
      var dated = found.filter(function (row) { return row[3]; });
      found = dated.reverse().concat(found.filter(function (row) { return !row[3]; }));
    }
    return found;
  }

  function link(id) { return root + "documenten/" + id + (directories ? "/" : ".html"); }

  function item(row) {
    var li = element("li");
    li.appendChild(element("a", { href: link(row[0]) }, row[1]));
    var facts = data.soort[row[4]][1] + ", " + row[2] + (row[5] ? ", " + row[5] : "");
    li.appendChild(element("br"));
    li.appendChild(element("span", { "class": "lists-facts" }, facts));
    return li;
  }

  function show() {
    var on = active();
    var found = on ? results() : scoped;
    var pages = Math.max(1, Math.ceil(found.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    if (shown) shown.hidden = on;
    list.hidden = !on;
    list.textContent = "";
    if (on) {
      var fragment = document.createDocumentFragment();
      found.slice(state.page * PAGE, (state.page + 1) * PAGE).forEach(function (row) { fragment.appendChild(item(row)); });
      list.appendChild(fragment);
      list.setAttribute("start", String(state.page * PAGE + 1));
    }
    status.textContent = counted(found.length);
    var listed = shown ? shown.querySelectorAll("li").length : 0;
    all.hidden = on || found.length <= listed;
    all.textContent = "Toon alle " + counted(found.length);
    pager.hidden = !on || pages < 2;
    where.textContent = "Pagina " + number(state.page + 1) + " van " + number(pages);
    previous.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    remember();
  }

  function remember() {
    /* The filters in the address, so that a link or the back button keeps them. */
    var query = chosen().map(function (f) { return f[0][0] + "=" + encodeURIComponent(f[1]); });
    if (sort.value !== "datum") query.push("sorteer=" + sort.value);
    if (state.page) query.push("pagina=" + (state.page + 1));
    try {
      history.replaceState(null, "", location.pathname + (query.length ? "?" + query.join("&") : "") + location.hash);
    } catch (ignored) { /* some browsers refuse it from file:// */ }
  }

  function restore() {
    location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
      var parts = pair.split("="), key = decodeURIComponent(parts[0] || ""), value = decodeURIComponent(parts[1] || "");
      var control = key === "sorteer" ? sort : selects[key];
      if (control && Array.prototype.some.call(control.options, function (o) { return o.value === value; })) {
        control.value = value;
      }
      if (key === "pagina" && Number(value) > 1) { state.page = Number(value) - 1; state.every = true; }
    });
  }

  function changed() { state.page = 0; show(); }
  Object.keys(selects).forEach(function (key) { selects[key].addEventListener("change", changed); });
  sort.addEventListener("change", changed);
  reset.addEventListener("click", function () {
    Object.keys(selects).forEach(function (key) { selects[key].value = ""; });
    sort.value = "datum";
    state.every = false;
    changed();
  });
  all.addEventListener("click", function () { state.every = true; changed(); list.focus(); });
  function turn(step) { state.page += step; show(); list.focus(); }
  previous.addEventListener("click", function () { turn(-1); });
  next.addEventListener("click", function () { turn(1); });

  restore();
  show();
})();
