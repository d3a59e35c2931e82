// The search page: a home that orients, notices by region, issuer and year, a unit's findings with facets,
// and a notice with its evidence marked. Everything from the server is inserted as text nodes, never as
// HTML: notices are untrusted input.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const EXAMPLES = ["三闸镇", "三閘鎮", "甘州区三闸镇", "发改局", "金融办"];
const WITHIN = { working_day: "个工作日", day: "天", hour: "小时", week: "周", month: "个月" };
const FILTERS = ["region", "issuer", "category", "year"];
const FILTER_NAMES = { region: "地区", issuer: "发布机关", category: "问题类别", year: "年份" };
const FINDINGS_PAGE = 50;
const NOTICES_PAGE = 20;

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
    else if (key.startsWith("aria-") || key === "role" || key === "download") node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...present(children));
  return node;
}

// Nodes and strings only: a null or false child means "nothing here", never the text "null".
function present(children) {
  return children.flat().filter((c) => c !== null && c !== undefined && c !== false);
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

async function fetchOk(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(typeof body.detail === "string" ? body.detail : `请求失败（${response.status}）`);
  }
  return response;
}

async function getJSON(url) {
  return (await fetchOk(url)).json();
}

// A list endpoint: its page, and how many there are in all (the X-Total-Count header).
async function getPage(url) {
  const response = await fetchOk(url);
  return { items: await response.json(), total: Number(response.headers.get("X-Total-Count") || 0) };
}

function show(...nodes) {
  view.replaceChildren(...present(nodes));
  window.scrollTo(0, 0);
}

function showError(error) {
  show(el("p", { className: "error" }, `出错了：${error.message}`));
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") search.set(key, value);
  return search.toString();
}

function filtersOf(params) {
  return Object.fromEntries(FILTERS.filter((key) => params.get(key)).map((key) => [key, params.get(key)]));
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
    const units = await getJSON(`api/units?${query({ q, limit: 8 })}`);
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

// ---- shared pieces -----------------------------------------------------

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

// Links that narrow the current view by one facet value; the active value links back to all.
function facetPanel(facets, filters, hrefFor, names = FILTERS) {
  const groups = names.filter((name) => facets[name]?.length || filters[name]).map((name) => {
    const values = facets[name] || [];
    return el("section", { className: "facet", dataset: { facet: name } },
      el("h3", {}, FILTER_NAMES[name]),
      el("ul", {}, ...values.map((v) => {
        const on = filters[name] === v.value;
        return el("li", { className: on ? "on" : "" },
          el("a", { href: hrefFor({ ...filters, [name]: on ? null : v.value }), title: v.label },
            el("span", { className: "value" }, v.label), el("span", { className: "count" }, String(v.count))));
      })));
  });
  return groups.length ? el("aside", { className: "facets" }, ...groups) : null;
}

function activeFilters(filters, hrefFor) {
  const keys = Object.keys(filters);
  if (!keys.length) return null;
  return el("p", { className: "active-filters" }, "筛选：", ...keys.map((key) =>
    el("a", { className: "chip", href: hrefFor({ ...filters, [key]: null }), title: "取消这项筛选" },
      `${FILTER_NAMES[key]}：${filters[key]} ×`)));
}

function pager(offset, size, total, hrefAt) {
  if (total <= size && offset === 0) return null;
  const last = Math.min(offset + size, total);
  return el("nav", { className: "pager", "aria-label": "分页" },
    offset > 0 ? el("a", { className: "prev", href: hrefAt(Math.max(0, offset - size)) }, "← 上一页") : null,
    el("span", { className: "range" }, `第 ${offset + 1}–${last} 条，共 ${total} 条`),
    last < total ? el("a", { className: "next", href: hrefAt(offset + size) }, "下一页 →") : null);
}

function sourcesLine(sources, current) {
  if (!sources || sources.length < 2) return null;
  return el("p", { className: "sources" }, `同一通报的 ${sources.length} 份副本：`,
    ...sources.flatMap((s, i) => [i ? "、" : "",
      s.document_id === current ? el("strong", {}, s.file || s.format || "本文")
        : el("a", { href: `#/doc/${s.document_id}` }, s.file || s.format || s.document_id.slice(0, 12))]));
}

function noticeItem(n) {
  const meta = [n.date, n.issuer, n.region_path, `${n.problems} 条问题`].filter(Boolean).join(" · ");
  return el("li", { className: "notice" },
    el("a", { className: "title", href: `#/doc/${n.id}` }, n.title || "（无标题）"),
    el("p", { className: "meta" }, meta, n.sources.length > 1 ? ` · ${n.sources.length} 份副本` : null));
}

// ---- a unit's findings -------------------------------------------------

function timeline(quarters) {
  const counts = new Map(quarters.map((q) => {
    const [year, part] = q.value.split("-Q").map(Number);
    return [year * 4 + part - 1, q.count];
  }));
  if (!counts.size) return null;
  const keys = [...counts.keys()];
  const last = Math.max(...keys);
  const first = Math.max(Math.min(...keys), last - 39);
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
      el("dt", {}, "整改期限"), el("dd", {}, deadline || "未写明"),
      f.sources.length > 1 ? [el("dt", {}, "副本"), el("dd", { className: "copies" }, f.sources.map((s) => s.file || s.format).join("、"))] : null),
    f.repeated_in ? el("p", { className: "repeat" }, "逾期后再次被通报：",
      el("a", { href: `#/doc/${f.repeated_in.document_id}/${f.repeated_in.problem}` },
        `${f.repeated_in.date} ${f.repeated_in.title || ""}`)) : null,
    el("a", { className: "open-doc", href: `#/doc/${f.document_id}/${f.problem}` }, "查看通报原文 →"));
}

