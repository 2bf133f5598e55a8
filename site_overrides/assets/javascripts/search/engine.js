/* The archive's search engine: words as generator/stages/site/search_text.py makes them
   (keep the two in step; tests/test_search_engine.py compares them in Chromium), and a
   search over the prebuilt index search/zoekindex.js (search_build.py). No network, no
   worker: it runs the same hosted and from file://. */
(function (global) {
  "use strict";

  var ACCENTS = /[\u0300-\u036f]/g;
  var WORDS = /(?:kst-?|kamerstuk(?:ken)?\s+)?([0-9]{2})\s?([0-9]{3})(?:-([a-z0-9]+))?(?:,?\s*nr\.?\s*|-)([0-9]{1,5})(?![0-9])|([0-9]{2}) ([0-9]{3})(?![0-9])|([a-z0-9]+)/g;
  var STOPWORDS = new Set(("aan al als bij dan dat de deze die dit door een en er het hij hun ik in is je maar met na naar niet nog " +
    "of om ook op over te ten ter tot u uit van voor wat we wel werd wordt zal ze zij zijn zo").split(" "));
  var VOWELS = "aeiouyè";
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

  function fold(text) { return String(text).normalize("NFD").replace(ACCENTS, "").toLowerCase(); }
  /* A Kamerstuk reference, a dossier number "33 279", or a word, from word starts only. */
  function tokens(text) {
    var folded = fold(text), result = [], m;
    WORDS.lastIndex = 0;
    while ((m = WORDS.exec(folded))) {
      if (m[7]) result.push(m[7]);
      else if (m[5]) result.push(m[5] + m[6]);
      else result.push("kst" + m[1] + m[2] + (m[3] ? "x" + m[3] : "") + "n" + m[4]);
    }
    return result;
  }
  function normal(text) { return tokens(text).join(" "); }

  /* Snowball Dutch, as search_text.stem. */
  function vowel(s, i) { return i >= 0 && i < s.length && VOWELS.indexOf(s[i]) >= 0; }
  function consonant(s, i) { return i >= 0 && !vowel(s, i); }
  function region(s, start) {
    var i = start;
    while (i < s.length && !vowel(s, i)) i++;
    while (i < s.length && vowel(s, i)) i++;
    return i < s.length ? i + 1 : s.length;
  }
  function undouble(s) { var end = s.slice(-2); return end === "kk" || end === "dd" || end === "tt" ? s.slice(0, -1) : s; }
  function enEnding(s, cut, p1) {
    return cut >= p1 && consonant(s, cut - 1) && !s.slice(0, cut).endsWith("gem") ? undouble(s.slice(0, cut)) : s;
  }
  function eEnding(s, p1) {
    var cut = s.length - 1;
    if (s.endsWith("e") && cut >= p1 && consonant(s, cut - 1)) return [undouble(s.slice(0, cut)), true];
    return [s, false];
  }
  var STEM_CACHE = new Map();
  function stem(word) {
    if (word.length < 3 || !/^[a-zè]+$/.test(word)) return word;
    var cached = STEM_CACHE.get(word);
    if (cached !== undefined) return cached;
    var c = word.split("");
    if (c[0] === "y") c[0] = "Y";
    for (var k = 1; k < c.length; k++) {
      if (VOWELS.indexOf(c[k - 1]) >= 0) {
        if (c[k] === "i" && k + 1 < c.length && VOWELS.indexOf(c[k + 1]) >= 0) c[k] = "I";
        else if (c[k] === "y") c[k] = "Y";
      }
    }
    var s = c.join("");
    var p1 = region(s, 0), p2 = region(s, p1);
    p1 = Math.max(p1, 3);
    var found = false, cut, r;
    if (s.endsWith("heden")) { if (s.length - 5 >= p1) s = s.slice(0, -5) + "heid"; }
    else if (s.endsWith("ene") || s.endsWith("en")) s = enEnding(s, s.length - (s.endsWith("ene") ? 3 : 2), p1);
    else if (s.endsWith("se") || s.endsWith("s")) {
      cut = s.length - (s.endsWith("se") ? 2 : 1);
      if (cut >= p1 && consonant(s, cut - 1) && s[cut - 1] !== "j") s = s.slice(0, cut);
    }
    r = eEnding(s, p1); s = r[0]; found = r[1];
    if (s.endsWith("heid") && s.length - 4 >= p2 && !(s.length > 4 && s[s.length - 5] === "c")) {
      s = s.slice(0, -4);
      if (s.endsWith("en")) s = enEnding(s, s.length - 2, p1);
    }
    var suffixes = ["lijk", "baar", "end", "ing", "bar", "ig"];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      if (!s.endsWith(suffix)) continue;
      cut = s.length - suffix.length;
      if (cut < p2) break;
      if (suffix === "end" || suffix === "ing") {
        s = s.slice(0, cut);
        if (s.endsWith("ig") && s.length - 2 >= p2 && !(s.length > 2 && s[s.length - 3] === "e")) s = s.slice(0, -2);
        else s = undouble(s);
      } else if (suffix === "ig") {
        if (!(cut > 0 && s[cut - 1] === "e")) s = s.slice(0, cut);
      } else if (suffix === "lijk") {
        s = eEnding(s.slice(0, cut), p1)[0];
      } else if (suffix === "baar" || found) {
        s = s.slice(0, cut);
      }
      break;
    }
    var n = s.length, pair = s.slice(n - 3, n - 1);
    if (n >= 4 && consonant(s, n - 1) && s[n - 1] !== "I" && (pair === "aa" || pair === "ee" || pair === "oo" || pair === "uu") && consonant(s, n - 4)) {
      s = s.slice(0, n - 2) + s[n - 1];
    }
    s = s.replace(/I/g, "i").replace(/Y/g, "y");
    STEM_CACHE.set(word, s);
    return s;
  }

  function decode(text) {
    var numbers = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text[i]);
      value = value * 32 + (digit & 31);
      if (digit < 32) { numbers.push(value); value = 0; }
    }
    return numbers;
  }
  function lowerBound(list, value, get) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (get(list[mid]) < value) lo = mid + 1; else hi = mid; }
    return lo;
  }
  var same = function (x) { return x; }, first = function (x) { return x[0]; };

  /* The query: its words (stop words left out unless there is nothing else), its phrases
     in double quotes, and the whole of it as a name. */
  function parse(query) {
    var phrases = [];
    String(query).replace(/"([^"]*)"?/g, function (m, phrase) { if (normal(phrase)) phrases.push(normal(phrase)); return ""; });
    var words = tokens(query.replace(/"/g, " "));
    var content = words.filter(function (w) { return !STOPWORDS.has(w); });
    return { words: content.length ? content : words, phrases: phrases, name: words.join(" ") };
  }

  /* `data`: search/zoekindex.js; `texts`: search/zoekteksten.js, the pages' passages, which
     may come later (setTexts): until then phrases are looked for in titles only. */
  function Engine(data, texts) {
    this.data = data;
    this.texts = texts || null;
    this.terms = data.terms ? data.terms.split(" ") : [];
    this.postings = new Map();
    this.plainText = new Map();
    this.count = data.pages.length;
  }
  Engine.prototype.setTexts = function (texts) { this.texts = texts; this.plainText.clear(); };
  Engine.prototype.posting = function (t) {
    var found = this.postings.get(t);
    if (found) return found;
    var numbers = decode(this.data.postings[t]), pages = [], page = 0;
    for (var i = 0; i < numbers.length; i++) { page += numbers[i] >> 4; pages.push(page, numbers[i] & 15); }
    this.postings.set(t, pages);
    return pages;
  };
  /* Term numbers a query word matches, with a factor: its stem (1), a longer word that
     starts with it (0.5, at most 40), a shorter one it starts with (0.7: an inflection
     the stemmer does not know, "munities" -> "munitie"). */
  Engine.prototype.variants = function (word) {
    var terms = this.terms, result = new Map(), s = stem(word), at = lowerBound(terms, s, same);
    if (terms[at] === s) result.set(at, 1);
    if (word.length >= 3) {
      for (var j = lowerBound(terms, word, same), n = 0; j < terms.length && n < 40 && terms[j].startsWith(word); j++, n++) {
        if (!result.has(j)) result.set(j, 0.5);
      }
    }
    for (var len = word.length - 1; len >= Math.max(4, word.length - 3); len--) {
      var k = lowerBound(terms, word.slice(0, len), same);
      if (terms[k] === word.slice(0, len) && !result.has(k)) result.set(k, 0.7);
    }
    return result;
  };
  Engine.prototype.text = function (page) {
    var text = this.plainText.get(page);
    if (text === undefined) {
      text = " " + normal(this.data.pages[page][1] + " " + (this.texts ? this.texts[page] : "")) + " ";
      this.plainText.set(page, text);
    }
    return text;
  };
  /* Pages for `query`, best first: [{page, score}]. A page whose name is the query comes
     first, one whose name starts with it next; then pages with every word. */
  Engine.prototype.search = function (query) {
    var q = parse(query), self = this, scores = new Map(), n = this.count;
    q.words.forEach(function (word, i) {
      var best = new Map();
      self.variants(word).forEach(function (factor, t) {
        var pages = self.posting(t), idf = Math.log(1 + n / (pages.length / 2));
        for (var p = 0; p < pages.length; p += 2) {
          var value = pages[p + 1] * factor * idf;
          if (!(best.get(pages[p]) >= value)) best.set(pages[p], value);
        }
      });
      if (i === 0) scores = best;
      else {
        var next = new Map();
        best.forEach(function (value, page) { if (scores.has(page)) next.set(page, scores.get(page) + value); });
        scores = next;
      }
    });
    if (q.phrases.length) {
      scores.forEach(function (value, page) {
        var text = self.text(page);
        if (!q.phrases.every(function (phrase) { return text.indexOf(" " + phrase + " ") >= 0; })) scores.delete(page);
      });
    }
    var keys = this.data.keys, bonus = new Map();
    if (q.name.length >= 2) {
      for (var at = lowerBound(keys, q.name, first), m = 0; at < keys.length && m < 200 && keys[at][0].startsWith(q.name); at++, m++) {
        var value = keys[at][0] === q.name ? 1e6 : 1e5 * q.name.length / keys[at][0].length;
        if (!(bonus.get(keys[at][1]) >= value)) bonus.set(keys[at][1], value);
      }
    }
    bonus.forEach(function (value, page) { scores.set(page, (scores.get(page) || 0) + value); });
    var result = [];
    scores.forEach(function (score, page) { result.push({ page: page, score: score }); });
    result.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return { results: result, query: q };
  };
  /* Does a folded word of a text match the query: its stem, or it starts with a query word? */
  Engine.prototype.matcher = function (q) {
    var stems = new Set(q.words.map(stem));
    return function (folded) {
      if (!folded) return false;
      if (stems.has(stem(folded))) return true;
      return q.words.some(function (w) { return w.length >= 3 && folded.startsWith(w); });
    };
  };

  global.ArchiefZoeken = { fold: fold, tokens: tokens, normal: normal, stem: stem, decode: decode, parse: parse, Engine: Engine };
})(window);
