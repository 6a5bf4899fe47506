/* The site's search worker: Material's own (lunr), which it loads, plus Chinese matched the way
 * the browser's find-in-page matches it. The search box in the page is Material's, unchanged;
 * overrides/main.html points it at this file.
 *
 * - Index: every document (page or section) gets two more fields, the overlapping pairs of Han
 *   characters (bigrams) of its text and of its title, as Lucene's CJKBigramFilter does, so any
 *   run of two or more characters in a page is found whatever the word boundaries. Characters
 *   are first folded to one script (the index's "fold" table, made at build time with OpenCC by
 *   clusterdocs/publish/search_index.py), so Simplified and Traditional find each other; a run of digits
 *   counts as one character (50人), and Chinese numerals are also indexed as digits (五十人).
 * - Query: each run of Han characters in what the reader typed becomes its bigrams, all required
 *   (a run found in a page, as find-in-page finds it); one character alone matches the pairs it
 *   begins. If nothing is found and the run has Chinese numerals, it is tried again with them as
 *   digits. Everything else (English words) goes to Material's search as typed.
 * - Results: the typed runs are marked in titles and snippets, and the result links ask the page
 *   to highlight them as the page writes them. The bigram fields are dropped once indexed.
 *
 * Bigram tokens are written in ASCII (code points in hex): Material's query handling splits any
 * run of Han characters it sees into words of its index, which would break a pair apart.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's search message types
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;
const NUMERAL_DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
const NUMERAL_UNITS = { "十": 10, "百": 100, "千": 1000 };

let fold = new Map();  // character -> its folded form
let pending = null;    // the query being answered: { runs, retry }
let indexed = [];      // the documents, until Material has indexed them

/* ---- Text to tokens ------------------------------------------------------------------------ */

/* The value of a run of Chinese numerals (四十五 -> "45", 二〇二三 -> "2023"), or null. */
function numeralValue(chars) {
  if (chars.every(c => c in NUMERAL_DIGITS))
    return chars.length > 1 ? chars.map(c => NUMERAL_DIGITS[c]).join("") : String(NUMERAL_DIGITS[chars[0]]);
  let total = 0, digit = null, lastUnit = Infinity;
  for (const [i, c] of chars.entries()) {
    if (c in NUMERAL_DIGITS) {
      if (digit !== null) return null;
      digit = NUMERAL_DIGITS[c];
    } else {
      const unit = NUMERAL_UNITS[c];
      if (unit >= lastUnit) return null;
      if (digit === null && !(unit === 10 && i === 0)) return null;
      total += (digit === null ? 1 : digit) * unit;
      digit = null;
      lastUnit = unit;
    }
  }
  return String(total + (digit || 0));
}

/* The runs of a text: lists of units, a unit being one folded Han character or a run of digits.
 * A run holds at least one Han character. */
function runsOf(text) {
  const runs = [];
  let run = [];
  const close = () => {
    if (run.some(unit => !/^\d+$/.test(unit))) runs.push(run);
    run = [];
  };
  for (const char of text) {
    const c = char >= "０" && char <= "９" ? String.fromCharCode(char.charCodeAt(0) - 0xfee0) : char;
    if (c >= "0" && c <= "9") {
      if (run.length && /^\d+$/.test(run[run.length - 1])) run[run.length - 1] += c;
      else run.push(c);
    } else if (HAN.test(c)) {
      run.push(fold.get(c) || c);
    } else if (c !== "\u200b") {
      close();
    }
  }
  close();
  return runs;
}

/* ``run`` with each well-formed group of Chinese numerals as one run of digits, or null if none. */
function withDigits(run) {
  const out = [];
  let changed = false;
  for (let i = 0; i < run.length;) {
    let j = i;
    while (j < run.length && (run[j] in NUMERAL_DIGITS || run[j] in NUMERAL_UNITS)) j++;
    const value = j > i ? numeralValue(run.slice(i, j)) : null;
    if (value !== null) {
      out.push(value);
      changed = true;
      i = j;
    } else {
      out.push(run[i]);
      i++;
    }
  }
  return changed ? out : null;
}

function unitCode(unit) {
  return /^\d+$/.test(unit) ? "n" + unit : unit.codePointAt(0).toString(16);
}

function pairsOf(run) {
  const pairs = [];
  for (let i = 0; i + 1 < run.length; i++) pairs.push("c" + unitCode(run[i]) + "x" + unitCode(run[i + 1]));
  return pairs;
}

/* The bigram tokens of an indexed text, each once: of its runs as written and with numerals as digits. */
function indexTokens(text) {
  const tokens = new Set();
  for (const run of runsOf(text.replace(/<[^>]*>/g, " "))) {
    for (const pair of pairsOf(run)) tokens.add(pair);
    const digits = withDigits(run);
    if (digits) for (const pair of pairsOf(digits)) tokens.add(pair);
  }
  return [...tokens].join(" ");
}

/* ---- Queries ----------------------------------------------------------------------------------- */

