// The search page: suggestions, a unit's findings by quarter, and a notice with its evidence marked.
// Everything from the server is inserted as text nodes, never as HTML: notices are untrusted input.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const EXAMPLES = ["三闸镇", "三閘鎮", "发改局", "金融办"];
const WITHIN = { working_day: "个工作日", day: "天", hour: "小时", week: "周", month: "个月" };

const view = document.getElementById("view");
const input = document.getElementById("q");
const list = document.getElementById("suggestions");
let suggestions = [];
let active = -1;
let suggestTimer = 0;
let suggestSeq = 0;
let lastUnit = null;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("aria-") || key === "role") node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(typeof body.detail === "string" ? body.detail : `请求失败（${response.status}）`);
  }
  return response.json();
}

function show(...nodes) {
  view.replaceChildren(...nodes);
  window.scrollTo(0, 0);
}

function showError(error) {
  show(el("p", { className: "error" }, `出错了：${error.message}`));
}

// ---- suggestions -------------------------------------------------------

function hideSuggestions() {
  list.hidden = true;
  list.replaceChildren();
  suggestions = [];
  active = -1;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
}

function renderSuggestions(units) {
  suggestions = units;
  active = -1;
  list.replaceChildren(...units.map((unit, i) => el("li", { id: `suggestion-${i}`, role: "option", className: "suggestion",
    dataset: { name: unit.name } },
    el("span", { className: "name" }, unit.name),
    el("span", { className: "meta" }, `${unit.findings} 条问题 · ${unit.issuers.join("、") || "—"}`))));
  list.hidden = units.length === 0;
  input.setAttribute("aria-expanded", String(units.length > 0));
}

function highlightSuggestion(index) {
  active = index;
  [...list.children].forEach((item, i) => item.classList.toggle("active", i === index));
  if (index >= 0) input.setAttribute("aria-activedescendant", `suggestion-${index}`);
}

async function loadSuggestions() {
  const q = input.value.trim();
  const seq = ++suggestSeq;
  if (!q) return hideSuggestions();
  try {
    const units = await getJSON(`api/units?q=${encodeURIComponent(q)}&limit=8`);
    if (seq === suggestSeq && document.activeElement === input) renderSuggestions(units);
  } catch {
    hideSuggestions();
  }
}

function openUnit(name) {
  hideSuggestions();
  const target = `#/unit/${encodeURIComponent(name)}`;
  if (location.hash === target) route();
  else location.hash = target;
}

input.addEventListener("input", () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(loadSuggestions, 120);
});
input.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown" && suggestions.length) {
    event.preventDefault();
    highlightSuggestion((active + 1) % suggestions.length);
  } else if (event.key === "ArrowUp" && suggestions.length) {
    event.preventDefault();
    highlightSuggestion((active - 1 + suggestions.length) % suggestions.length);
  } else if (event.key === "Escape") {
    hideSuggestions();
  }
});
input.addEventListener("blur", () => setTimeout(hideSuggestions, 150));
// mousedown, not click: it fires before the input's blur hides the list.
list.addEventListener("mousedown", (event) => {
  const item = event.target.closest(".suggestion");
  if (item) {
    event.preventDefault();
    openUnit(item.dataset.name);
  }
});
document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = active >= 0 ? suggestions[active].name : input.value.trim();
  if (name) openUnit(name);
});

// ---- a unit's findings -------------------------------------------------

function quarterKey(date) {
  if (!date) return null;
  const [year, month] = date.split("-").map(Number);
  return year * 4 + Math.floor((month - 1) / 3);
}

function quarterLabel(key, long = false) {
  const year = Math.floor(key / 4);
  const quarter = (key % 4) + 1;
  return long ? `${year}年第${quarter}季度` : `${year} Q${quarter}`;
}

function deadlineText(deadline) {
  if (!deadline) return null;
  if (deadline.date) return deadline.date;
  if (deadline.within) return `${deadline.within.amount}${WITHIN[deadline.within.unit] || deadline.within.unit}内`;
  return null;
}

