// claimtrail web UI: one page that routes on location.pathname and draws itself from /api/v1.
//
// Rules this file keeps (see docs/api.md, "The web UI"):
// - Data (article text, titles, names, quotes, URLs) is inserted with textContent / text nodes and
//   setAttribute only. No innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere.
// - URLs that come from data become links only when they start with http:// or https://.
// - No inline styles in markup (the CSP forbids them); dynamic sizes go through element.style (CSSOM).
// - Offsets in the API are character offsets (Unicode code points), so texts are indexed as arrays
//   of code points, never as UTF-16 strings.
'use strict';

(() => {
  // ---------------------------------------------------------------------------------------------
  // DOM helpers
  // ---------------------------------------------------------------------------------------------

  const SVG_NS = 'http://www.w3.org/2000/svg';

  /** Appends children (nodes, strings, numbers, nested arrays; null/false skipped) as nodes. */
  function append(parent, kids) {
    for (const k of kids) {
      if (k == null || k === false) continue;
      if (Array.isArray(k)) append(parent, k);
      else if (k instanceof Node) parent.appendChild(k);
      else parent.appendChild(document.createTextNode(String(k)));
    }
    return parent;
  }

  /** True for an href the UI may set: a same-origin path, or an http(s) URL. */
  function safeHref(u) {
    if (typeof u !== 'string') return false;
    if (u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\')) return true;
    return /^https?:\/\//i.test(u);
  }

  function setProps(e, props) {
    if (!props) return;
    for (const key of Object.keys(props)) {
      const v = props[key];
      if (v == null || v === false) continue;
      if (key === 'class') e.setAttribute('class', v);
      else if (key === 'text') e.textContent = String(v);
      else if (/^on/i.test(key)) {
        // Event handlers only as functions: never an attribute string (that would be markup).
        if (typeof v === 'function') e.addEventListener(key.slice(2), v);
      } else if (key === 'style' || key === 'src' || key === 'srcdoc') continue;
      else if (key === 'href') {
        if (safeHref(v)) e.setAttribute('href', v);
      } else e.setAttribute(key, v === true ? '' : String(v));
    }
  }

  /** Creates an HTML element: el('a', {href: '/x', class: 'c'}, 'text', child, ...). */
  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    setProps(e, props);
    return append(e, kids);
  }

  /** Creates an SVG element. */
  function sv(tag, props, ...kids) {
    const e = document.createElementNS(SVG_NS, tag);
    setProps(e, props);
    return append(e, kids);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** A link to an external URL from data: a real link only for http(s), plain text otherwise. */
  function extLink(url, label) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      return el('a', { href: url, class: 'ext', target: '_blank', rel: 'noopener noreferrer nofollow' }, label || url);
    }
    return url ? el('span', { class: 'ext-text', title: 'not a web link' }, label || url) : null;
  }

  const fmtInt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '–');
  function fmtBytes(n) {
    if (typeof n !== 'number') return '–';
    const u = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    while (n >= 1024 && i < u.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n : n.toFixed(1)) + ' ' + u[i];
  }

  /** Code points of a string (API offsets index these). */
  const codePoints = (s) => Array.from(s || '');

  function debounce(fn, ms) {
    let t = 0;
    return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  }

  // ---------------------------------------------------------------------------------------------
  // API
  // ---------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v == null || v === '' || v === false) continue;
      u.set(k, String(v));
    }
    const s = u.toString();
    return s ? '?' + s : '';
  }

  async function api(path, params) {
    let res;
    try {
      res = await fetch('/api/v1' + path + qs(params), { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new ApiError(0, 'network', 'The server could not be reached (' + e.message + ').');
    }
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const err = body && body.error ? body.error : {};
      throw new ApiError(res.status, err.code || 'http_' + res.status, err.message || res.statusText || 'Request failed');
    }
    if (body == null) throw new ApiError(res.status, 'bad_body', 'The server answered with something that is not JSON.');
    return body;
  }

  /** Article analyses, shared by the claim page (quote contexts) and the article page. */
  const articleCache = new Map();
  function getArticle(id) {
    const key = String(id);
    let p = articleCache.get(key);
    if (!p) {
      p = api('/articles/' + encodeURIComponent(key)).then((a) => {
        a._cps = codePoints(a.document && a.document.text);
        return a;
      });
      p.catch(() => articleCache.delete(key));
      articleCache.set(key, p);
      if (articleCache.size > 60) articleCache.delete(articleCache.keys().next().value);
    }
    return p;
  }

  // ---------------------------------------------------------------------------------------------
  // Shared widgets
  // ---------------------------------------------------------------------------------------------

  const STANCES = ['asserts', 'denies', 'hedges', 'no_knowledge'];
  const STANCE_LABEL = { asserts: 'asserts', denies: 'denies', hedges: 'hedges', no_knowledge: 'no knowledge' };
  const stanceClass = (s) => 'st-' + (STANCES.includes(s) ? s : 'other');

  function stanceBadge(s) {
    return el('span', { class: 'badge stance ' + stanceClass(s), 'data-stance': s }, STANCE_LABEL[s] || s || '?');
  }

  function kindChip(kind) {
    if (!kind) return null;
    return el('span', { class: 'kind k-' + String(kind).replace(/[^a-z_]/gi, ''), title: 'kind: ' + kind }, kind.replace('_', ' '));
  }

  function articleLabel(a) {
    if (!a) return 'article';
    return a.title || a.doc_id || 'article #' + a.id;
  }

  /** "Title · Outlet · 2015-10-07" with the title linking to the article page. */
  function articleRef(a, opts) {
    if (!a) return null;
    const o = opts || {};
    return el('span', { class: 'aref' },
      el('a', { href: '/articles/' + Number(a.id) + (o.attr ? '?attr=' + encodeURIComponent(o.attr) : ''), class: 'aref-title', title: a.doc_id || '' }, articleLabel(a)),
      a.outlet ? el('span', { class: 'muted' }, ' · ', a.outlet) : null,
      a.published ? el('span', { class: 'muted' }, ' · ', a.published) : null);
  }

  /** A stacked bar of stance counts plus numbers. */
  function stanceBar(c, scaleMax) {
    const total = STANCES.reduce((s, k) => s + (c[k] || 0), 0);
    const bar = el('span', { class: 'sbar', role: 'img', 'aria-label': STANCES.map((k) => (c[k] || 0) + ' ' + STANCE_LABEL[k]).join(', ') });
    const width = scaleMax ? Math.max(18, Math.round(100 * Math.sqrt(total / scaleMax))) : 100;
    bar.style.width = width + '%';
    for (const k of STANCES) {
      const n = c[k] || 0;
      if (!n) continue;
      const seg = el('span', { class: 'sbar-seg ' + stanceClass(k), title: n + ' ' + STANCE_LABEL[k] });
      seg.style.flexGrow = String(n);
      bar.appendChild(seg);
    }
    const nums = el('span', { class: 'snums' },
      el('span', { class: 'n ' + stanceClass('asserts'), title: 'asserting sources' }, '+' + (c.asserts || 0)),
      el('span', { class: 'n ' + stanceClass('denies'), title: 'denying sources' }, '−' + (c.denies || 0)),
      el('span', { class: 'n ' + stanceClass('hedges'), title: 'hedging sources' }, '~' + (c.hedges || 0)),
      c.no_knowledge ? el('span', { class: 'n ' + stanceClass('no_knowledge'), title: 'sources with no knowledge' }, '?' + c.no_knowledge) : null);
    return el('span', { class: 'sbar-wrap', 'data-testid': 'stance-counts' }, el('span', { class: 'sbar-track' }, bar), nums);
  }

  /** A quote in quotation marks, unless it already carries its own. */
  function quoted(q) {
    const t = String(q || '');
    return (/^["“”«„'‘]/.test(t) ? '' : '“') + t + (/["“”»'’]$/.test(t) ? '' : '”');
  }

  /** TIMEX3 values as words: PAST_REF -> past, 2015-W32 stays. */
  function when(v) {
    const m = { PAST_REF: 'in the past', PRESENT_REF: 'now', FUTURE_REF: 'in the future' };
    return m[v] || v;
  }

  /** Plain chips, the first `max` shown and the rest behind a button. */
  function chipList(names, max) {
    const box = el('span', { class: 'v chips-inline' }, names.slice(0, max).map((a) => el('span', { class: 'chip plain' }, a)));
    if (names.length > max) {
      const b = el('button', { type: 'button', class: 'linkish' }, '+' + (names.length - max) + ' more');
      b.addEventListener('click', () => { b.replaceWith(...names.slice(max).map((a) => el('span', { class: 'chip plain' }, a))); });
      box.appendChild(b);
    }
    return box;
  }

  /** Long text clamped to a few lines; a click opens it. */
  function clampText(t) {
    const e = el('span', { class: 'clamp', title: t.length > 240 ? 'click to show all' : null }, t);
    if (t.length > 240) e.addEventListener('click', () => e.classList.toggle('open'));
    return e;
  }

  function loading(text) {
    return el('div', { class: 'loading', 'data-testid': 'loading', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), text || 'Loading…');
  }

  function errorBox(err, what) {
    const code = err && err.code ? err.code : 'error';
    const msg = err && err.message ? err.message : String(err);
    return el('div', { class: 'error', 'data-testid': 'error', role: 'alert' },
      el('strong', null, what ? 'Could not load ' + what : 'Something went wrong'),
      el('div', null, el('code', null, code), ' ', msg));
  }

  function empty(title, hint) {
    return el('div', { class: 'empty', 'data-testid': 'empty' }, el('strong', null, title), hint ? el('div', { class: 'muted' }, hint) : null);
  }

  /** A highlighted snippet: the API marks matches with [ and ]; render them as <mark> by splitting. */
  function snippet(text) {
    const out = el('span', { class: 'snippet' });
    let buf = '';
    let inMark = false;
    for (const ch of String(text || '')) {
      if (ch === '[' && !inMark) { if (buf) out.appendChild(document.createTextNode(buf)); buf = ''; inMark = true; } else if (ch === ']' && inMark) { out.appendChild(el('mark', null, buf)); buf = ''; inMark = false; } else buf += ch;
    }
    if (buf) out.appendChild(inMark ? el('mark', null, buf) : document.createTextNode(buf));
    return out;
  }

  function pager(params, page, basePath) {
    const off = Number(page.offset) || 0;
    const lim = Number(page.limit) || 50;
    const n = (page.items || []).length;
    const mk = (o) => basePath + qs(Object.assign({}, params, { offset: o > 0 ? o : null }));
    const prev = off > 0 ? el('a', { href: mk(Math.max(0, off - lim)), class: 'btn', rel: 'prev', 'data-testid': 'prev' }, '← Previous') : el('span', { class: 'btn disabled' }, '← Previous');
    const next = page.next_offset != null ? el('a', { href: mk(page.next_offset), class: 'btn', rel: 'next', 'data-testid': 'next' }, 'Next →') : el('span', { class: 'btn disabled' }, 'Next →');
    return el('nav', { class: 'pager', 'aria-label': 'Pages', 'data-testid': 'pager' }, prev,
      el('span', { class: 'muted' }, n ? (off + 1) + '–' + (off + n) : 'none'), next);
  }

  // ---------------------------------------------------------------------------------------------
  // Router
  // ---------------------------------------------------------------------------------------------

  const main = document.getElementById('app');
  let renderSeq = 0;
  /** Cleanups of the current page (listeners on window, timers). */
  let cleanups = [];

  const ROUTES = [
    [/^\/$/, 'board', viewBoard],
    [/^\/claims\/(\d+)\/?$/, 'board', viewClaim],
    [/^\/entities\/(\d+)\/?$/, 'board', viewEntity],
    [/^\/articles\/(\d+)\/?$/, 'board', viewArticle],
    [/^\/network\/?$/, 'network', viewNetwork],
    [/^\/search\/?$/, 'search', viewSearch],
  ];

  // Scroll positions live in history entries and come back after the page has drawn itself
  // (the browser's own restoration would run before the data arrives).
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  function saveScroll() {
    try { history.replaceState(Object.assign({}, history.state, { scroll: window.scrollY }), ''); } catch (e) { /* ignore */ }
  }

  function navigate(url, replace) {
    if (replace) history.replaceState(null, '', url);
    else { saveScroll(); history.pushState(null, '', url); }
    render(!replace);
  }

  function render(scrollTop) {
    const seq = ++renderSeq;
    for (const c of cleanups) { try { c(); } catch (e) { /* ignore */ } }
    cleanups = [];
    const path = location.pathname;
    const params = new URLSearchParams(location.search);
    let found = null;
    for (const [re, nav, fn] of ROUTES) {
      const m = path.match(re);
      if (m) { found = [nav, fn, m]; break; }
    }
    for (const a of document.querySelectorAll('[data-nav]')) {
      const on = !!found && a.getAttribute('data-nav') === found[0] && (found[0] !== 'board' || path === '/');
      a.classList.toggle('active', on);
      if (on) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    const topQ = document.querySelector('.top-search input');
    if (topQ && document.activeElement !== topQ) topQ.value = path.startsWith('/search') ? params.get('q') || '' : '';
    clear(main);
    main.removeAttribute('data-page');
    if (scrollTop) window.scrollTo(0, 0);
    const ctx = {
      params,
      alive: () => seq === renderSeq,
      onLeave: (fn) => cleanups.push(fn),
    };
    if (!found) {
      document.title = 'Not found · claimtrail';
      main.setAttribute('data-page', 'notfound');
      main.appendChild(empty('No such page', 'The address ' + path + ' is not a page of claimtrail.'));
      main.appendChild(el('p', null, el('a', { href: '/' }, 'Back to the claim board')));
      return;
    }
    main.setAttribute('data-page', found[1].name.replace(/^view/, '').toLowerCase());
    return Promise.resolve(found[1](ctx, found[2])).catch((err) => {
      if (!ctx.alive()) return;
      clear(main);
      main.appendChild(errorBox(err));
    });
  }

  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest && e.target.closest('a[href]');
    if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
    const url = new URL(a.getAttribute('href'), location.href);
    if (url.origin !== location.origin) return;
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return;
    e.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      location.hash = url.hash;
      return;
    }
    navigate(url.pathname + url.search + url.hash);
  });

  window.addEventListener('popstate', (e) => {
    const y = e.state && typeof e.state.scroll === 'number' ? e.state.scroll : 0;
    Promise.resolve(render(false)).then(() => window.scrollTo(0, y));
  });
  window.addEventListener('pagehide', saveScroll);

  // Forms with data-route are turned into navigations (filter state lives in the URL).
  function routeForm(form, path, extra) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const p = {};
      for (const [k, v] of new FormData(form).entries()) {
        const s = String(v).trim();
        if (s) p[k] = s;
      }
      navigate(path + qs(Object.assign(p, extra ? extra() : {})));
    });
  }

  routeForm(document.querySelector('.top-search'), '/search');

  // "/" jumps to the search box (unless the user is typing somewhere).
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const box = document.querySelector('.top-search input');
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  });

  async function loadStats() {
    const box = document.getElementById('stats');
    try {
      const s = await api('/stats');
      clear(box);
      const item = (n, label, title) => el('span', { class: 'stat', title: title || '' }, el('b', null, fmtInt(n)), ' ', label);
      append(box, [
        item(s.articles, 'articles', s.wire_groups != null ? fmtInt(s.wire_groups) + ' wire groups' : ''),
        item(s.claims, 'claims'),
        item(s.statements, 'statements'),
        item(s.entities, 'entities'),
        s.store_bytes != null ? el('span', { class: 'stat muted', title: 'text ' + fmtBytes(s.text_bytes) }, fmtBytes(s.store_bytes)) : null,
      ]);
    } catch (e) {
      clear(box).appendChild(el('span', { class: 'stat muted', title: e.message }, 'stats unavailable'));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Board: /
  // ---------------------------------------------------------------------------------------------

  const BOARD_KEYS = ['entity', 'outlet', 'since', 'until', 'q', 'contested', 'order'];

  async function viewBoard(ctx) {
    document.title = 'Claim board · claimtrail';
    const p = {};
    for (const k of BOARD_KEYS) { const v = ctx.params.get(k); if (v) p[k] = v; }
    const offset = Math.max(0, parseInt(ctx.params.get('offset') || '0', 10) || 0);

    const entList = el('datalist', { id: 'dl-entities' });
    const outList = el('datalist', { id: 'dl-outlets' });
    const field = (label, input) => el('label', { class: 'field' }, el('span', null, label), input);
    const entInput = el('input', { name: 'entity', type: 'text', list: 'dl-entities', placeholder: 'person, org, place', autocomplete: 'off', value: p.entity || '', 'data-testid': 'filter-entity' });
    const outInput = el('input', { name: 'outlet', type: 'text', list: 'dl-outlets', placeholder: 'e.g. Reuters', autocomplete: 'off', value: p.outlet || '', 'data-testid': 'filter-outlet' });
    const datePat = '\\d{4}(-\\d{2}(-\\d{2})?)?';
    const sinceInput = el('input', { name: 'since', type: 'text', pattern: datePat, placeholder: 'YYYY-MM-DD', value: p.since || '', size: 10, 'data-testid': 'filter-since', title: 'a date: 2015, 2015-08 or 2015-08-07' });
    const untilInput = el('input', { name: 'until', type: 'text', pattern: datePat, placeholder: 'YYYY-MM-DD', value: p.until || '', size: 10, 'data-testid': 'filter-until', title: 'a date: 2015, 2015-08 or 2015-08-07' });
    const qInput = el('input', { name: 'q', type: 'search', placeholder: 'words in the claim', value: p.q || '', 'data-testid': 'filter-q' });
    const contested = el('input', { name: 'contested', type: 'checkbox', value: 'true', 'data-testid': 'filter-contested' });
    contested.checked = p.contested === 'true';
    const order = el('select', { name: 'order', 'data-testid': 'filter-order' },
      el('option', { value: '' }, 'contested first'), el('option', { value: 'cited' }, 'most cited'));
    order.value = p.order === 'cited' ? 'cited' : '';
    const form = el('form', { class: 'filters', 'data-testid': 'filters', role: 'search', 'aria-label': 'Filter claims' },
      field('Entity', entInput), field('Outlet', outInput), field('Since', sinceInput), field('Until', untilInput), field('Search', qInput), field('Order', order),
      el('label', { class: 'field check' }, contested, el('span', null, 'Contested only')),
      el('div', { class: 'field actions' }, el('button', { type: 'submit', class: 'btn primary', 'data-testid': 'filter-apply' }, 'Apply'),
        Object.keys(p).length ? el('a', { href: '/', class: 'btn', 'data-testid': 'filter-reset' }, 'Reset') : null),
      entList, outList);
    routeForm(form, '/');
    const submit = () => (form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true })));
    contested.addEventListener('change', submit);
    order.addEventListener('change', submit);

    // Entity suggestions as the user types (word-prefix search on names and aliases).
    let lastQ = '';
    entInput.addEventListener('input', debounce(async () => {
      const q = entInput.value.trim();
      if (q.length < 2 || q === lastQ) return;
      lastQ = q;
      try {
        const r = await api('/entities', { q, limit: 12 });
        if (!ctx.alive() || entInput.value.trim() !== q) return;
        clear(entList);
        for (const e of r.items || []) entList.appendChild(el('option', { value: e.name, label: e.name + ' (' + e.kind + ', ' + e.articles + ' articles)' }));
      } catch (e) { /* suggestions are optional */ }
    }, 180));
    let outletsLoaded = false;
    outInput.addEventListener('focus', async () => {
      if (outletsLoaded) return;
      outletsLoaded = true;
      try {
        const r = await api('/outlets', { limit: 500 });
        const names = new Set();
        for (const o of r.items || []) if (o.name) names.add(o.name);
        for (const n of names) outList.appendChild(el('option', { value: n }));
      } catch (e) { /* optional */ }
    });

    const results = el('div', { class: 'board-results' }, loading('Loading claims…'));
    append(main, [
      el('div', { class: 'page-head' }, el('h1', null, 'Claim board'), el('span', { class: 'muted' }, (p.order === 'cited' ? 'most cited claims first' : 'contested claims first') + '; counts are sources that assert, deny or hedge')),
      form, results]);

    let page;
    try {
      page = await api('/claims', Object.assign({}, p, { offset: offset || null, limit: 50 }));
    } catch (err) {
      if (!ctx.alive()) return;
      clear(results).appendChild(errorBox(err, 'claims'));
      return;
    }
    if (!ctx.alive()) return;
    clear(results);
    const items = page.items || [];
    if (!items.length) {
      results.appendChild(Object.keys(p).length || offset
        ? empty('No claims match these filters.', 'Loosen a filter or reset them.')
        : empty('No claims in the store yet.', 'Ingest articles with `claimtrail ingest` or build the demo store with `claimtrail demo --db FILE`.'));
      if (offset) results.appendChild(pager(p, page, '/'));
      return;
    }
    const maxTotal = Math.max(1, ...items.map((c) => STANCES.reduce((s, k) => s + (c[k] || 0), 0)));
    const tbody = el('tbody');
    for (const c of items) {
      tbody.appendChild(el('tr', { class: c.contested ? 'contested' : '', 'data-testid': 'claim-row', 'data-claim': c.id },
        el('td', { class: 'c-gist' },
          el('a', { href: '/claims/' + Number(c.id), class: 'gist', 'data-testid': 'claim-link' }, c.gist || '(no gist)'),
          c.contested ? el('span', { class: 'badge contested-badge', 'data-testid': 'contested' }, 'contested') : null,
          el('div', { class: 'sub muted' }, c.event ? el('span', { class: 'event' }, c.event) : null, c.when ? el('span', { title: 'when the event happened: ' + c.when }, ' · ' + when(c.when)) : null)),
        el('td', { class: 'c-parts' }, (c.participants || []).slice(0, 6).map((n) => el('a', { class: 'chip', href: '/' + qs({ entity: n }) , title: 'claims about ' + n }, n)),
          (c.participants || []).length > 6 ? el('span', { class: 'muted' }, ' +' + (c.participants.length - 6)) : null),
        el('td', { class: 'c-counts' }, stanceBar(c, maxTotal)),
        el('td', { class: 'c-num' }, fmtInt(c.articles)),
        el('td', { class: 'c-date' }, c.first_seen || '–'),
        el('td', { class: 'c-date' }, c.last_seen || '–')));
    }
    results.appendChild(el('div', { class: 'table-wrap' }, el('table', { class: 'board', 'data-testid': 'board' },
      el('thead', null, el('tr', null, el('th', null, 'Claim'), el('th', null, 'Participants'), el('th', null, 'Sources (assert / deny / hedge)'),
        el('th', { class: 'c-num' }, 'Articles'), el('th', null, 'First seen'), el('th', null, 'Last seen'))),
      tbody)));
    results.appendChild(pager(p, page, '/'));
  }

  // ---------------------------------------------------------------------------------------------
  // Claim: /claims/{id}
  // ---------------------------------------------------------------------------------------------

  /** The relay chain as the statement travelled: speaker -> farthest relay -> ... -> nearest relay
   *  -> publishing outlet, as chips with arrows (`via` lists the nearest hop to the article first). */
  function viaChain(st) {
    const hops = [];
    hops.push(st.source_entity != null
      ? el('a', { class: 'hop speaker', href: '/entities/' + Number(st.source_entity) }, st.source || '?')
      : el('span', { class: 'hop speaker' + (st.source_kind === 'anonymous' ? ' anon' : '') }, st.source || '(the article)'));
    for (const v of [...(st.via || [])].reverse()) hops.push(el('span', { class: 'hop relay', title: 'relayed by' }, v));
    const outlet = st.article && st.article.outlet;
    const last = (st.via || [])[0];
    if (outlet && outlet !== last && outlet !== st.source) hops.push(el('span', { class: 'hop publisher', title: 'published by' }, outlet));
    if (hops.length < 2) return null;
    const out = el('div', { class: 'via', 'data-testid': 'via', 'aria-label': 'relay chain' });
    hops.forEach((h, i) => {
      if (i) out.appendChild(el('span', { class: 'arrow', 'aria-hidden': 'true' }));
      out.appendChild(h);
    });
    return out;
  }

  /** The paragraph around [start, end) (code point offsets) with the span marked. */
  function quoteContext(a, span, stance) {
    const cps = a._cps;
    const [s, e] = span || [0, 0];
    if (!(e > s) || e > cps.length) return el('div', { class: 'ctx muted' }, 'The quote\'s position in the article is not known.');
    let ps = s;
    while (ps > 0 && cps[ps - 1] !== '\n') ps--;
    let pe = e;
    while (pe < cps.length && cps[pe] !== '\n') pe++;
    const MAX = 280;
    let pre = '';
    let post = '';
    if (s - ps > MAX) { ps = s - MAX; while (ps < s && !/\s/.test(cps[ps])) ps++; pre = '…'; }
    if (pe - e > MAX) { pe = e + MAX; while (pe > e && !/\s/.test(cps[pe])) pe--; post = '…'; }
    return el('div', { class: 'ctx', 'data-testid': 'quote-context' }, pre, cps.slice(ps, s).join(''),
      el('mark', { class: 'q ' + stanceClass(stance), 'data-testid': 'quote-mark' }, cps.slice(s, e).join('')),
      cps.slice(e, pe).join(''), post);
  }

  function statementCard(st, observer) {
    const a = st.article || {};
    const ctxBox = el('div', { class: 'ctx-box' }, el('blockquote', { class: 'quote' }, st.quote || ''));
    ctxBox._load = () => {
      getArticle(a.id).then((art) => {
        clear(ctxBox).appendChild(quoteContext(art, st.span, st.stance));
      }, (err) => {
        ctxBox.appendChild(el('div', { class: 'muted small' }, 'Article text unavailable: ' + err.message));
      });
    };
    if (observer) observer.observe(ctxBox); else ctxBox._load();
    const copies = st.copies || [];
    return el('article', { class: 'stmt ' + stanceClass(st.stance), 'data-testid': 'statement', 'data-stance': st.stance, 'data-statement': st.id },
      el('header', { class: 'stmt-head' },
        st.source_entity != null
          ? el('a', { href: '/entities/' + Number(st.source_entity), class: 'src', 'data-testid': 'statement-source' }, st.source || '?')
          : el('span', { class: 'src' + (st.source_kind === 'anonymous' ? ' anon' : ''), 'data-testid': 'statement-source' }, st.source || '(the article)'),
        kindChip(st.source_kind), stanceBadge(st.stance),
        el('span', { class: 'date', title: 'when it was said' }, st.date || 'undated')),
      viaChain(st),
      ctxBox,
      el('footer', { class: 'stmt-foot' },
        articleRef(a, { attr: st.attribution }),
        ' ', extLink(a.url, 'source ↗'),
        copies.length ? el('details', { class: 'copies', 'data-testid': 'copies' },
          el('summary', null, copies.length + (copies.length === 1 ? ' copy' : ' copies')),
          el('ul', null, copies.map((c) => el('li', null, articleRef(c))))) : null));
  }

  /** One side of a claim as a ledger: each source once, with its statements, articles, relays and dates. */
  function sourceLedger(list) {
    const groups = new Map();
    for (const st of list) {
      const key = st.source_entity != null ? 'e' + st.source_entity : 't' + String(st.source || '').toLowerCase();
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { st, n: 0, arts: new Set(), via: new Map(), first: null, last: null, stances: {} }));
      g.n++;
      if (st.article) g.arts.add(st.article.id);
      for (const v of st.via || []) g.via.set(v, (g.via.get(v) || 0) + 1);
      if (st.article && st.article.outlet) g.via.set(st.article.outlet, (g.via.get(st.article.outlet) || 0) + 1);
      if (st.date && (!g.first || st.date < g.first)) g.first = st.date;
      if (st.date && (!g.last || st.date > g.last)) g.last = st.date;
      g.stances[st.stance] = (g.stances[st.stance] || 0) + 1;
    }
    const rows = Array.from(groups.values()).sort((a, b) => b.n - a.n);
    return el('div', { class: 'table-wrap' }, el('table', { class: 'ledger', 'data-testid': 'source-ledger' },
      el('thead', null, el('tr', null, el('th', null, 'Source, and the outlets it came through'), el('th', { class: 'c-num' }, 'Statements'))),
      el('tbody', null, rows.map((g) => {
        const st = g.st;
        const vias = Array.from(g.via.entries()).sort((a, b) => b[1] - a[1]);
        return el('tr', { 'data-testid': 'ledger-row' },
          el('td', null,
            el('div', null, st.source_entity != null ? el('a', { href: '/entities/' + Number(st.source_entity), class: 'src' }, st.source || '?') : el('span', { class: 'src' + (st.source_kind === 'anonymous' ? ' anon' : '') }, st.source || '(the article)'),
              ' ', kindChip(st.source_kind), Object.keys(g.stances).length > 1 ? Object.keys(g.stances).map((k) => [' ', stanceBadge(k)]) : null),
            vias.length ? el('div', { class: 'muted small' }, 'through ', vias.slice(0, 5).map(([v, k], i) => [i ? ', ' : '', v, k > 1 ? ' ×' + k : '']), vias.length > 5 ? ' +' + (vias.length - 5) + ' more' : '') : null),
          el('td', { class: 'c-num' }, el('b', null, fmtInt(g.n)), el('div', { class: 'muted small' }, fmtInt(g.arts.size) + (g.arts.size === 1 ? ' article' : ' articles')),
            el('div', { class: 'muted small nowrap' }, g.first ? (g.first === g.last ? g.first : g.first + ' –') : ''),
            g.first && g.first !== g.last ? el('div', { class: 'muted small nowrap' }, g.last) : null));
      }))));
  }

  /** A page's data: shows a loading note, then clears the page for the answer; on failure shows
   *  the error instead and gives null (also null when the user has navigated away meanwhile). */
  async function loadPage(ctx, what, id, fetcher) {
    main.appendChild(loading('Loading ' + what + '…'));
    let data;
    try {
      data = await fetcher();
    } catch (err) {
      if (ctx.alive()) clear(main).appendChild(errorBox(err, what + ' #' + id));
      return null;
    }
    if (!ctx.alive()) return null;
    clear(main);
    return data;
  }

  async function viewClaim(ctx, m) {
    const id = m[1];
    const trail = await loadPage(ctx, 'claim', id, () => api('/claims/' + id));
    if (!trail) return;
    const c = trail.claim || {};
    document.title = (c.gist || 'Claim') + ' · claimtrail';
    const sts = (trail.statements || []).slice().sort((x, y) => String(x.date || '').localeCompare(String(y.date || '')));
    const by = (pred) => sts.filter(pred);
    const asserts = by((s) => s.stance === 'asserts');
    const denies = by((s) => s.stance === 'denies');
    const rest = by((s) => s.stance !== 'asserts' && s.stance !== 'denies');

    const observer = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => {
      for (const en of entries) {
        if (en.isIntersecting) { observer.unobserve(en.target); en.target._load(); }
      }
    }, { rootMargin: '400px' }) : null;
    if (observer) ctx.onLeave(() => observer.disconnect());

    // Sides show statements in pages of 40 (a claim can gather thousands).
    const PAGE = 40;
    const grouped = ctx.params.get('view') === 'sources';
    const side = (title, list, testid, cls) => {
      const sec = el('section', { class: 'side ' + cls, 'data-testid': testid },
        el('h2', null, title, ' ', el('span', { class: 'count', title: list.length + ' statements' }, String(list.length))));
      if (!list.length) {
        sec.appendChild(el('div', { class: 'empty small' }, 'No source ' + (cls === 'side-a' ? 'asserts' : cls === 'side-d' ? 'denies' : 'hedges') + ' this.'));
        return sec;
      }
      if (grouped) { sec.appendChild(sourceLedger(list)); return sec; }
      let shown = 0;
      const more = el('button', { type: 'button', class: 'btn more', 'data-testid': 'show-more' });
      const showMore = () => {
        const next = list.slice(shown, shown + PAGE);
        for (const st of next) sec.insertBefore(statementCard(st, observer), more);
        shown += next.length;
        if (shown >= list.length) more.remove();
        else more.textContent = 'Show ' + Math.min(PAGE, list.length - shown) + ' more (' + (list.length - shown) + ' left)';
      };
      more.addEventListener('click', showMore);
      sec.appendChild(more);
      showMore();
      return sec;
    };

    append(main, [
      el('nav', { class: 'crumbs' }, el('a', { href: '/' }, 'Claim board'), ' / claim #' + Number(c.id)),
      el('div', { class: 'claim-head', 'data-testid': 'claim-head' },
        el('h1', null, c.gist || '(no gist)', c.contested ? el('span', { class: 'badge contested-badge' }, 'contested') : null),
        el('div', { class: 'meta' },
          c.event ? el('span', null, 'event ', el('b', null, c.event)) : null,
          c.when ? el('span', { title: c.when }, 'when ', el('b', null, when(c.when))) : null,
          el('span', null, 'seen ', el('b', null, (c.first_seen || '?') + ' – ' + (c.last_seen || '?'))),
          el('span', null, el('b', null, fmtInt(c.articles)), c.articles === 1 ? ' article' : ' articles')),
        el('div', { class: 'parts' }, (c.participants || []).map((n) => el('a', { class: 'chip', href: '/' + qs({ entity: n }), title: 'claims about ' + n }, n))),
        el('div', { class: 'head-row' }, stanceBar(c), el('span', { class: 'muted small' }, 'sources asserting / denying / hedging'),
          el('span', { class: 'spacer' }),
          trail.omitted > 0 ? el('span', { class: 'omitted', 'data-testid': 'omitted', title: 'the server lists at most the oldest 100 statements of each stance' },
            'oldest ' + fmtInt(sts.length) + ' statements listed · ' + fmtInt(trail.omitted) + ' later not shown') : null,
          el('span', { class: 'seg-toggle', role: 'group', 'aria-label': 'view' },
            el('a', { href: '/claims/' + Number(c.id), class: grouped ? '' : 'on', 'data-testid': 'view-statements' }, 'Statements'),
            el('a', { href: '/claims/' + Number(c.id) + '?view=sources', class: grouped ? 'on' : '', 'data-testid': 'view-sources' }, 'By source')))),
      sts.length ? el('div', { class: 'sides' },
        side('Asserts', asserts, 'side-asserts', 'side-a'),
        side('Denies', denies, 'side-denies', 'side-d'),
        side('Hedges / no knowledge', rest, 'side-hedges', 'side-h'))
        : empty('No statements are linked to this claim.'),
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // Entity: /entities/{id}
  // ---------------------------------------------------------------------------------------------

  /** Parses "2015", "2015-08", "2015-08-07" (and longer ISO strings) to a UTC time in ms, or null. */
  function parseDate(s) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(s || ''));
    if (!m) return null;
    const y = +m[1];
    const mo = m[2] ? +m[2] - 1 : 6;
    const d = m[3] ? +m[3] : m[2] ? 15 : 1;
    const t = Date.UTC(y, mo, d);
    return Number.isFinite(t) ? t : null;
  }

  /** Inline SVG timeline: said / said-about lanes, dots colored by stance, hover titles. */
  function timeline(said, about, width) {
    const rows = [];
    for (const s of said) rows.push({ lane: 0, s });
    for (const s of about) rows.push({ lane: 1, s });
    const dated = rows.filter((r) => (r.t = parseDate(r.s.date || (r.s.article && r.s.article.published))) != null);
    const W = Math.max(320, width || 900);
    const laneH = 64;
    const padL = 112;
    const padR = 16;
    const top = 8;
    const H = top + laneH * 2 + 28;
    const svg = sv('svg', { class: 'timeline', 'data-testid': 'timeline', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', 'aria-label': 'timeline of statements' });
    if (!dated.length) {
      svg.appendChild(sv('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'tl-empty' }, 'no dated statements'));
      return { svg, undated: rows.length };
    }
    // Domain: the whole range, or the central 96% when a few stray dates (1507, 2099) would squash
    // the rest; strays are drawn at the edges as hollow marks.
    const ts = dated.map((r) => r.t).sort((a, b) => a - b);
    const q = (f) => ts[Math.min(ts.length - 1, Math.max(0, Math.round(f * (ts.length - 1))))];
    let t0 = ts[0];
    let t1 = ts[ts.length - 1];
    if (ts.length >= 20 && (t1 - t0) > 3 * (q(0.98) - q(0.02)) && q(0.98) > q(0.02)) { t0 = q(0.02); t1 = q(0.98); }
    const lo = t0;
    const hi = t1;
    const MONTH = 30.44 * 864e5;
    if (t1 - t0 < 6 * MONTH) { const mid = (t0 + t1) / 2; t0 = mid - 3 * MONTH; t1 = mid + 3 * MONTH; }
    const pad = (t1 - t0) * 0.03;
    t0 -= pad; t1 += pad;
    const x = (t) => padL + ((Math.max(t0, Math.min(t1, t)) - t0) / (t1 - t0)) * (W - padL - padR);

    // Lanes
    ['said', 'said about'].forEach((name, i) => {
      const y = top + i * laneH;
      svg.appendChild(sv('rect', { x: padL, y, width: W - padL - padR, height: laneH - 4, class: 'tl-lane' }));
      svg.appendChild(sv('text', { x: padL - 8, y: y + laneH / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'tl-lane-label' },
        name + ' (' + dated.filter((r) => r.lane === i).length + ')'));
    });
    // Axis ticks: nice steps of years, or of months when the range is short.
    const axisY = top + laneH * 2;
    const spanMonths = (t1 - t0) / MONTH;
    const maxTicks = Math.max(3, Math.floor((W - padL - padR) / 70));
    const steps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000];
    const stepM = steps.find((st) => spanMonths / st <= maxTicks) || 12000;
    const d0 = new Date(t0);
    let cur;
    if (stepM >= 12) {
      const ys = stepM / 12;
      cur = Date.UTC(Math.ceil((d0.getUTCFullYear() + 1) / ys) * ys, 0, 1);
    } else {
      const m0 = d0.getUTCFullYear() * 12 + d0.getUTCMonth() + 1;
      const m = Math.ceil(m0 / stepM) * stepM;
      cur = Date.UTC(Math.floor(m / 12), m % 12, 1);
    }
    let guard = 0;
    while (cur < t1 && guard++ < 200) {
      const dd = new Date(cur);
      const lbl = stepM >= 12 || dd.getUTCMonth() === 0 ? String(dd.getUTCFullYear()) : dd.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      const xx = x(cur);
      svg.appendChild(sv('line', { x1: xx, x2: xx, y1: top, y2: axisY + 4, class: 'tl-tick' }));
      svg.appendChild(sv('text', { x: xx, y: axisY + 16, 'text-anchor': 'middle', class: 'tl-tick-label' }, lbl));
      cur = Date.UTC(dd.getUTCFullYear(), dd.getUTCMonth() + stepM, 1);
    }
    const stray = (t) => t < lo || t > hi;

    if (dated.length > 300) {
      // Many statements: stacked bars per month (or per year over long ranges), by stance.
      const byYear = spanMonths > 120;
      const binOf = (t) => { const d = new Date(t); return byYear ? Date.UTC(d.getUTCFullYear(), 0, 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); };
      const nextBin = (b) => { const d = new Date(b); return byYear ? Date.UTC(d.getUTCFullYear() + 1, 0, 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); };
      const bins = new Map();
      for (const r of dated) {
        const b = binOf(Math.max(lo, Math.min(hi, r.t)));
        const key = r.lane + ':' + b;
        let e = bins.get(key);
        if (!e) bins.set(key, (e = { lane: r.lane, b, n: 0, by: {} }));
        e.n++;
        e.by[r.s.stance] = (e.by[r.s.stance] || 0) + 1;
      }
      const maxN = Math.max(1, ...Array.from(bins.values()).map((e) => e.n));
      for (const e of bins.values()) {
        const x0 = x(e.b);
        const w = Math.max(2, x(nextBin(e.b)) - x0 - 1);
        let y = top + e.lane * laneH + laneH - 6;
        const g = sv('g', { class: 'tl-bar' }, sv('title', null, (byYear ? new Date(e.b).getUTCFullYear() : new Date(e.b).toISOString().slice(0, 7)) + ' · ' + e.n + ' statements\n' +
          STANCES.filter((k) => e.by[k]).map((k) => e.by[k] + ' ' + STANCE_LABEL[k]).join(', ')));
        for (const k of STANCES) {
          const c = e.by[k] || 0;
          if (!c) continue;
          const h = (c / maxN) * (laneH - 12);
          y -= h;
          g.appendChild(sv('rect', { x: x0.toFixed(1), y: y.toFixed(1), width: w.toFixed(1), height: Math.max(0.8, h).toFixed(1), class: 'tl-dot ' + stanceClass(k) }));
        }
        svg.appendChild(g);
      }
      return { svg, undated: rows.length - dated.length };
    }

    // Dots, stacked where they collide.
    const R = 4.5;
    const bins = new Map();
    dated.sort((a, b) => a.t - b.t);
    for (const r of dated) {
      const xx = x(r.t);
      const key = r.lane + ':' + Math.round(xx / (R * 2));
      const k = bins.get(key) || 0;
      bins.set(key, k + 1);
      const maxStack = Math.floor((laneH - 10) / (R * 2));
      const off = ((k % maxStack) - (maxStack - 1) / 2) * (R * 2);
      const yy = top + r.lane * laneH + (laneH - 4) / 2 + (k === 0 ? 0 : off);
      const s = r.s;
      const who = r.lane === 0 ? '' : (s.source || '?') + ' — ';
      const c = sv('circle', { cx: xx.toFixed(1), cy: yy.toFixed(1), r: R, class: 'tl-dot ' + stanceClass(s.stance) + (stray(r.t) ? ' stray' : ''), 'data-stance': s.stance, tabindex: 0 },
        sv('title', null, (s.date || '?') + ' · ' + who + (STANCE_LABEL[s.stance] || s.stance) + ' · ' + (s.gist || '') + '\n“' + (s.quote || '') + '”'));
      const target = s.claim != null ? '/claims/' + Number(s.claim) : s.article ? '/articles/' + Number(s.article.id) : null;
      if (target) {
        c.addEventListener('click', () => navigate(target));
        c.addEventListener('keydown', (e) => { if (e.key === 'Enter') navigate(target); });
      }
      svg.appendChild(c);
    }
    return { svg, undated: rows.length - dated.length };
  }

  function entityTable(list, withSource) {
    if (!list.length) return empty('None.');
    const LIMIT = 200;
    const tbody = el('tbody');
    const addRows = (from, to) => {
      for (const s of list.slice(from, to)) {
        tbody.appendChild(el('tr', { 'data-testid': 'entity-statement', 'data-stance': s.stance },
          el('td', { class: 'c-date' }, s.date || '–'),
          withSource ? el('td', null, s.source || '(the article)') : null,
          el('td', null, stanceBadge(s.stance)),
          el('td', { class: 'c-claim' }, s.claim != null ? el('a', { href: '/claims/' + Number(s.claim) }, s.gist || 'claim #' + s.claim) : el('span', { class: 'muted' }, s.gist || '–')),
          el('td', { class: 'c-quote' }, clampText(quoted(s.quote)), (s.via || []).length ? el('div', { class: 'muted small' }, 'via ' + s.via.join(', citing ')) : null),
          el('td', null, articleRef(s.article))));
      }
    };
    addRows(0, LIMIT);
    const table = el('table', { class: 'list' }, el('thead', null, el('tr', null, el('th', null, 'Date'), withSource ? el('th', null, 'Source') : null,
      el('th', null, 'Stance'), el('th', null, 'Claim'), el('th', null, 'Quote'), el('th', null, 'Article'))), tbody);
    const wrap = el('div', { class: 'table-wrap' }, table);
    if (list.length > LIMIT) {
      const more = el('button', { type: 'button', class: 'btn' }, 'Show all ' + list.length);
      more.addEventListener('click', () => { addRows(LIMIT, list.length); more.remove(); });
      wrap.appendChild(more);
    }
    return wrap;
  }

  async function viewEntity(ctx, m) {
    const id = m[1];
    const e = await loadPage(ctx, 'entity', id, () => api('/entities/' + id));
    if (!e) return;
    document.title = (e.name || 'Entity') + ' · claimtrail';
    const said = e.said || [];
    const about = e.said_about || [];
    const tlBox = el('div', { class: 'tl-box' });
    append(main, [
      el('nav', { class: 'crumbs' }, el('a', { href: '/' }, 'Claim board'), ' / entity #' + Number(e.id)),
      el('div', { class: 'entity-head', 'data-testid': 'entity-head' },
        el('h1', null, e.name || '?', ' ', kindChip(e.kind)),
        el('div', { class: 'meta' },
          el('span', null, el('b', null, fmtInt(e.articles)), ' articles'),
          el('span', null, el('b', null, fmtInt(said.length)), ' statements made'),
          el('span', null, el('b', null, fmtInt(about.length)), ' statements about'),
          el('a', { href: '/' + qs({ entity: e.name }) }, 'claims about ' + (e.name || 'this entity') + ' →')),
        (e.aliases || []).length ? el('div', { class: 'kv' }, el('span', { class: 'k' }, 'Also called'), chipList(e.aliases || [], 24)) : null,
        (e.roles || []).length ? el('div', { class: 'kv' }, el('span', { class: 'k' }, 'Roles'), (e.roles || []).map((r) => el('span', { class: 'chip plain role' }, r))) : null),
      el('section', { class: 'panel' }, el('h2', null, 'Timeline'), tlBox,
        el('div', { class: 'legend' }, STANCES.map((s) => el('span', { class: 'lg' }, el('span', { class: 'dot ' + stanceClass(s) }), STANCE_LABEL[s])))),
      el('section', { class: 'panel', 'data-testid': 'said' }, el('h2', null, 'What ' + (e.name || 'they') + ' said ', el('span', { class: 'count' }, String(said.length))), entityTable(said, false)),
      el('section', { class: 'panel', 'data-testid': 'said-about' }, el('h2', null, 'What was said about ' + (e.name || 'them') + ' ', el('span', { class: 'count' }, String(about.length))), entityTable(about, true)),
    ]);
    const draw = () => {
      const { svg, undated } = timeline(said, about, tlBox.clientWidth);
      clear(tlBox).appendChild(svg);
      if (undated) tlBox.appendChild(el('div', { class: 'muted small' }, undated + ' statement' + (undated === 1 ? '' : 's') + ' without a date are not drawn.'));
    };
    draw();
    const onResize = debounce(draw, 150);
    window.addEventListener('resize', onResize);
    ctx.onLeave(() => window.removeEventListener('resize', onResize));
  }

  // ---------------------------------------------------------------------------------------------
  // Article: /articles/{id}
  // ---------------------------------------------------------------------------------------------

  async function viewArticle(ctx, m) {
    const id = m[1];
    const loaded = await loadPage(ctx, 'article', id, async () => {
      const lp = api('/articles/' + id + '/links').catch(() => null);
      const a = await getArticle(id);
      return { art: a, links: await lp };
    });
    if (!loaded) return;
    const { art, links } = loaded;
    const doc = art.document || {};
    document.title = (doc.title || doc.id || 'Article') + ' · claimtrail';
    const claimIds = new Map((links && links.claims) || []);
    const entIds = new Map((links && links.entities) || []);
    const ents = new Map((art.entities || []).map((e) => [e.id, e]));
    const claims = new Map((art.claims || []).map((c) => [c.id, c]));
    const attrs = art.attributions || [];
    const cps = art._cps;
    const n = cps.length;
    const clamp = (v) => Math.max(0, Math.min(n, v | 0));

    // Spans: [start, end, type, ref]. Types: src, cue, content (attribution parts), ent, time.
    const spans = [];
    attrs.forEach((a, i) => {
      for (const part of ['source', 'cue', 'content']) {
        const p = a[part];
        if (p && p.end > p.start) spans.push({ s: clamp(p.start), e: clamp(p.end), type: part === 'source' ? 'src' : part, attr: i });
      }
    });
    for (const e of art.entities || []) {
      for (const mm of e.mentions || []) if (mm[1] > mm[0]) spans.push({ s: clamp(mm[0]), e: clamp(mm[1]), type: 'ent', ent: e.id });
    }
    for (const t of art.times || []) if (t.end > t.start) spans.push({ s: clamp(t.start), e: clamp(t.end), type: 'time', time: t });

    // Segments from sorted boundaries: each segment knows every span covering it, so overlaps nest fine.
    const bounds = new Set([0, n]);
    for (const sp of spans) { bounds.add(sp.s); bounds.add(sp.e); }
    const cuts = Array.from(bounds).filter((b) => b >= 0 && b <= n).sort((a, b) => a - b);
    const starts = new Map();
    for (const sp of spans) { if (sp.e > sp.s) { if (!starts.has(sp.s)) starts.set(sp.s, []); starts.get(sp.s).push(sp); } }
    const active = new Set();
    const textBox = el('div', { class: 'article-text', 'data-testid': 'article-text', lang: doc.language || 'en' });
    const segsByAttr = attrs.map(() => []);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i];
      const b = cuts[i + 1];
      for (const sp of active) if (sp.e <= a) active.delete(sp);
      for (const sp of starts.get(a) || []) active.add(sp);
      const text = cps.slice(a, b).join('');
      if (!active.size) { textBox.appendChild(document.createTextNode(text)); continue; }
      const cls = new Set(['seg']);
      const aIds = new Set();
      let ent = null;
      let time = null;
      for (const sp of active) {
        if (sp.type === 'ent') { cls.add('s-ent'); ent = sp.ent; } else if (sp.type === 'time') { cls.add('s-time'); time = sp.time; } else { cls.add('s-' + sp.type); aIds.add(sp.attr); }
      }
      for (const ai of aIds) cls.add(stanceClass(attrs[ai].stance));
      if (aIds.size > 1) cls.add('s-multi');
      let seg;
      if (!aIds.size && ent && entIds.has(ent)) {
        seg = el('a', { class: Array.from(cls).join(' '), href: '/entities/' + Number(entIds.get(ent)) }, text);
      } else {
        seg = el('span', { class: Array.from(cls).join(' ') }, text);
      }
      const titles = [];
      if (ent && ents.has(ent)) titles.push(ents.get(ent).name + ' (' + ents.get(ent).kind + ')');
      if (time) titles.push('time: ' + (time.value || '?') + ' (' + time.text + ')');
      if (aIds.size) {
        seg.setAttribute('data-testid', 'attr');
        seg.setAttribute('data-attr', Array.from(aIds).map((ai) => attrs[ai].id).join(' '));
        seg._attrs = Array.from(aIds);
        for (const ai of aIds) segsByAttr[ai].push(seg);
      }
      for (const ai of aIds) {
        const at = attrs[ai];
        titles.push(at.id + ': ' + (at.source ? at.source.name || at.source.text : 'the article') + ' — ' + (STANCE_LABEL[at.stance] || at.stance) + (at.claim ? ' · claim ' + at.claim : '') + ' (click for details)');
      }
      if (titles.length) seg.setAttribute('title', titles.join('\n'));
      textBox.appendChild(seg);
    }

    // Details panel
    const detail = el('div', { class: 'attr-detail', 'data-testid': 'attr-detail' }, el('div', { class: 'muted' }, 'Click a highlighted attribution to see its source, stance, relay chain and claim.'));
    const listBox = el('ol', { class: 'attr-list', 'data-testid': 'attr-list' });
    let selected = -1;
    const entLink = (localId, text) => (localId && entIds.has(localId)
      ? el('a', { href: '/entities/' + Number(entIds.get(localId)) }, text)
      : el('span', null, text));
    function select(i, scroll) {
      for (const s of document.querySelectorAll('.seg.sel')) s.classList.remove('sel');
      for (const li of listBox.children) li.classList.toggle('sel', Number(li.getAttribute('data-index')) === i);
      selected = i;
      clear(detail);
      if (i < 0) return;
      for (const s of segsByAttr[i]) s.classList.add('sel');
      if (scroll && segsByAttr[i][0]) segsByAttr[i][0].scrollIntoView({ block: 'center', behavior: 'smooth' });
      const a = attrs[i];
      const src = a.source;
      const cid = a.claim;
      const claim = cid ? claims.get(cid) : null;
      const row = (k, ...v) => el('div', { class: 'kv' }, el('span', { class: 'k' }, k), el('span', { class: 'v' }, v));
      append(detail, [
        el('div', { class: 'attr-title' }, el('b', null, a.id), ' ', stanceBadge(a.stance), a.form ? el('span', { class: 'chip plain' }, a.form) : null),
        row('source', src ? entLink(src.entity, src.name || src.text) : el('span', { class: 'muted' }, '(the article’s own voice)'),
          src ? ' ' : null, src ? kindChip(src.kind) : null,
          src && src.name && src.text !== src.name ? el('div', { class: 'muted small' }, 'as written: “' + src.text + '”') : null),
        row('cue', a.cue ? '“' + a.cue.text + '”' : '–'),
        row('content', el('span', { class: 'content-text' }, a.content ? a.content.text : '–')),
        row('via', (a.via || []).length ? el('span', { class: 'via' }, [...(a.via || [])].reverse().map((v, j) => [j ? el('span', { class: 'arrow', 'aria-hidden': 'true' }) : null, el('span', { class: 'hop relay' }, entLink(v.entity, v.text))])) : el('span', { class: 'muted' }, 'direct')),
        a.said_on ? row('said on', typeof a.said_on === 'object' ? (a.said_on.value || a.said_on.text || JSON.stringify(a.said_on)) : a.said_on) : null,
        row('claim', cid
          ? (claimIds.has(cid)
            ? el('a', { href: '/claims/' + Number(claimIds.get(cid)), 'data-testid': 'attr-claim' }, claim ? claim.gist : cid)
            : el('span', null, claim ? claim.gist : cid))
          : el('span', { class: 'muted' }, 'none')),
      ]);
    }
    attrs.forEach((a, i) => {
      const li = el('li', { 'data-index': i, class: stanceClass(a.stance), tabindex: 0 },
        el('span', { class: 'who' }, a.source ? a.source.name || a.source.text : '(article)'), ' ', stanceBadge(a.stance), ' ',
        el('span', { class: 'muted' }, (a.content ? a.content.text : '').slice(0, 90) + (a.content && a.content.text.length > 90 ? '…' : '')));
      li.addEventListener('click', () => select(i, true));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(i, true); });
      listBox.appendChild(li);
    });
    textBox.addEventListener('click', (e) => {
      const seg = e.target.closest('.seg');
      if (!seg || !seg._attrs) return;
      // The innermost attribution (shortest content) wins; a second click cycles through overlaps.
      const order = seg._attrs.slice().sort((x, y) => extent(attrs[x]) - extent(attrs[y]));
      const k = order.indexOf(selected);
      select(order[(k + 1) % order.length], false);
    });
    const extent = (a) => (a.content ? a.content.end - a.content.start : 0) + (a.source ? a.source.end - a.source.start : 0);
    textBox.addEventListener('mouseover', (e) => {
      const seg = e.target.closest('.seg');
      for (const s of textBox.querySelectorAll('.seg.hov')) s.classList.remove('hov');
      if (!seg || !seg._attrs) return;
      for (const ai of seg._attrs) for (const s of segsByAttr[ai]) s.classList.add('hov');
    });
    textBox.addEventListener('mouseleave', () => { for (const s of textBox.querySelectorAll('.seg.hov')) s.classList.remove('hov'); });

    const copies = (links && links.copies) || [];
    const copyOf = links && links.copy_of;
    const legend = el('div', { class: 'legend', 'data-testid': 'legend' },
      el('span', { class: 'lg' }, el('span', { class: 'sw s-src' }), 'source'),
      el('span', { class: 'lg' }, el('span', { class: 'sw s-cue' }), 'cue'),
      el('span', { class: 'lg' }, el('span', { class: 'sw s-content' }), 'content'),
      el('span', { class: 'lg' }, el('span', { class: 'sw s-ent-sw' }), 'entity'),
      el('span', { class: 'lg' }, el('span', { class: 'sw s-time-sw' }), 'time'),
      el('span', { class: 'lg muted' }, 'content underline = stance:'),
      STANCES.map((s) => el('span', { class: 'lg' }, el('span', { class: 'dot ' + stanceClass(s) }), STANCE_LABEL[s])));
    append(main, [
      el('nav', { class: 'crumbs' }, el('a', { href: '/' }, 'Claim board'), ' / article #' + Number(id)),
      el('div', { class: 'article-head', 'data-testid': 'article-head' },
        el('h1', { 'data-testid': 'article-title' }, doc.title || doc.id || 'Untitled article'),
        el('div', { class: 'meta' },
          doc.outlet ? el('span', { 'data-testid': 'article-outlet' }, el('b', null, doc.outlet)) : null,
          doc.published ? el('span', null, doc.published) : null,
          el('span', { class: 'muted' }, 'id ', doc.id || ''),
          doc.url ? el('span', { 'data-testid': 'article-url' }, extLink(doc.url)) : null,
          el('span', null, el('b', null, String(attrs.length)), attrs.length === 1 ? ' attribution' : ' attributions'),
          el('span', null, el('b', null, String((art.claims || []).length)), (art.claims || []).length === 1 ? ' claim' : ' claims')),
        copyOf ? el('div', { class: 'kv' }, el('span', { class: 'k' }, 'Copy of'), articleRef(copyOf)) : null,
        copies.length ? el('div', { class: 'kv', 'data-testid': 'copies' }, el('span', { class: 'k' }, copies.length + (copies.length === 1 ? ' copy' : ' copies')),
          el('span', { class: 'v' }, copies.map((c) => el('span', { class: 'copy' }, articleRef(c))))) : null),
      legend,
      el('div', { class: 'article-layout' },
        el('div', { class: 'article-main panel' }, n ? textBox : empty('This article has no text.')),
        el('aside', { class: 'article-side' },
          el('section', { class: 'panel sticky' }, el('h2', null, 'Attribution'), detail),
          el('section', { class: 'panel' }, el('h2', null, 'All attributions ', el('span', { class: 'count' }, String(attrs.length))),
            attrs.length ? listBox : empty('No attributions found in this article.')),
          (art.claims || []).length ? el('section', { class: 'panel' }, el('h2', null, 'Claims'),
            el('ul', { class: 'plain-list' }, art.claims.map((c) => el('li', null,
              claimIds.has(c.id) ? el('a', { href: '/claims/' + Number(claimIds.get(c.id)) }, c.gist) : c.gist,
              c.contested ? el('span', { class: 'badge contested-badge' }, 'contested') : null)))) : null,
          (art.entities || []).length ? el('section', { class: 'panel' }, el('h2', null, 'Entities'),
            el('div', { class: 'chips' }, art.entities.map((e2) => (entIds.has(e2.id)
              ? el('a', { class: 'chip', href: '/entities/' + Number(entIds.get(e2.id)), title: e2.kind }, e2.name)
              : el('span', { class: 'chip plain', title: e2.kind }, e2.name))))) : null)),
    ]);
    const want = ctx.params.get('attr');
    if (want) {
      const i = attrs.findIndex((a) => a.id === want);
      if (i >= 0) select(i, true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Search: /search?q=
  // ---------------------------------------------------------------------------------------------

  async function viewSearch(ctx) {
    const q = (ctx.params.get('q') || '').trim();
    const offset = Math.max(0, parseInt(ctx.params.get('offset') || '0', 10) || 0);
    document.title = (q ? q + ' · ' : '') + 'Search · claimtrail';
    const input = el('input', { type: 'search', name: 'q', value: q, placeholder: 'Words to find, or a sentence to check against stored claims', 'data-testid': 'search-input', autofocus: true });
    const form = el('form', { class: 'search-form', role: 'search' }, input, el('button', { type: 'submit', class: 'btn primary' }, 'Search'));
    routeForm(form, '/search');
    append(main, [el('div', { class: 'page-head' }, el('h1', null, 'Search')), form]);
    if (!q) {
      main.appendChild(empty('Type words to search articles and statements.', 'A whole sentence (for example “Soleimani visited Moscow in July”) is also checked against the stored claims: who asserts it, who denies it.'));
      return;
    }
    const checkBox = el('section', { class: 'panel', 'data-testid': 'check' }, el('h2', null, 'Claim check'), loading('Checking the sentence…'));
    const hitsBox = el('section', { class: 'panel', 'data-testid': 'search-results' }, el('h2', null, 'Articles and statements'), loading('Searching…'));
    append(main, [el('div', { class: 'search-cols' }, hitsBox, checkBox)]);

    const pHits = api('/search', { q, offset: offset || null, limit: 25 });
    const pCheck = offset ? null : api('/check', { q, limit: 10 });
    try {
      const page = await pHits;
      if (!ctx.alive()) return;
      const items = page.items || [];
      clear(hitsBox).appendChild(el('h2', null, 'Articles and statements'));
      if (!items.length) hitsBox.appendChild(empty('Nothing found for “' + q + '”.', 'Try fewer or other words.'));
      for (const h of items) {
        const a = h.article || {};
        hitsBox.appendChild(el('div', { class: 'hit', 'data-testid': 'search-hit', 'data-kind': h.kind },
          el('div', { class: 'hit-head' }, el('span', { class: 'badge kind-' + (h.kind === 'article' ? 'article' : 'statement') }, h.kind || 'hit'), ' ',
            articleRef(a), h.claim != null ? el('a', { class: 'hit-claim', href: '/claims/' + Number(h.claim) }, 'claim #' + Number(h.claim) + ' →') : null),
          el('div', { class: 'hit-snippet' }, snippet(h.snippet))));
      }
      if (items.length || offset) hitsBox.appendChild(pager({ q }, page, '/search'));
    } catch (err) {
      if (!ctx.alive()) return;
      clear(hitsBox).append(el('h2', null, 'Articles and statements'), errorBox(err, 'search results'));
    }
    if (!pCheck) { checkBox.remove(); return; }
    try {
      const r = await pCheck;
      if (!ctx.alive()) return;
      clear(checkBox).appendChild(el('h2', null, 'Claim check'));
      checkBox.appendChild(el('p', { class: 'muted small' }, 'Stored claims that say the same as “' + (r.query || q) + '”, and the stance of each document toward it as written.'));
      const ms = r.matches || [];
      if (!ms.length) checkBox.appendChild(empty('No stored claim matches this sentence.'));
      for (const mt of ms) {
        const docs = mt.documents || [];
        const counts = {};
        for (const d of docs) counts[d.stance] = (counts[d.stance] || 0) + 1;
        checkBox.appendChild(el('div', { class: 'match', 'data-testid': 'check-match' },
          el('div', { class: 'hit-head' },
            mt.claim != null ? el('a', { href: '/claims/' + Number(mt.claim), class: 'gist' }, mt.gist || 'claim #' + mt.claim) : el('b', null, mt.gist || '?'),
            el('span', { class: 'score', title: 'match score' }, typeof mt.score === 'number' ? mt.score.toFixed(2) : '')),
          stanceBar(counts),
          el('ul', { class: 'docs' }, docs.map((d) => {
            const aid = d.article && typeof d.article === 'object' ? d.article.id : d.article;
            return el('li', { class: stanceClass(d.stance) }, stanceBadge(d.stance), ' ', el('b', null, d.source || '?'), ' ',
              el('span', { class: 'quote-inline' }, quoted(d.quote)), ' ',
              aid != null ? el('a', { href: '/articles/' + Number(aid), class: 'muted' }, d.article && d.article.title ? d.article.title : d.id || 'article') : el('span', { class: 'muted' }, d.id || ''));
          }))));
      }
    } catch (err) {
      if (!ctx.alive()) return;
      clear(checkBox).append(el('h2', null, 'Claim check'), errorBox(err, 'check results'));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Network: /network
  // ---------------------------------------------------------------------------------------------

  const KINDS = ['person', 'organization', 'outlet', 'location', 'anonymous', 'other', 'unresolved', 'unknown'];

  /** The entity id of a graph node: an explicit field, or an id like "e:42". */
  function nodeEntity(nd) {
    if (typeof nd.entity === 'number') return nd.entity;
    const m = /^e:(\d+)$/.exec(String(nd.id));
    return m ? Number(m[1]) : null;
  }

  /**
   * Force-directed layout (Fruchterman-Reingold with a grid for short-range repulsion, so a step is
   * about linear in nodes + edges). Runs `iters` steps in slices so the page stays responsive.
   */
  function layout(nodes, edges, iters, alive, onProgress) {
    const n = nodes.length;
    // The ideal edge length follows the node sizes (the view is fitted afterwards anyway).
    const meanR = nodes.reduce((a, nd) => a + nd.r, 0) / Math.max(1, n);
    const maxR = nodes.reduce((a, nd) => Math.max(a, nd.r), 0);
    const k = Math.max(30, 2.4 * meanR + 16);
    const k2 = k * k;
    const cell = Math.max(2 * k, 2 * maxR + 6);
    // Deterministic start: a sunflower spiral, heavy nodes in the middle.
    const order = nodes.map((_, i) => i).sort((a, b) => nodes[b].weight - nodes[a].weight);
    order.forEach((idx, r) => {
      const rad = k * 0.8 * Math.sqrt(r + 0.5);
      const th = r * 2.399963;
      nodes[idx].x = rad * Math.cos(th);
      nodes[idx].y = rad * Math.sin(th);
    });
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    let it = 0;
    let sep = 0;
    return new Promise((resolve) => {
      const step = () => {
        if (!alive()) return resolve(false);
        const t0 = performance.now();
        while (it >= iters && sep < 150 && performance.now() - t0 < 24) {
          if (!separatePass(nodes, cell)) sep = 150;
          sep++;
        }
        while (it < iters && performance.now() - t0 < 24) {
          const temp = k * 2 * (1 - it / iters) + k * 0.02;
          dx.fill(0); dy.fill(0);
          forNearPairs(nodes, cell, (i, j) => {
            let ddx = nodes[i].x - nodes[j].x;
            let ddy = nodes[i].y - nodes[j].y;
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 > cell * cell) return;
            if (d2 < 0.01) { ddx = (i % 7) - 3 + 0.1; ddy = (j % 5) - 2 + 0.1; d2 = ddx * ddx + ddy * ddy; }
            const f = k2 / d2;
            dx[i] += ddx * f; dy[i] += ddy * f;
            dx[j] -= ddx * f; dy[j] -= ddy * f;
          });
          for (const e of edges) {
            const a = nodes[e.s];
            const b = nodes[e.t];
            const ddx = a.x - b.x;
            const ddy = a.y - b.y;
            const d = Math.sqrt(ddx * ddx + ddy * ddy) + 0.01;
            const f = (d / k) * (1 + Math.log1p(e.weight) * 0.3);
            dx[e.s] -= ddx * f; dy[e.s] -= ddy * f;
            dx[e.t] += ddx * f; dy[e.t] += ddy * f;
          }
          for (let i = 0; i < n; i++) {
            const a = nodes[i];
            // Gravity keeps islands and isolated nodes near the middle.
            dx[i] -= a.x * 0.04 * (a.deg ? 1 : 2.5);
            dy[i] -= a.y * 0.04 * (a.deg ? 1 : 2.5);
            const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
            if (d > 0) {
              const lim = Math.min(d, temp);
              a.x += (dx[i] / d) * lim;
              a.y += (dy[i] / d) * lim;
            }
          }
          it++;
        }
        if (onProgress) onProgress(it / iters);
        if (it < iters || sep < 150) setTimeout(step, 0);
        else resolve(true);
      };
      step();
    });
  }

  /** Calls f(i, j) for every pair i < j of nodes in the same or neighbouring cells of a grid of
   *  `cell`-sized squares (the cell of node i is taken when its turn comes). */
  function forNearPairs(nodes, cell, f) {
    const n = nodes.length;
    const grid = new Map();
    for (let i = 0; i < n; i++) {
      const key = Math.floor(nodes[i].x / cell) + ',' + Math.floor(nodes[i].y / cell);
      let b = grid.get(key);
      if (!b) grid.set(key, (b = []));
      b.push(i);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(nodes[i].x / cell);
      const cy = Math.floor(nodes[i].y / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const j of grid.get(gx + ',' + gy) || []) {
            if (j > i) f(i, j);
          }
        }
      }
    }
  }

  /** Pushes overlapping circles apart (one relaxation pass over a grid), so every node can be
   *  pointed at. Returns how many pairs it moved. */
  function separatePass(nodes, cell) {
    let moved = 0;
    forNearPairs(nodes, cell, (i, j) => {
      const a = nodes[i];
      const b = nodes[j];
      let ddx = b.x - a.x;
      let ddy = b.y - a.y;
      let d = Math.sqrt(ddx * ddx + ddy * ddy);
      const min = a.r + b.r + 3;
      if (d >= min) return;
      if (d < 0.01) { ddx = 1; ddy = (i % 3) - 1; d = Math.sqrt(ddx * ddx + ddy * ddy); }
      const push = (min - d) / 2 + 0.5;
      a.x -= (ddx / d) * push; a.y -= (ddy / d) * push;
      b.x += (ddx / d) * push; b.y += (ddy / d) * push;
      moved++;
    });
    return moved;
  }

  async function viewNetwork(ctx) {
    document.title = 'Source network · claimtrail';
    const maxNodes = Math.min(2000, Math.max(10, parseInt(ctx.params.get('max_nodes') || '150', 10) || 150));
    const sel = el('select', { name: 'max_nodes', 'data-testid': 'max-nodes', 'aria-label': 'nodes' },
      Array.from(new Set([50, 150, 300, 500, 1000, maxNodes])).sort((a, b) => a - b).map((v) => { const o = el('option', { value: v }, v + ' nodes'); if (v === maxNodes) o.selected = true; return o; }));
    const linkedOnly = ctx.params.get('linked') === '1';
    const linkedBox = el('input', { type: 'checkbox', 'data-testid': 'linked-only' });
    linkedBox.checked = linkedOnly;
    const go = () => navigate('/network' + qs({ max_nodes: sel.value === '150' ? null : sel.value, linked: linkedBox.checked ? '1' : null }));
    sel.addEventListener('change', go);
    linkedBox.addEventListener('change', go);
    const status = el('span', { class: 'muted', 'data-testid': 'network-status' });
    const find = el('input', { type: 'search', placeholder: 'find a source', 'aria-label': 'find a source in the graph', 'data-testid': 'network-find', class: 'net-find' });
    const stage = el('div', { class: 'net-stage' }, loading('Loading the source network…'));
    const info = el('div', { class: 'net-info', 'data-testid': 'network-info' }, el('div', { class: 'muted' }, 'Hover a node to see who it cites and who cites it. Click a named node to open its page. Drag nodes; wheel to zoom; drag the background to pan.'));
    const legend = el('div', { class: 'legend' });
    append(main, [
      el('div', { class: 'page-head' }, el('h1', null, 'Source network'), el('span', { class: 'muted' }, 'who is cited by whom'),
        el('span', { class: 'spacer' }), find, el('label', { class: 'inline-check' }, linkedBox, ' only linked nodes'), sel),
      el('div', { class: 'legend-row' }, legend, status),
      el('div', { class: 'net-layout' }, stage, el('aside', { class: 'panel net-side' }, info)),
    ]);
    let g;
    try {
      g = await api('/sources/graph', { max_nodes: maxNodes });
    } catch (err) {
      if (!ctx.alive()) return;
      clear(stage).appendChild(errorBox(err, 'the source network'));
      return;
    }
    if (!ctx.alive()) return;
    let nodes = (g.nodes || []).map((nd) => ({ id: String(nd.id), label: nd.label || String(nd.id), kind: nd.kind || 'other', weight: Math.max(0, Number(nd.weight) || 0), entity: nodeEntity(nd), deg: 0, x: 0, y: 0 }));
    let edges = [];
    const link = () => {
      const index = new Map(nodes.map((nd, i) => [nd.id, i]));
      edges = [];
      for (const nd of nodes) nd.deg = 0;
      for (const e of g.edges || []) {
        const s = index.get(String(e.source));
        const t = index.get(String(e.target));
        if (s == null || t == null || s === t) continue;
        edges.push({ s, t, weight: Math.max(0, Number(e.weight) || 1), relation: e.relation || '' });
        nodes[s].deg++; nodes[t].deg++;
      }
    };
    link();
    const total = nodes.length;
    if (linkedOnly) { nodes = nodes.filter((nd) => nd.deg > 0); link(); }
    if (!nodes.length) {
      clear(stage).appendChild(total
        ? empty('None of the ' + total + ' sources is linked to another.', 'Untick “only linked nodes” to see them all.')
        : empty('The network is empty.', 'Nobody is cited by anybody yet: ingest articles with attributed statements.'));
      return;
    }
    const kindCount = {};
    for (const nd of nodes) kindCount[nd.kind] = (kindCount[nd.kind] || 0) + 1;
    append(legend, Object.keys(kindCount).sort((a, b) => KINDS.indexOf(a) - KINDS.indexOf(b)).map((kd) =>
      el('span', { class: 'lg' }, el('span', { class: 'dot k-' + kd.replace(/[^a-z_]/gi, '') }), kd + ' ' + kindCount[kd])));
    legend.appendChild(el('span', { class: 'lg muted' }, 'size = how often cited; edge width = how often one cites the other'));
    status.textContent = nodes.length + ' nodes, ' + edges.length + ' edges · laying out…';
    clear(stage).appendChild(loading('Laying out ' + nodes.length + ' nodes…'));
    const maxW = Math.max(1, ...nodes.map((nd) => nd.weight));
    for (const nd of nodes) nd.r = 4 + 11 * Math.sqrt(nd.weight / maxW);
    const iters = nodes.length > 800 ? 180 : 300;
    const done = await layout(nodes, edges, iters, ctx.alive, (f) => { status.textContent = nodes.length + ' nodes, ' + edges.length + ' edges · layout ' + Math.round(f * 100) + '%'; });
    if (!done || !ctx.alive()) return;
    status.textContent = nodes.length + ' nodes, ' + edges.length + ' edges';
    drawNetwork(ctx, stage, info, nodes, edges, find);
  }

  function drawNetwork(ctx, stage, info, nodes, edges, find) {
    const maxE = Math.max(1, ...edges.map((e) => e.weight));
    const adj = nodes.map(() => []);
    edges.forEach((e, i) => { adj[e.s].push(i); adj[e.t].push(i); });

    const svg = sv('svg', { class: 'network', 'data-testid': 'network', role: 'img', 'aria-label': 'source network graph' });
    const defs = sv('defs', null,
      sv('marker', { id: 'net-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' },
        sv('path', { d: 'M0,1 L9,5 L0,9 z', class: 'arrowhead' })));
    const view = sv('g', { class: 'viewport' });
    const edgeLayer = sv('g', { class: 'edges' });
    const nodeLayer = sv('g', { class: 'nodes' });
    view.append(edgeLayer, nodeLayer);
    svg.append(defs, view);
    clear(stage).appendChild(svg);

    const labelCut = Math.max(1, nodes.map((n) => n.weight).sort((a, b) => b - a)[Math.min(nodes.length - 1, 24)]);
    const edgeEls = edges.map((e) => {
      const line = sv('line', { class: 'edge', 'marker-end': 'url(#net-arrow)', 'data-testid': 'edge' },
        sv('title', null, nodes[e.s].label + ' → ' + nodes[e.t].label + (e.relation ? ' (' + e.relation + ')' : '') + ' · ' + e.weight));
      line.style.strokeWidth = (0.8 + 4 * Math.sqrt(e.weight / maxE)).toFixed(2);
      edgeLayer.appendChild(line);
      return line;
    });
    const nodeEls = nodes.map((nd, i) => {
      // (appended below in weight order, so big nodes are drawn on top)
      // The test hook sits on the circle: its center is always a point of the node.
      const gEl = sv('g', { class: 'node k-' + nd.kind.replace(/[^a-z_]/gi, '') + (nd.entity != null ? ' linked' : ''), 'data-id': nd.id, 'data-index': i, tabindex: 0 },
        sv('circle', { r: nd.r.toFixed(1), 'data-testid': 'node', 'data-id': nd.id, 'data-kind': nd.kind, 'data-entity': nd.entity != null ? nd.entity : null }),
        sv('text', { x: (nd.r + 3).toFixed(1), y: 4, class: nd.weight >= labelCut ? 'label major' : 'label' }, nd.label.length > 40 ? nd.label.slice(0, 38) + '…' : nd.label),
        sv('title', null, nd.label + ' (' + nd.kind + ') · weight ' + nd.weight + ' · ' + adj[i].length + ' links' + (nd.entity != null ? ' · click to open' : '')));
      return gEl;
    });
    nodes.map((nd, i) => i).sort((a, b) => nodes[a].weight - nodes[b].weight).forEach((i) => nodeLayer.appendChild(nodeEls[i]));
    function placeEdge(i) {
      const e = edges[i];
      const a = nodes[e.s];
      const b = nodes[e.t];
      const ddx = b.x - a.x;
      const ddy = b.y - a.y;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
      const l = edgeEls[i];
      l.setAttribute('x1', (a.x + (ddx / d) * a.r).toFixed(1));
      l.setAttribute('y1', (a.y + (ddy / d) * a.r).toFixed(1));
      l.setAttribute('x2', (b.x - (ddx / d) * (b.r + 2)).toFixed(1));
      l.setAttribute('y2', (b.y - (ddy / d) * (b.r + 2)).toFixed(1));
    }
    // Spread the layout to fill the stage (node sizes stay), rather than zooming in on it.
    {
      const W = svg.clientWidth || 900;
      const H = svg.clientHeight || 600;
      let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
      for (const nd of nodes) { x0 = Math.min(x0, nd.x); y0 = Math.min(y0, nd.y); x1 = Math.max(x1, nd.x); y1 = Math.max(y1, nd.y); }
      const f = Math.min((W - 200) / Math.max(1, x1 - x0), (H - 60) / Math.max(1, y1 - y0));
      if (f > 1 && Number.isFinite(f)) {
        const cx = (x0 + x1) / 2;
        const cy = (y0 + y1) / 2;
        for (const nd of nodes) { nd.x = cx + (nd.x - cx) * f; nd.y = cy + (nd.y - cy) * f; }
      }
    }
    if (edges.length > nodes.length * 4) svg.classList.add('dense');
    const placeNode = (i) => nodeEls[i].setAttribute('transform', 'translate(' + nodes[i].x.toFixed(1) + ',' + nodes[i].y.toFixed(1) + ')');
    nodes.forEach((_, i) => placeNode(i));
    edges.forEach((_, i) => placeEdge(i));

    // View transform: fit the drawing into the stage.
    let tx = 0;
    let ty = 0;
    let sc = 1;
    let frame = 0;
    const apply = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        view.setAttribute('transform', 'translate(' + tx.toFixed(1) + ',' + ty.toFixed(1) + ') scale(' + sc.toFixed(4) + ')');
      });
    };
    function fit() {
      const W = svg.clientWidth || 900;
      const H = svg.clientHeight || 600;
      let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
      for (const nd of nodes) { x0 = Math.min(x0, nd.x - nd.r); y0 = Math.min(y0, nd.y - nd.r); x1 = Math.max(x1, nd.x + nd.r + 60); y1 = Math.max(y1, nd.y + nd.r); }
      sc = Math.min(1.5, Math.min(W / (x1 - x0 + 40), H / (y1 - y0 + 40)));
      tx = W / 2 - ((x0 + x1) / 2) * sc;
      ty = H / 2 - ((y0 + y1) / 2) * sc;
      apply();
    }
    fit();
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      const px = e.clientX - rect.left;
      const py = e.clientY - rect.top;
      const f = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
      const ns = Math.max(0.05, Math.min(12, sc * f));
      tx = px - ((px - tx) * ns) / sc;
      ty = py - ((py - ty) * ns) / sc;
      sc = ns;
      apply();
    }, { passive: false });

    // Hover: highlight the node, its neighbors and its edges; show details in the side panel.
    function showInfo(i) {
      const nd = nodes[i];
      const outs = [];
      const ins = [];
      for (const ei of adj[i]) { const e = edges[ei]; if (e.s === i) outs.push([e.t, e]); else ins.push([e.s, e]); }
      const item = ([j, e]) => el('li', null, nodes[j].entity != null ? el('a', { href: '/entities/' + Number(nodes[j].entity) }, nodes[j].label) : nodes[j].label,
        el('span', { class: 'muted' }, ' · ' + e.weight + (e.relation ? ' ' + e.relation : '')));
      clear(info);
      append(info, [
        el('h2', null, nd.label), kindChip(nd.kind),
        el('div', { class: 'muted small' }, 'weight ' + nd.weight + ' · ' + adj[i].length + ' links'),
        nd.entity != null ? el('p', null, el('a', { href: '/entities/' + Number(nd.entity), 'data-testid': 'node-entity-link' }, 'Open entity page →')) : null,
        outs.length ? [el('h3', null, '→ cites / relayed through'), el('ul', { class: 'plain-list' }, outs.sort((a, b) => b[1].weight - a[1].weight).slice(0, 30).map(item))] : null,
        ins.length ? [el('h3', null, '← cited by / relays'), el('ul', { class: 'plain-list' }, ins.sort((a, b) => b[1].weight - a[1].weight).slice(0, 30).map(item))] : null,
      ]);
    }
    let hovered = -1;
    function hover(i) {
      if (hovered === i) return;
      if (hovered >= 0) {
        nodeEls[hovered].classList.remove('hl', 'focus');
        for (const ei of adj[hovered]) { edgeEls[ei].classList.remove('hl'); nodeEls[edges[ei].s].classList.remove('hl'); nodeEls[edges[ei].t].classList.remove('hl'); }
      }
      hovered = i;
      svg.classList.toggle('hovering', i >= 0);
      if (i < 0) return;
      nodeEls[i].classList.add('hl', 'focus');
      for (const ei of adj[i]) { edgeEls[ei].classList.add('hl'); nodeEls[edges[ei].s].classList.add('hl'); nodeEls[edges[ei].t].classList.add('hl'); }
      showInfo(i);
    }
    const nodeIndex = (target) => {
      const gEl = target.closest && target.closest('g.node');
      return gEl ? Number(gEl.getAttribute('data-index')) : -1;
    };
    svg.addEventListener('pointerover', (e) => { if (!drag) hover(nodeIndex(e.target)); });
    svg.addEventListener('pointerleave', () => { if (!drag) hover(-1); });
    svg.addEventListener('focusin', (e) => hover(nodeIndex(e.target)));
    svg.addEventListener('keydown', (e) => {
      const i = nodeIndex(e.target);
      if (e.key === 'Enter' && i >= 0 && nodes[i].entity != null) navigate('/entities/' + nodes[i].entity);
    });

    // Drag a node, or pan the background. A press that barely moves is a click.
    let drag = null;
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const i = nodeIndex(e.target);
      drag = { i, x: e.clientX, y: e.clientY, moved: 0, tx, ty };
      svg.setPointerCapture(e.pointerId);
      svg.classList.add('dragging');
    });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const ddx = e.clientX - drag.x;
      const ddy = e.clientY - drag.y;
      drag.moved = Math.max(drag.moved, Math.abs(ddx) + Math.abs(ddy));
      if (drag.i >= 0) {
        const nd = nodes[drag.i];
        nd.x += ddx / sc;
        nd.y += ddy / sc;
        drag.x = e.clientX;
        drag.y = e.clientY;
        placeNode(drag.i);
        for (const ei of adj[drag.i]) placeEdge(ei);
      } else {
        tx = drag.tx + ddx;
        ty = drag.ty + ddy;
        apply();
      }
    });
    const endDrag = (e) => {
      if (!drag) return;
      const d = drag;
      drag = null;
      svg.classList.remove('dragging');
      try { svg.releasePointerCapture(e.pointerId); } catch (err) { /* already released */ }
      if (d.moved < 4 && d.i >= 0 && e.type === 'pointerup') {
        const nd = nodes[d.i];
        if (nd.entity != null) navigate('/entities/' + nd.entity);
        else showInfo(d.i);
      }
    };
    svg.addEventListener('pointerup', endDrag);
    svg.addEventListener('pointercancel', endDrag);
    // Find: mark nodes whose label contains the words typed.
    if (find) {
      const run = () => {
        const q = find.value.trim().toLowerCase();
        let hits = 0;
        nodes.forEach((nd, i) => {
          const m = !!q && nd.label.toLowerCase().includes(q);
          nodeEls[i].classList.toggle('found', m);
          if (m) hits++;
        });
        svg.classList.toggle('finding', !!q);
        find.title = q ? hits + ' found' : '';
        if (hits === 1) showInfo(nodes.findIndex((nd) => nd.label.toLowerCase().includes(q)));
      };
      find.addEventListener('input', debounce(run, 120));
      if (find.value) run();
    }
    const onResize = debounce(fit, 200);
    window.addEventListener('resize', onResize);
    ctx.onLeave(() => window.removeEventListener('resize', onResize));
  }

  // ---------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------

  loadStats();
  render(false);
})();
