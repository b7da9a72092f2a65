/* Compendium search: reads the index built with the site (search-index.js,
   which sets window.COMPENDIUM_SEARCH) and searches it in the browser, with
   no server and no network, so it works from a folder too.

   Ranking: a word in the title counts most, then themes and topics, then the
   summary, then the text. Every word searched for must appear somewhere.
   Results are built with DOM methods, never from HTML strings. */
(function () {
  "use strict";

  var data = window.COMPENDIUM_SEARCH;
  var form = document.getElementById("search_form");
  var query = document.getElementById("search_query");
  var kind = document.getElementById("search_kind");
  var theme = document.getElementById("search_theme");
  var status = document.getElementById("search_status");
  var results = document.getElementById("search_results");
  if (!data || !form || !query || !results) { return; }

  var WEIGHTS = { title: 10, tags: 6, summary: 3, text: 1 };
  var RESULT_LIMIT = 50;
  var SNIPPET_BEFORE = 60;
  var SNIPPET_AFTER = 140;

  /** Lower case without accents, so "cafe" finds "Café". */
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /** The words of a query: letters and digits, at least one character each. */
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 0; });
  }

  var documents = data.documents.map(function (document) {
    return {
      source: document,
      title: fold(document.title),
      tags: fold(document.themeTitles.concat(document.topics).join(" | ")),
      summary: fold(document.summary),
      text: fold(document.text)
    };
  });

  /** The score of one document for all the words, or 0 if a word is missing. */
  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i += 1) {
      var term = terms[i];
      var found = 0;
      Object.keys(WEIGHTS).forEach(function (field) {
        if (entry[field].indexOf(term) !== -1) { found += WEIGHTS[field]; }
      });
      if (found === 0) { return 0; }
      total += found;
    }
    return total;
  }

  /** Appends `text` to `parent`, marking every occurrence of the terms. */
  function appendMarked(parent, text, terms) {
    var folded = fold(text);
    var position = 0;
    while (position < text.length) {
      var next = -1;
      var length = 0;
      terms.forEach(function (term) {
        var at = folded.indexOf(term, position);
        if (at !== -1 && (next === -1 || at < next)) { next = at; length = term.length; }
      });
      if (next === -1) { break; }
      parent.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      position = next + length;
    }
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  /** A few sentences around the first match in the summary or text. */
  function snippet(source, terms) {
    var text = source.summary || "";
    var body = source.text || "";
    var folded = fold(body);
    for (var i = 0; i < terms.length; i += 1) {
      var at = folded.indexOf(terms[i]);
      if (at !== -1) {
        var start = Math.max(0, body.lastIndexOf(" ", Math.max(0, at - SNIPPET_BEFORE)) + 1);
        var end = body.indexOf(" ", Math.min(body.length, at + SNIPPET_AFTER));
        if (end === -1) { end = body.length; }
        return (start > 0 ? "… " : "") + body.slice(start, end) + (end < body.length ? " …" : "");
      }
    }
    return text || body.slice(0, SNIPPET_BEFORE + SNIPPET_AFTER);
  }

  function resultItem(source, terms) {
    var item = document.createElement("li");
    item.className = "item";
    var link = document.createElement("a");
    link.className = "item-title";
    link.href = "../" + source.url;
    appendMarked(link, source.title, terms);
    item.appendChild(link);
    var meta = document.createElement("span");
    meta.className = "item-meta";
    meta.textContent = [source.kindLabel, source.dateText].concat(source.themeTitles).filter(Boolean).join(" · ");
    item.appendChild(meta);
    var text = document.createElement("p");
    text.className = "item-summary";
    if (source.contentNote) {
      text.textContent = "Content note: " + source.contentNote + ".";
    } else {
      appendMarked(text, snippet(source, terms), terms);
    }
    item.appendChild(text);
    return item;
  }

  function search() {
    var terms = words(query.value);
    var wantedKind = kind ? kind.value : "";
    var wantedTheme = theme ? theme.value : "";
    while (results.firstChild) { results.removeChild(results.firstChild); }
    if (terms.length === 0 && !wantedKind && !wantedTheme) {
      status.textContent = "Type words to search " + documents.length + " documents.";
      return;
    }
    var matches = [];
    documents.forEach(function (entry) {
      var source = entry.source;
      if (wantedKind && source.kind !== wantedKind) { return; }
      if (wantedTheme && source.themes.indexOf(wantedTheme) === -1) { return; }
      var points = terms.length === 0 ? 1 : score(entry, terms);
      if (points > 0) { matches.push({ points: points, source: source }); }
    });
    matches.sort(function (a, b) {
      return b.points - a.points || (b.source.date || "").localeCompare(a.source.date || "")
        || a.source.title.localeCompare(b.source.title);
    });
    matches.slice(0, RESULT_LIMIT).forEach(function (match) { results.appendChild(resultItem(match.source, terms)); });
    var described = terms.length > 0 ? " for “" + query.value.trim() + "”" : "";
    var count = matches.length === 1 ? "1 result" : matches.length + " results";
    status.textContent = (matches.length === 0 ? "No results" : count) + described
      + (matches.length > RESULT_LIMIT ? "; showing the first " + RESULT_LIMIT : "") + ".";
  }

  /** Keeps the address in step with the search, so it can be shared or bookmarked. */
  function remember() {
    if (!window.history || !window.history.replaceState || !window.URLSearchParams) { return; }
    var parameters = new URLSearchParams();
    if (query.value) { parameters.set("q", query.value); }
    if (kind && kind.value) { parameters.set("kind", kind.value); }
    if (theme && theme.value) { parameters.set("theme", theme.value); }
    var text = parameters.toString();
    try {
      window.history.replaceState(null, "", text ? "?" + text : window.location.pathname);
    } catch (error) { /* Some browsers refuse this for pages opened from files. */ }
  }

  var pending = null;
  function schedule() {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () { search(); remember(); }, 150);
  }

  if (window.URLSearchParams) {
    var parameters = new URLSearchParams(window.location.search);
    query.value = parameters.get("q") || "";
    if (kind) { kind.value = parameters.get("kind") || ""; }
    if (theme) { theme.value = parameters.get("theme") || ""; }
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); remember(); });
  query.addEventListener("input", schedule);
  [kind, theme].forEach(function (select) { if (select) { select.addEventListener("change", schedule); } });
  search();
}());