function timeline(findings) {
  const keys = findings.map((f) => quarterKey(f.date)).filter((k) => k !== null);
  if (!keys.length) return null;
  const last = Math.max(...keys);
  const first = Math.max(Math.min(...keys), last - 39);
  const counts = new Map();
  keys.forEach((k) => counts.set(k, (counts.get(k) || 0) + 1));
  const most = Math.max(...counts.values());
  const step = 56, barWidth = 32, height = 110, top = 18, bottom = 28;
  const width = (last - first + 1) * step;
  const chart = svg("svg", { class: "timeline", viewBox: `0 0 ${width} ${top + height + bottom}`, width,
    role: "img", "aria-label": "按季度统计的问题数" });
  chart.append(svg("line", { x1: 0, x2: width, y1: top + height, y2: top + height, class: "axis" }));
  for (let key = first; key <= last; key++) {
    const x = (key - first) * step + (step - barWidth) / 2;
    const n = counts.get(key) || 0;
    const h = n ? Math.max(4, (n / most) * height) : 0;
    const group = svg("g", { class: n ? "quarter has-findings" : "quarter", "data-quarter": key });
    group.append(svg("title", {}, `${quarterLabel(key, true)}：${n} 条问题`));
    group.append(svg("rect", { x, y: top + height - h, width: barWidth, height: h, rx: 3, class: "bar" }));
    if (n) group.append(svg("text", { x: x + barWidth / 2, y: top + height - h - 4, class: "count" }, String(n)));
    group.append(svg("text", { x: x + barWidth / 2, y: top + height + 18, class: "label" }, quarterLabel(key)));
    if (n) group.addEventListener("click", () => document.getElementById(`q-${key}`)?.scrollIntoView({ behavior: "smooth" }));
    chart.append(group);
  }
  return el("figure", { className: "chart" }, chart, el("figcaption", {}, "每季度被通报的问题数"));
}

function quoted(sentence, evidence) {
  const quote = el("blockquote", { className: "evidence" });
  const text = sentence || evidence?.text || "";
  const at = evidence?.text ? text.indexOf(evidence.text) : -1;
  if (at < 0) quote.append(text);
  else quote.append(text.slice(0, at), el("mark", {}, evidence.text), text.slice(at + evidence.text.length));
  return quote;
}

function findingCard(f) {
  const deadline = deadlineText(f.deadline);
  return el("li", { className: "finding" },
    el("div", { className: "finding-head" },
      el("time", { className: "date", dateTime: f.date || "" }, f.date || "日期不详"),
      el("span", { className: "unit" }, f.unit),
      f.category ? el("span", { className: "category" }, f.category) : null),
    el("p", { className: "description" }, f.description),
    quoted(f.sentence, f.evidence),
    el("dl", { className: "facts" },
      el("dt", {}, "通报"), el("dd", {}, f.title || "（无标题）", f.issuer ? el("span", { className: "issuer" }, ` · ${f.issuer}`) : null),
      el("dt", {}, "整改期限"), el("dd", {}, deadline || "未写明")),
    f.repeated_in ? el("p", { className: "repeat" }, "逾期后再次被通报：",
      el("a", { href: `#/doc/${f.repeated_in.document_id}/${f.repeated_in.problem}` },
        `${f.repeated_in.date} ${f.repeated_in.title || ""}`)) : null,
    el("a", { className: "open-doc", href: `#/doc/${f.document_id}/${f.problem}` }, "查看通报原文 →"));
}

async function showUnit(query) {
  lastUnit = query;
  if (document.activeElement !== input) input.value = query;
  document.title = `${query} · 通报检索`;
  show(el("p", { className: "loading" }, "查询中…"));
  let findings;
  try {
    findings = await getJSON(`api/problems?unit=${encodeURIComponent(query)}`);
  } catch (error) {
    return showError(error);
  }
  const units = [...new Set(findings.map((f) => f.unit))];
  const documents = new Set(findings.map((f) => f.document_id));
  const header = el("header", { className: "result-head" },
    el("h1", {}, query),
    el("p", { className: "summary" }, findings.length
      ? `${findings.length} 条问题，见于 ${documents.size} 份通报` : "没有找到相关问题"),
    units.length ? el("p", { className: "matched" }, `匹配单位：${units.join("、")}`) : null);
  if (!findings.length) return show(header, el("p", { className: "hint" }, "可以试试简称、全称或繁体写法。"));

  const groups = new Map();
  for (const f of findings) {
    const key = quarterKey(f.date);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const sections = [...groups].map(([key, items]) => el("section", { className: "quarter-group", id: key === null ? "q-none" : `q-${key}` },
    el("h2", {}, key === null ? "日期不详" : quarterLabel(key, true)),
    el("ol", { className: "findings" }, ...items.map(findingCard))));
  show(header, timeline(findings), ...sections);
}

// ---- one notice --------------------------------------------------------

function evidenceSpans(text, problems) {
  return problems.map((p, index) => ({ index, start: p.evidence?.start, end: p.evidence?.end, text: p.evidence?.text, problem: p }))
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end
      && s.end <= text.length && (s.text == null || text.slice(s.start, s.end) === s.text));
}

