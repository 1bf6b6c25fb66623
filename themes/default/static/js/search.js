// Optional search. On the search page (search/index.html) it reads ?q=, queries the index
// planbook wrote beside the page (search/index.js, which sets window.PLANBOOK_SEARCH: no
// fetch, so it works from file://) and lists the pages found. On every page, tables
// marked data-filterable get a box that hides the rows not matching what is typed.
// Pages are complete without it. What a user typed, and every text of the index, goes
// into the page only through textContent.
(function () {
  "use strict";
  var KINDS = ["แผน", "สำนักงาน", "แผนงาน", "โครงการ"];
  var FIELDS = 3;
  var MAX_RESULTS = 200;
  var LONGEST_WORD = 40;

  // As planbook's search::words::normalise: lower case, Thai digits as ASCII.
  function normalise(text) {
    return String(text).normalize("NFC").toLowerCase().replace(/[๐-๙]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48);
    });
  }

  // As search::words::is_word_char: letters, digits, Thai vowel and tone marks; not ๆ ฯ.
  var WORD_CHAR = /[\p{Alphabetic}\p{N}\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;
  function isWordChar(c) {
    return c !== "ๆ" && c !== "ฯ" && WORD_CHAR.test(c);
  }

  // The runs of word characters in a normalised query.
  function runs(text) {
    var out = [];
    var run = "";
    for (var c of text) {
      if (isWordChar(c)) {
        run += c;
      } else if (run) {
        out.push(run);
        run = "";
      }
    }
    if (run) out.push(run);
    return out;
  }

  var segmenter = null;
  try {
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      segmenter = new Intl.Segmenter("th", { granularity: "word" });
    }
  } catch (e) {
    segmenter = null;
  }

  // Where the browser's word segmenter ends words in a run (the run's end included); without
  // Intl.Segmenter, none: the index's own words decide alone.
  function wordEnds(run) {
    var ends = {};
    ends[run.length] = true;
    if (segmenter) {
      for (var piece of segmenter.segment(run)) ends[piece.index + piece.segment.length] = true;
    }
    return ends;
  }

  function Index(data) {
    this.documents = data.d;
    this.offices = data.o;
    this.terms = data.t;
    this.sorted = Object.keys(data.t).sort();
    this.decoded = Object.create(null);
  }

  Index.prototype.has = function (word) {
    return Object.prototype.hasOwnProperty.call(this.terms, word);
  };

  // Document number → best field (0 name, 1 code, 2 text) of one indexed word.
  Index.prototype.postings = function (word) {
    if (this.decoded[word]) return this.decoded[word];
    var out = new Map();
    var at = 0;
    var deltas = this.terms[word] || [];
    for (var i = 0; i < deltas.length; i++) {
      at += deltas[i];
      out.set(Math.floor(at / FIELDS), at % FIELDS);
    }
    this.decoded[word] = out;
    return out;
  };

  // The indexed words that start with a prefix (binary search in the sorted words).
  Index.prototype.withPrefix = function (prefix) {
    var low = 0;
    var high = this.sorted.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (this.sorted[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    var out = [];
    for (var i = low; i < this.sorted.length && out.length < 500; i++) {
      if (this.sorted[i].lastIndexOf(prefix, 0) !== 0) break;
      out.push(this.sorted[i]);
    }
    return out;
  };

  // The longest indexed word at `from` in `run`, preferring one that ends where the
  // browser's segmenter ends a word; 0 when none.
  Index.prototype.longestAt = function (run, from, ends) {
    var any = 0;
    for (var end = Math.min(run.length, from + LONGEST_WORD); end > from + 1; end--) {
      if (!this.has(run.slice(from, end))) continue;
      if (ends[end]) return end;
      if (!any) any = end;
    }
    return any;
  };

  // A query as the index's words: each run of the query cut where the browser's segmenter
  // cuts it, re-joined where the index keeps a longer word (ส่ง|เสริม → ส่งเสริม); the end
  // of the last run is matched as a prefix (a word still being typed). Each item: the
  // words any of which may match.
  Index.prototype.parse = function (query) {
    var self = this;
    var parts = runs(normalise(query));
    var wanted = [];
    parts.forEach(function (run, r) {
      var last = r === parts.length - 1;
      if (run.length < 2 && !(last && parts.length === 1)) return;
      var ends = wordEnds(run);
      var from = 0;
      while (from < run.length) {
        var rest = run.slice(from);
        if (last && (self.has(rest) || self.withPrefix(rest).length)) {
          wanted.push({ text: rest, words: self.withPrefix(rest) });
          return;
        }
        var end = self.longestAt(run, from, ends);
        if (!end) {
          // Nothing indexed begins here: the rest must begin some word, or nothing matches.
          if (rest.length > 1) wanted.push({ text: rest, words: self.withPrefix(rest) });
          return;
        }
        var word = run.slice(from, end);
        wanted.push({ text: word, words: [word] });
        from = end;
      }
    });
    return wanted;
  };

  // Documents holding every wanted word, best first: a word in a name counts 3, in a code 2,
  // in a text 1.
  Index.prototype.search = function (query) {
    var self = this;
    var wanted = this.parse(query);
    if (!wanted.length) return null;
    var scores = null;
    wanted.forEach(function (item) {
      var best = new Map();
      item.words.forEach(function (word) {
        self.postings(word).forEach(function (field, doc) {
          var score = FIELDS - field;
          if (!best.has(doc) || best.get(doc) < score) best.set(doc, score);
        });
      });
      if (scores === null) {
        scores = best;
        return;
      }
      var both = new Map();
      scores.forEach(function (score, doc) {
        if (best.has(doc)) both.set(doc, score + best.get(doc));
      });
      scores = both;
    });
    var found = [];
    scores.forEach(function (score, doc) { found.push([doc, score]); });
    found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return found.map(function (hit) { return self.documents[hit[0]]; });
  };

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // One result: the page's title as a link, what it is, its office, its fiscal year.
  function resultItem(index, doc) {
    var item = element("li", "search-hit");
    var link = element("a", "search-title", doc[0]);
    // Folders come from the build, relative to the output folder; the page is one down.
    link.href = "../" + doc[1] + "index.html";
    item.appendChild(link);
    var meta = element("p", "search-meta");
    meta.appendChild(element("span", "search-kind", KINDS[doc[2]] || ""));
    if (doc[3] >= 0 && index.offices[doc[3]] !== undefined) {
      meta.appendChild(element("span", "search-office", index.offices[doc[3]]));
    }
    var year = String(doc[1]).split("/")[0];
    if (/^\d{4}$/.test(year)) meta.appendChild(element("span", "search-year", "ปีงบประมาณ " + year));
    item.appendChild(meta);
    return item;
  }

  function searchPage(results) {
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var data = window.PLANBOOK_SEARCH;
    if (!data || !data.t) {
      status.textContent = "ไม่พบดัชนีค้นหา (search/index.js) กรุณาสร้างเว็บไซต์ใหม่";
      return;
    }
    var index = new Index(data);
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    var header = document.getElementById("site-search-q");
    if (header) header.value = query;

    function show(text) {
      while (results.firstChild) results.removeChild(results.firstChild);
      var found = text.trim() ? index.search(text) : null;
      if (found === null) {
        status.textContent = "พิมพ์คำจากชื่อแผน หน่วยงาน แผนงาน โครงการ หรือรหัส";
        return;
      }
      if (!found.length) {
        status.textContent = "ไม่พบรายการที่ตรงกับ “" + text.trim() + "”";
        return;
      }
      status.textContent = "พบ " + found.length + " รายการที่ตรงกับ “" + text.trim() + "”" +
        (found.length > MAX_RESULTS ? " แสดง " + MAX_RESULTS + " รายการแรก" : "");
      found.slice(0, MAX_RESULTS).forEach(function (doc) {
        results.appendChild(resultItem(index, doc));
      });
    }

    show(query);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(input.value); }, 150);
    });
  }

  // Rows of the table that hold every part of what was typed (Latin in any case, Thai as
  // substrings, Thai or ASCII digits); the others hidden, and the count said.
  var filters = 0;
  function filterTable(table) {
    var body = table.tBodies[0];
    if (!body || !body.rows.length) return;
    filters += 1;
    var rows = Array.prototype.slice.call(body.rows);
    var texts = rows.map(function (row) {
      return normalise(row.textContent).replace(/[\s\u200b]+/g, " ");
    });
    var id = "table-filter-" + filters;
    var box = element("div", "table-filter");
    var label = element("label", "", "กรองรายการในตาราง");
    label.htmlFor = id;
    var input = element("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    var count = element("p", "table-filter-count");
    count.setAttribute("aria-live", "polite");
    count.id = id + "-count";
    input.setAttribute("aria-describedby", count.id);
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(count);
    var anchor = table.parentNode && table.parentNode.classList.contains("table-wrap")
      ? table.parentNode : table;
    anchor.parentNode.insertBefore(box, anchor);

    function apply() {
      var parts = normalise(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = parts.every(function (part) { return texts[i].indexOf(part) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = "แสดง " + shown + " จาก " + rows.length + " รายการ";
    }
    input.addEventListener("input", apply);
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var results = document.getElementById("search-results");
    if (results) searchPage(results);
    Array.prototype.forEach.call(document.querySelectorAll("table[data-filterable]"), filterTable);
  });
})();