/* Material's query for ``value``: each Han run as required bigram tokens (or numerals as digits). */
function rewrite(value, digits) {
  const parts = [];
  const runs = [];
  let retry = false;
  for (const word of value.trim().split(/\s+/)) {
    if (!HAN.test(word)) {
      if (word) parts.push(word);
      continue;
    }
    // The Han runs, and the text around them as words of their own.
    parts.push(...word.split(/(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9０-９\u200b]|[\ud840-\ud87f][\udc00-\udfff])+/).filter(Boolean));
    for (const run of runsOf(word)) {
      const numerals = withDigits(run);
      retry = retry || numerals !== null;
      const units = digits && numerals ? numerals : run;
      runs.push(run.join(""));
      if (numerals) runs.push(numerals.join(""));
      if (units.length === 1) parts.push("+c" + unitCode(units[0]) + "x*");
      else parts.push(...pairsOf(units).map(pair => "+" + pair));
    }
  }
  return { query: parts.join(" "), runs, retry: retry && !digits };
}

/* ---- Results ----------------------------------------------------------------------------------- */

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* ``html`` with every occurrence of the folded ``runs`` in its text marked (tags and the index's
 * word breaks, \u200b, are skipped over; a mark never spans a tag), and each occurrence as written
 * added to ``written``. */
function markRuns(html, runs, written) {
  if (!runs.length || typeof html !== "string") return html;
  const positions = [];  // index in html of each visible character
  let visible = "";
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (c === "\u200b") continue;
    positions.push(i);
    visible += fold.get(c) || c;
  }
  const marked = new Uint8Array(html.length);
  const pattern = new RegExp(runs.map(escapeRegExp).join("|"), "g");
  for (const match of visible.matchAll(pattern)) {
    let text = "";
    for (let k = match.index; k < match.index + match[0].length; k++) {
      marked[positions[k]] = 1;
      text += html[positions[k]];
    }
    written.add(text);
  }
  let out = "";
  let open = false;
  for (let i = 0; i < html.length; i++) {
    const inside = marked[i] === 1;
    if (html[i] === "<" && open) { out += "</mark>"; open = false; }
    if (inside && !open) { out += "<mark>"; open = true; }
    if (!inside && open && html[i] !== "\u200b") { out += "</mark>"; open = false; }
    out += html[i];
  }
  return open ? out + "</mark>" : out;
}

/* Material's result with the bigram fields dropped, the typed runs marked, and, as the terms the
 * result link asks the page to highlight, the runs as the page writes them. */
function finish(result, runs) {
  for (const group of result.items || [])
    for (const item of group) {
      const terms = {};
      for (const [term, found] of Object.entries(item.terms || {}))
        if (!/^c[0-9a-fn]+x/.test(term)) terms[term] = found;
      const written = new Set();
      item.title = markRuns(item.title, runs, written);
      item.text = markRuns(item.text, runs, written);
      if (Object.keys(item.terms || {}).length)
        for (const text of written) terms[text] = true;
      item.terms = terms;
    }
  return result;
}

/* ---- Messages ---------------------------------------------------------------------------------- */

const send = self.postMessage.bind(self);

addEventListener("message", event => {
  const message = event.data;
  if (message.handled) return;
  if (message.type === SETUP) {
    // Material's worker, beside this one; its own listener is added now and hears the setup below.
    const { config, docs } = message.data;
    event.stopImmediatePropagation();
    importScripts(config.worker);
    fold = new Map();
    for (let i = 0; i + 1 < (config.fold || "").length; i += 2) fold.set(config.fold[i], config.fold[i + 1]);
    config.fields = { ...config.fields, cjk: { boost: 1 }, cjk_title: { boost: 100 } };
    for (const doc of docs) {
      doc.cjk = indexTokens(doc.text || "");
      doc.cjk_title = indexTokens(doc.title || "");
    }
    indexed = docs;
    dispatchEvent(new MessageEvent("message", { data: { ...message, handled: true } }));
  } else if (message.type === QUERY && HAN.test(message.data)) {
    const { query, runs, retry } = rewrite(message.data, false);
    pending = { runs, retry: retry ? message.data : null };
    message.data = query;
  } else if (message.type === QUERY) {
    pending = null;
  }
});

self.postMessage = answer => {
  if (answer && answer.type === READY) {
    // Indexed: the documents no longer need their bigrams (nor would Material mark them up).
    for (const doc of indexed) {
      delete doc.cjk;
      delete doc.cjk_title;
    }
    indexed = [];
  }
  if (answer && answer.type === RESULT && pending) {
    const { runs, retry } = pending;
    if (retry && !(answer.data.items || []).length) {
      const { query } = rewrite(retry, true);
      pending = { runs, retry: null };
      dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query, handled: true } }));
      return;
    }
    pending = null;
    answer = { ...answer, data: finish(answer.data, runs) };
  } else if (answer && answer.type === RESULT) {
    answer = { ...answer, data: finish(answer.data, []) };
  }
  send(answer);
};