function unitHref(name, filters, offset = 0) {
  const rest = query({ ...filters, offset: offset || null });
  return `#/unit/${encodeURIComponent(name)}${rest ? `?${rest}` : ""}`;
}

async function showUnit(name, params) {
  const filters = filtersOf(params);
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  lastUnit = location.hash;
  if (document.activeElement !== input) input.value = name;
  document.title = `${name} · 通报检索`;
  show(el("p", { className: "loading" }, "查询中…"));
  let page;
  try {
    page = await getJSON(`api/search?${query({ q: name, ...filters, limit: FINDINGS_PAGE, offset })}`);
  } catch (error) {
    return showError(error);
  }
  const findings = page.findings;
  const units = page.units.length ? page.units : [...new Set(findings.map((f) => f.unit))];
  const hrefFor = (next) => unitHref(name, Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  const exportQuery = query({ q: name, ...filters });
  const header = el("header", { className: "result-head" },
    el("h1", {}, name),
    el("p", { className: "summary" }, page.total
      ? `${page.total} 条问题，见于 ${page.notices} 份通报` : "没有找到相关问题"),
    units.length ? el("p", { className: "matched" }, `匹配单位：${units.join("、")}`,
      page.region ? `（${page.region}）` : null) : null,
    activeFilters(filters, hrefFor),
    page.total ? el("p", { className: "exports" }, "导出：",
      el("a", { href: `api/export?${exportQuery}&format=csv`, download: "findings.csv" }, "CSV"), " · ",
      el("a", { href: `api/export?${exportQuery}&format=jsonl`, download: "findings.jsonl" }, "JSON Lines")) : null);
  if (!page.total) return show(header, el("p", { className: "hint" }, "可以试试简称、全称、繁体写法，或在单位名前加上地区（甘州区三闸镇）。"));

  const groups = new Map();
  for (const f of findings) {
    const key = quarterKey(f.date);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const sections = [...groups].map(([key, items]) => el("section", { className: "quarter-group", id: key === null ? "q-none" : `q-${key}` },
    el("h2", {}, key === null ? "日期不详" : quarterLabel(key, true)),
    el("ol", { className: "findings" }, ...items.map(findingCard))));
  const paging = pager(offset, FINDINGS_PAGE, page.total, (at) => unitHref(name, filters, at));
  show(header, timeline(page.facets.quarter || []),
    el("div", { className: "with-facets" },
      el("div", { className: "results" }, ...sections, paging),
      facetPanel(page.facets, filters, hrefFor)));
}

// ---- notices by region, issuer, year -----------------------------------

function noticesHref(filters, offset = 0) {
  const rest = query({ ...filters, offset: offset || null });
  return `#/notices${rest ? `?${rest}` : ""}`;
}

async function showNotices(params) {
  const filters = filtersOf(params);
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  document.title = "通报 · 通报检索";
  show(el("p", { className: "loading" }, "载入中…"));
  let page, facets;
  try {
    const filterQuery = query(filters);
    [page, facets] = await Promise.all([
      getPage(`api/notices?${query({ ...filters, limit: NOTICES_PAGE, offset })}`),
      getJSON(`api/facets${filterQuery ? `?${filterQuery}` : ""}`),
    ]);
  } catch (error) {
    return showError(error);
  }
  const hrefFor = (next) => noticesHref(Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  show(el("header", { className: "result-head" },
    el("a", { className: "back", href: "#/" }, "← 首页"),
    el("h1", {}, "通报"),
    el("p", { className: "summary" }, `${page.total} 份通报`),
    activeFilters(filters, hrefFor)),
  el("div", { className: "with-facets" },
    el("div", { className: "results" },
      page.items.length ? el("ol", { className: "notices" }, ...page.items.map(noticeItem)) : el("p", { className: "hint" }, "没有符合条件的通报。"),
      pager(offset, NOTICES_PAGE, page.total, (at) => noticesHref(filters, at))),
    facetPanel(facets, filters, hrefFor)));
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
  let doc, notice;
  try {
    [doc, notice] = await Promise.all([getJSON(`api/documents/${id}`), getJSON(`api/notices/${id}`)]);
  } catch (error) {
    return showError(error);
  }
  document.title = `${doc.title || "通报"} · 通报检索`;
  const problems = doc.problems || [];
  const text = doc.text || "";
  const spans = evidenceSpans(text, problems);
  const back = lastUnit
    ? el("a", { className: "back", href: lastUnit }, `← 返回“${decodeURIComponent(lastUnit.split("/")[2].split("?")[0])}”的问题`)
    : el("a", { className: "back", href: "#/" }, "← 首页");
  const meta = [doc.issuer, doc.date, doc.doc_number, notice.region_path].filter(Boolean).join(" · ");
  // Numbers are text, not list markers: a marker outside a narrow scrolling box is clipped from 10 up.
  const aside = el("aside", { className: "doc-problems" }, el("h2", {}, `本通报列出的问题（${problems.length}）`),
    el("ol", {}, ...problems.map((p, i) => el("li", { className: i === current ? "current" : "" },
      el("span", { className: "n" }, `${i + 1}.`),
      el("a", { href: `#/doc/${id}/${i}` }, `${p.units.join("、")}：${p.description}`)))));
  const body = text
    ? el("article", { className: "notice-text" }, ...markedText(text, spans, current))
    : el("p", { className: "hint" }, "索引中没有保存这份通报的全文。");
  const chosen = problems[current];
  const missing = chosen && text && !spans.some((s) => s.index === current)
    ? el("p", { className: "hint" }, `原文位置不可用，证据：${chosen.evidence?.text || chosen.description}`) : null;
  show(el("header", { className: "doc-head" }, back, el("h1", {}, doc.title || "（无标题）"),
    meta ? el("p", { className: "summary" }, meta) : null, sourcesLine(notice.sources, id)),
  missing, el("div", { className: "doc-layout" }, body, aside));
  view.querySelector("mark.ev.current")?.scrollIntoView({ block: "center" });
}

// ---- home --------------------------------------------------------------

async function showHome() {
  document.title = "通报检索 · tongbao";
  const intro = el("section", { className: "intro" },
    el("h1", {}, "某个单位被通报过什么问题？"),
    el("p", {}, "输入乡镇、街道或部门名称：全称、简称（三闸）、繁体（三閘鎮）、部门缩写（发改局、金融办），也可以在前面加上地区（甘州区三闸镇）。"),
    el("p", { className: "examples" }, "例如：", ...EXAMPLES.map((name) => el("a", { href: `#/unit/${encodeURIComponent(name)}` }, name))));
  show(intro);
  input.focus();
  let stats, recent, facets;
  try {
    [stats, recent, facets] = await Promise.all([getJSON("api/stats"), getJSON(`api/notices?limit=8`), getJSON("api/facets?limit=12")]);
  } catch (error) {
    return view.append(el("p", { className: "error" }, `出错了：${error.message}`));
  }
  if (!location.hash.match(/^(#\/?)?$/)) return; // the reader moved on meanwhile
  const counts = el("ul", { className: "counts" },
    el("li", {}, el("strong", {}, String(stats.notices)), " 份通报"),
    el("li", {}, el("strong", {}, String(stats.units)), " 个单位"),
    el("li", {}, el("strong", {}, String(stats.problems)), " 条问题"),
    stats.documents > stats.notices ? el("li", { className: "copies" }, `（${stats.documents} 个文件，同一通报的副本只计一次）`) : null);
  const browse = (name, title) => facets[name].length ? el("section", { className: "browse", dataset: { facet: name } },
    el("h2", {}, title),
    el("ul", {}, ...facets[name].map((v) => el("li", {},
      el("a", { href: noticesHref({ [name]: v.value }), title: v.label }, v.label), el("span", { className: "count" }, String(v.count)))))) : null;
  view.append(counts, el("div", { className: "home-grid" },
    el("section", { className: "recent" }, el("h2", {}, "最新通报"),
      el("ol", { className: "notices" }, ...recent.map(noticeItem)),
      el("a", { className: "all", href: "#/notices" }, "全部通报 →")),
    el("div", { className: "browse-all" }, browse("region", "按地区"), browse("issuer", "按发布机关"), browse("year", "按年份"))));
}

// ---- routing -----------------------------------------------------------

function route() {
  const [path, rest] = location.hash.replace(/^#/, "").split(/\?(.*)/s);
  const params = new URLSearchParams(rest || "");
  const unit = path.match(/^\/unit\/(.+)$/);
  const doc = path.match(/^\/doc\/([0-9a-f]{64})(?:\/(\d+))?$/);
  if (unit) showUnit(decodeURIComponent(unit[1]), params);
  else if (doc) showDocument(doc[1], doc[2] === undefined ? -1 : Number(doc[2]));
  else if (path === "/notices") showNotices(params);
  else showHome();
}

window.addEventListener("hashchange", route);
route();