function markedText(text, spans, current) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    if (!covering.length) {
      nodes.push(text.slice(from, to));
      continue;
    }
    const isCurrent = covering.some((s) => s.index === current);
    nodes.push(el("mark", { className: isCurrent ? "ev current" : "ev", title: covering.map((s) => s.problem.description).join("；"),
      dataset: { problem: String(isCurrent ? current : covering[0].index) } }, text.slice(from, to)));
  }
  return nodes;
}

async function showDocument(id, current) {
  show(el("p", { className: "loading" }, "载入通报…"));
  let doc;
  try {
    doc = await getJSON(`api/documents/${id}`);
  } catch (error) {
    return showError(error);
  }
  document.title = `${doc.title || "通报"} · 通报检索`;
  const problems = doc.problems || [];
  const text = doc.text || "";
  const spans = evidenceSpans(text, problems);
  const back = lastUnit
    ? el("a", { className: "back", href: `#/unit/${encodeURIComponent(lastUnit)}` }, `← 返回“${lastUnit}”的问题`)
    : el("a", { className: "back", href: "#/" }, "← 返回");
  const meta = [doc.issuer, doc.date, doc.doc_number].filter(Boolean).join(" · ");
  const aside = el("aside", { className: "doc-problems" }, el("h2", {}, `本通报列出的问题（${problems.length}）`),
    el("ol", {}, ...problems.map((p, i) => el("li", { className: i === current ? "current" : "" },
      el("a", { href: `#/doc/${id}/${i}` }, `${p.units.join("、")}：${p.description}`)))));
  const body = text
    ? el("article", { className: "notice-text" }, ...markedText(text, spans, current))
    : el("p", { className: "hint" }, "索引中没有保存这份通报的全文。");
  const chosen = problems[current];
  const missing = chosen && text && !spans.some((s) => s.index === current)
    ? el("p", { className: "hint" }, `原文位置不可用，证据：${chosen.evidence?.text || chosen.description}`) : null;
  show(el("header", { className: "doc-head" }, back, el("h1", {}, doc.title || "（无标题）"), el("p", { className: "summary" }, meta)),
    missing, el("div", { className: "doc-layout" }, body, aside));
  view.querySelector("mark.ev.current")?.scrollIntoView({ block: "center" });
}

// ---- home and routing --------------------------------------------------

function showHome() {
  document.title = "通报检索 · tongbao";
  show(el("section", { className: "intro" },
    el("h1", {}, "某个单位被通报过什么问题？"),
    el("p", {}, "输入乡镇、街道或部门名称：全称、简称（三闸）、繁体（三閘鎮）或部门缩写（发改局、金融办）均可。"),
    el("p", { className: "examples" }, "例如：", ...EXAMPLES.map((name) => el("a", { href: `#/unit/${encodeURIComponent(name)}` }, name)))));
  input.focus();
}

function route() {
  const hash = location.hash;
  const unit = hash.match(/^#\/unit\/(.+)$/);
  const doc = hash.match(/^#\/doc\/([0-9a-f]{64})(?:\/(\d+))?$/);
  if (unit) showUnit(decodeURIComponent(unit[1]));
  else if (doc) showDocument(doc[1], doc[2] === undefined ? -1 : Number(doc[2]));
  else showHome();
}

window.addEventListener("hashchange", route);
route();
