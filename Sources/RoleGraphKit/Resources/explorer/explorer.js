// RoleGraph explorer: the page's own script. No third-party code, no network.
// Names and every other text from the graph reach the DOM only through textContent and
// setAttribute, never as markup.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('graph-data').textContent);
  var R = D.roles.length;
  var byId = new Map();
  D.roles.forEach(function (r, i) { byId.set(r.id, i); });
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'class') e.className = attrs[k];
        else e.setAttribute(k, attrs[k]);
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c !== null && c !== undefined) e.append(c);
    }
    return e;
  }
  function fmt(x) {
    if (!isFinite(x)) return '∞';
    var r = Math.round(x * 1000) / 1000;
    return String(r);
  }
  function skillName(s) { return D.skills[s] ? D.skills[s].name : '?'; }
  function roleName(i) { return D.roles[i].name; }

  // ---------------------------------------------------------------- costs and networks
  var MODELS = [
    ['effort', 'effort (declared)'], ['hops', 'hops (fewest moves)'],
    ['skills', 'skills (skill gap)'], ['likely', 'likely (observed moves)']
  ].filter(function (m) {
    if (m[0] === 'likely') return D.hasCounts;
    return true;
  });

  // Efforts are searched as whole tenths, hundredths, … (as the command line does), so sums
  // are exact and ties are real ties. "Whole" allows 8 units in the last place, as the command
  // line does: the error of parsing a decimal, not a digit the scale would drop.
  var bits = new DataView(new ArrayBuffer(8));
  function ulp(x) {
    bits.setFloat64(0, x);
    return Math.pow(2, ((bits.getUint16(0) >> 4) & 0x7ff) - 1075);
  }
  var effortScale = (function () {
    for (var d = 0; d <= 6; d++) {
      var f = Math.pow(10, d), ok = true;
      for (var i = 0; i < D.relations.length && ok; i++) {
        var r = D.relations[i];
        if (r.kind !== 'transition') continue;
        var x = (r.effort == null ? 1 : r.effort) * f;
        if (Math.abs(Math.round(x) - x) > 8 * ulp(x) || x > 1e12) ok = false;
      }
      if (ok) return f;
    }
    return 0;
  })();

  var networks = {};
  // The moves of a model: transitions in file order, each with its step weight (as searched).
  function network(model) {
    if (networks[model]) return networks[model];
    var out = [];
    for (var v = 0; v < R; v++) out.push([]);
    D.relations.forEach(function (r, pos) {
      if (r.kind !== 'transition') return;
      var w;
      if (model === 'hops') w = 1;
      else if (model === 'likely') { if (r.likely == null) return; w = r.likely; }
      else {
        var e = r.effort == null ? 1 : r.effort;
        w = effortScale ? Math.round(e * effortScale) : e;
      }
      out[r.from].push({ to: r.to, w: w, rel: pos });
    });
    networks[model] = out;
    return out;
  }
  // A step's cost as the command line prints it.
  function stepCost(model, pos) {
    var r = D.relations[pos];
    if (model === 'hops') return 1;
    if (model === 'likely') return r.likely;
    return r.effort == null ? 1 : r.effort;
  }

  // A binary heap ordered by `less`.
  function Heap(less) { this.a = []; this.less = less; }
  Heap.prototype.push = function (x) {
    var a = this.a, i = a.length; a.push(x);
    while (i > 0) { var p = (i - 1) >> 1; if (!this.less(a[i], a[p])) break; var t = a[i]; a[i] = a[p]; a[p] = t; i = p; }
  };
  Heap.prototype.pop = function () {
    var a = this.a, top = a[0], last = a.pop();
    if (a.length) {
      a[0] = last; var i = 0, n = a.length;
      for (;;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && this.less(a[l], a[m])) m = l;
        if (r < n && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        var t = a[i]; a[i] = a[m]; a[m] = t; i = m;
      }
    }
    return top;
  };

  function cmpSeq(a, b) {
    for (var i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  }

  // The best path from src to dst in the command line's total order: cost, then fewer steps,
  // then the lexicographically smaller sequence of role indices. Entries leave the heap in that
  // order (a settled role's path is final), so each role's first settlement is its best path.
  // Settled paths form a tree (parent pointers); two settled paths of equal length are compared
  // by walking both back to where they join: the last difference found is the first from the start.
  function bestPath(out, src, dst, bannedNodes, bannedEdges) {
    var parent = new Int32Array(out.length).fill(-2), parentRel = new Int32Array(out.length);
    function cmpTree(a, b) {
      var last = 0;
      while (a !== b) { last = a - b; a = parent[a]; b = parent[b]; }
      return last;
    }
    var heap = new Heap(function (x, y) {
      if (x.d !== y.d) return x.d < y.d;
      if (x.s !== y.s) return x.s < y.s;
      if (x.u !== y.u) {
        var c = cmpTree(x.u, y.u);
        if (c !== 0) return c < 0;
      }
      if (x.v !== y.v) return x.v < y.v;
      return x.rel < y.rel;
    });
    heap.push({ d: 0, s: 0, v: src, u: -1, rel: -1 });
    while (heap.a.length) {
      var x = heap.pop();
      if (parent[x.v] !== -2) continue;
      parent[x.v] = x.u; parentRel[x.v] = x.rel;
      if (x.v === dst) {
        var nodes = [], rels = [];
        for (var v = dst; v !== -1; v = parent[v]) { nodes.push(v); if (parent[v] !== -1) rels.push(parentRel[v]); }
        return { d: x.d, s: x.s, nodes: nodes.reverse(), rels: rels.reverse() };
      }
      var edges = out[x.v];
      for (var i = 0; i < edges.length; i++) {
        var e = edges[i];
        if (parent[e.to] !== -2 || (bannedNodes && bannedNodes[e.to]) || (bannedEdges && bannedEdges.has(e.rel))) continue;
        heap.push({ d: x.d + e.w, s: x.s + 1, v: e.to, u: x.v, rel: e.rel });
      }
    }
    return null;
  }

  function pathWeight(out, nodes, rels) {
    var d = 0;
    for (var i = 0; i < rels.length; i++) {
      var es = out[nodes[i]];
      for (var j = 0; j < es.length; j++) if (es[j].rel === rels[i] && es[j].to === nodes[i + 1]) { d = d + es[j].w; break; }
    }
    return d;
  }
  function lessPath(a, b) {
    if (a.d !== b.d) return a.d < b.d;
    if (a.nodes.length !== b.nodes.length) return a.nodes.length < b.nodes.length;
    return cmpSeq(a.nodes, b.nodes) < 0;
  }

  // The k best loopless paths (Yen's algorithm) in the same total order.
  function kPaths(model, src, dst, k) { return kPathsOn(network(model), src, dst, k); }
  function kPathsOn(out, src, dst, k) {
    var first = bestPath(out, src, dst, null, null);
    if (!first) return [];
    var A = [first], B = [], seen = new Set([first.rels.join(',')]);
    while (A.length < k) {
      var prev = A[A.length - 1];
      for (var i = 0; i < prev.nodes.length - 1; i++) {
        var spur = prev.nodes[i];
        var rootNodes = prev.nodes.slice(0, i + 1), rootRels = prev.rels.slice(0, i);
        var bannedEdges = new Set();
        A.forEach(function (p) {
          if (p.nodes.length <= i + 1) return;
          for (var j = 0; j <= i; j++) if (p.nodes[j] !== rootNodes[j]) return;
          for (var j2 = 0; j2 < i; j2++) if (p.rels[j2] !== rootRels[j2]) return;
          bannedEdges.add(p.rels[i]);
        });
        var bannedNodes = new Uint8Array(out.length);
        for (var j = 0; j < i; j++) bannedNodes[rootNodes[j]] = 1;
        var sp = bestPath(out, spur, dst, bannedNodes, bannedEdges);
        if (!sp) continue;
        var nodes = rootNodes.slice(0, i).concat(sp.nodes), rels = rootRels.concat(sp.rels);
        var key = rels.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        B.push({ d: pathWeight(out, nodes, rels), nodes: nodes, rels: rels });
      }
      if (!B.length) break;
      var best = 0;
      for (var b = 1; b < B.length; b++) if (lessPath(B[b], B[best])) best = b;
      A.push(B.splice(best, 1)[0]);
    }
    return A;
  }

  // What a role lists that `known` lacks, in the role's own order.
  function skillGap(i, known) {
    var r = D.roles[i];
    var p = r.primary.filter(function (s) { return !known.has(s); });
    var s = r.secondary.filter(function (x) { return !known.has(x); });
    return { primary: p, secondary: s, cost: 2 * p.length + s.length };
  }
  function roleSkills(i) { return D.roles[i].primary.concat(D.roles[i].secondary); }

  // A route as the page shows it: steps with their costs and the skills each one adds.
  function describe(model, nodes, rels) {
    var known = new Set(roleSkills(nodes[0]));
    var steps = [], total = 0, prob = 1;
    for (var i = 0; i < rels.length; i++) {
      var gap = skillGap(nodes[i + 1], known);
      var c = model === 'skills' ? gap.cost : stepCost(model, rels[i]);
      total = total + c;
      var share = D.relations[rels[i]].share;
      if (share != null) prob *= share;
      steps.push({ from: nodes[i], to: nodes[i + 1], rel: rels[i], cost: c, gap: gap, share: share });
      roleSkills(nodes[i + 1]).forEach(function (s) { known.add(s); });
    }
    return { nodes: nodes, rels: rels, steps: steps, cost: total, probability: model === 'likely' ? prob : null };
  }

  // The answer of `rolegraph path FROM TO --cost MODEL --routes k`.
  function findRoutes(model, src, dst, k) {
    if (model === 'skills') {
      if (!D.skillPaths) return null;
      var found = D.skillPaths[src + ' ' + dst] || [];
      return found.slice(0, k).map(function (p) {
        var d = describe(model, p.roles, p.relations); d.cost = p.cost; return d;
      });
    }
    return kPaths(model, src, dst, k).map(function (p) { return describe(model, p.nodes, p.rels); });
  }

  // The routes of `rolegraph plan --goal G --cost MODEL` for a model with fixed step costs: the
  // k best ways into the goal from an allowed start other than the goal (entry-level roles, or
  // any role when the graph states no entry-level fact), by Yen's paths from a virtual start.
  function planRoutes(model, goal, k) {
    var anyEntry = D.roles.some(function (r) { return r.entry !== undefined && r.entry !== null; });
    var allowed = [];
    for (var i = 0; i < R; i++) if (i !== goal && (!anyEntry || D.roles[i].entry === true)) allowed.push(i);
    var out = network(model).concat([allowed.map(function (v, n) { return { to: v, w: 0, rel: -1 - n }; })]);
    return kPathsOn(out, R, goal, k).map(function (p) { return describe(model, p.nodes.slice(1), p.rels.slice(1)); });
  }

  function reachCounts(model, src, dst) {
    var out = network(model === 'skills' ? 'hops' : model);
    var seen = new Uint8Array(R), stack = [src], n = 0; seen[src] = 1;
    while (stack.length) { var v = stack.pop(); out[v].forEach(function (e) { if (!seen[e.to]) { seen[e.to] = 1; n++; stack.push(e.to); } }); }
    var back = [];
    for (var i = 0; i < R; i++) back.push([]);
    out.forEach(function (es, v) { es.forEach(function (e) { back[e.to].push(v); }); });
    var seen2 = new Uint8Array(R), m = 0; stack = [dst]; seen2[dst] = 1;
    while (stack.length) { var u = stack.pop(); back[u].forEach(function (w) { if (!seen2[w]) { seen2[w] = 1; m++; stack.push(w); } }); }
    return { from: n, to: m };
  }

  // ---------------------------------------------------------------- the diagram
  var diagram = $('diagram');
  var svg = diagram.querySelector('svg');
  var nodeEls = new Array(R);
  var edgeEls = new Map(); // "from->to" title → [g.edge]
  var allEdges = [];
  if (svg) {
    svg.removeAttribute('width'); svg.removeAttribute('height');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Diagram of ' + R + ' roles');
    svg.querySelectorAll('g.node').forEach(function (g) {
      var t = g.querySelector('title');
      if (!t) return;
      var name = t.textContent, i = byId.get(name);
      if (i === undefined) i = byId.get(name.replace(/\\\\/g, '\\'));
      if (i === undefined) return;
      nodeEls[i] = g;
      g.setAttribute('data-role', D.roles[i].id);
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', D.roles[i].name + ': open its card');
      g.querySelectorAll('a').forEach(function (a) { a.removeAttribute('xlink:title'); a.removeAttributeNS('http://www.w3.org/1999/xlink', 'title'); });
      var tip = D.roles[i].name + (D.roles[i].summary ? ' — ' + D.roles[i].summary : '');
      t.textContent = tip;
    });
    svg.querySelectorAll('g.edge').forEach(function (g) {
      var t = g.querySelector('title');
      allEdges.push(g);
      if (!t) return;
      // Graphviz writes a backslash of a name doubled in an edge's title.
      var keys = [t.textContent, t.textContent.replace(/\\\\/g, '\\')];
      if (keys[1] === keys[0]) keys.pop();
      keys.forEach(function (key) {
        if (!edgeEls.has(key)) edgeEls.set(key, []);
        edgeEls.get(key).push(g);
      });
    });
  }
  // The drawn edges of a step: the edge a→b, else a two-way edge drawn b→a.
  function svgEdgesFor(a, b, kind) {
    function of(key) { return (edgeEls.get(key) || []).filter(function (g) { return g.classList.contains(kind); }); }
    var ida = D.roles[a].id, idb = D.roles[b].id;
    var list = of(ida + '->' + idb);
    if (!list.length) list = of(idb + '->' + ida);
    if (!list.length) list = of(ida + '--' + idb).concat(of(idb + '--' + ida));
    return list;
  }

  // Pan and zoom by the SVG's viewBox.
  var vb0 = null, vb = null;
  if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
    var b0 = svg.viewBox.baseVal;
    vb0 = { x: b0.x, y: b0.y, w: b0.width, h: b0.height };
    vb = Object.assign({}, vb0);
  }
  function applyView() { if (vb) svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h); }
  function zoom(f, cx, cy) {
    if (!vb) return;
    if (cx === undefined) { cx = vb.x + vb.w / 2; cy = vb.y + vb.h / 2; }
    var w = Math.min(Math.max(vb.w * f, vb0.w / 200), vb0.w * 4);
    f = w / vb.w;
    vb = { x: cx - (cx - vb.x) * f, y: cy - (cy - vb.y) * f, w: vb.w * f, h: vb.h * f };
    applyView();
  }
  function pan(dx, dy) { if (!vb) return; vb.x += dx * vb.w; vb.y += dy * vb.h; applyView(); }
  function toSvg(ev) {
    var r = svg.getBoundingClientRect();
    // preserveAspectRatio xMidYMid meet: one scale, centred.
    var s = Math.max(vb.w / r.width, vb.h / r.height);
    var ox = r.left + (r.width - vb.w / s) / 2, oy = r.top + (r.height - vb.h / s) / 2;
    return { x: vb.x + (ev.clientX - ox) * s, y: vb.y + (ev.clientY - oy) * s, s: s };
  }
  var drag = null, dragged = false;
  if (svg && vb) {
    diagram.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var p = toSvg(ev);
      zoom(Math.exp(ev.deltaY * 0.0015), p.x, p.y);
    }, { passive: false });
    diagram.addEventListener('pointerdown', function (ev) {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y, s: toSvg(ev).s };
      dragged = false;
    });
    window.addEventListener('pointermove', function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 5) return;
      dragged = true;
      vb.x = drag.vx - dx * drag.s; vb.y = drag.vy - dy * drag.s;
      applyView();
    });
    window.addEventListener('pointerup', function () { drag = null; });
  }
  diagram.addEventListener('keydown', function (ev) {
    if (ev.target !== diagram && !(ev.target.classList && ev.target.classList.contains('node'))) return;
    var k = ev.key;
    if (k === '+' || k === '=') zoom(0.8);
    else if (k === '-' || k === '_') zoom(1.25);
    else if (k === '0') { vb = vb0 && Object.assign({}, vb0); applyView(); }
    else if (ev.target === diagram && k === 'ArrowLeft') pan(-0.1, 0);
    else if (ev.target === diagram && k === 'ArrowRight') pan(0.1, 0);
    else if (ev.target === diagram && k === 'ArrowUp') pan(0, -0.1);
    else if (ev.target === diagram && k === 'ArrowDown') pan(0, 0.1);
    else if ((k === 'Enter' || k === ' ') && ev.target.getAttribute('data-role')) { openCard(byId.get(ev.target.getAttribute('data-role')), true); }
    else return;
    ev.preventDefault();
  });
  diagram.addEventListener('click', function (ev) {
    if (dragged) { dragged = false; return; }
    var g = ev.target.closest ? ev.target.closest('g.node') : null;
    if (g && g.getAttribute('data-role') !== null) openCard(byId.get(g.getAttribute('data-role')), false);
  });
  $('zoom-in').addEventListener('click', function () { zoom(0.8); });
  $('zoom-out').addEventListener('click', function () { zoom(1.25); });
  $('zoom-reset').addEventListener('click', function () { vb = vb0 && Object.assign({}, vb0); applyView(); });

  // ---------------------------------------------------------------- state
  var KINDS = ['stakeholder', 'collaboration', 'transition'].filter(function (k) {
    return D.relations.some(function (r) { return r.kind === k; });
  });
  var state = { from: null, to: null, cost: MODELS[0][0], k: 1, role: null, focus: false, hidden: new Set(), goal: null, shown: 0 };
  var routes = null;
  var STORE = 'rolegraph-explorer/skills/' + D.name;
  var have = new Set();
  try {
    var saved = JSON.parse(window.localStorage.getItem(STORE) || '[]');
    if (Array.isArray(saved)) saved.forEach(function (id) {
      var s = D.skills.findIndex(function (x) { return x.id === id; });
      if (s >= 0) have.add(s);
    });
  } catch (e) { /* storage unavailable: nothing remembered */ }
  function saveSkills() {
    try { window.localStorage.setItem(STORE, JSON.stringify(Array.from(have).map(function (s) { return D.skills[s].id; }).sort())); } catch (e) { /* ignore */ }
  }

  // ---------------------------------------------------------------- controls
  var order = D.roles.map(function (r, i) { return i; }).sort(function (a, b) {
    return D.roles[a].name.localeCompare(D.roles[b].name) || a - b;
  });
  function fillRoles(select, blank) {
    select.append(el('option', { value: '', text: blank }));
    order.forEach(function (i) { select.append(el('option', { value: D.roles[i].id, text: D.roles[i].name })); });
  }
  fillRoles($('from'), '— choose —'); fillRoles($('to'), '— choose —'); fillRoles($('goal'), '— none —');
  MODELS.forEach(function (m) { $('cost').append(el('option', { value: m[0], text: m[1] })); });
  for (var kk = 1; kk <= D.maxRoutes; kk++) $('routes').append(el('option', { value: String(kk), text: kk === 1 ? '1 (best)' : String(kk) }));
  KINDS.forEach(function (k) {
    var box = el('input', { type: 'checkbox', id: 'kind-' + k, checked: 'checked' });
    box.addEventListener('change', function () { if (box.checked) state.hidden.delete(k); else state.hidden.add(k); refresh(); });
    $('kinds').append(el('label', null, box, ' ' + k));
  });
  $('graph-facts').textContent = R + ' roles, ' + D.relations.length + ' relations, ' + D.skills.length + ' skills.' +
    (D.source ? ' Source: ' + D.source : '');

  function onPathControl() {
    state.from = byId.has($('from').value) ? byId.get($('from').value) : null;
    state.to = byId.has($('to').value) ? byId.get($('to').value) : null;
    state.cost = $('cost').value; state.k = parseInt($('routes').value, 10) || 1; state.shown = 0;
    computeRoutes(); refresh();
    if (state.goal !== null) renderSkills();
  }
  ['from', 'to', 'cost', 'routes'].forEach(function (id) { $(id).addEventListener('change', onPathControl); });
  $('swap').addEventListener('click', function () {
    var f = $('from').value; $('from').value = $('to').value; $('to').value = f; onPathControl();
  });
  $('clear-path').addEventListener('click', function () { $('from').value = ''; $('to').value = ''; onPathControl(); });
  $('focus-mode').addEventListener('change', function () { state.focus = $('focus-mode').checked; refresh(); });
  $('goal').addEventListener('change', function () { state.goal = byId.has($('goal').value) ? byId.get($('goal').value) : null; renderSkills(); writeHash(); });

  function computeRoutes() {
    routes = null;
    if (state.from === null || state.to === null) return;
    if (state.from === state.to) { routes = 'same'; return; }
    routes = findRoutes(state.cost, state.from, state.to, state.k);
  }

  function renderPath() {
    var box = $('path-result');
    box.textContent = '';
    ['data-state', 'data-path', 'data-cost', 'data-routes'].forEach(function (a) { box.removeAttribute(a); });
    if (routes === null && state.from !== null && state.to !== null && state.cost === 'skills') {
      box.setAttribute('data-state', 'unavailable');
      box.append(el('p', { class: 'notice', text: 'The skills cost is answered on graphs of at most 60 roles only; this graph has ' + R + '. Use rolegraph path --cost skills.' }));
      return;
    }
    if (routes === null) { box.setAttribute('data-state', 'none'); return; }
    if (routes === 'same') {
      box.setAttribute('data-state', 'same');
      box.append(el('p', { class: 'notice', text: 'From and To are the same role.' }));
      return;
    }
    if (!routes.length) {
      var c = reachCounts(state.cost, state.from, state.to);
      box.setAttribute('data-state', 'nopath');
      box.append(el('p', { class: 'nopath', text: 'No path from ' + roleName(state.from) + ' to ' + roleName(state.to) + ' under the ' + state.cost + ' cost.' }));
      box.append(el('p', { class: 'muted', text: roleName(state.from) + ' reaches ' + c.from + ' role' + (c.from === 1 ? '' : 's') + '; ' +
        c.to + ' role' + (c.to === 1 ? '' : 's') + ' lead' + (c.to === 1 ? 's' : '') + ' to ' + roleName(state.to) + '.' +
        (state.cost === 'likely' ? ' Only moves with an observed count can be taken.' : '') }));
      return;
    }
    box.setAttribute('data-state', 'path');
    box.setAttribute('data-path', JSON.stringify(routes[0].nodes.map(function (i) { return D.roles[i].id; })));
    box.setAttribute('data-cost', String(routes[0].cost));
    box.setAttribute('data-routes', JSON.stringify(routes.map(function (r) {
      return { roles: r.nodes.map(function (i) { return D.roles[i].id; }), cost: r.cost };
    })));
    routes.forEach(function (r, n) {
      var title = (n === 0 ? 'Best' : 'Route ' + (n + 1)) + ': ' + r.steps.length + ' step' + (r.steps.length === 1 ? '' : 's') +
        ', cost ' + fmt(r.cost) + (r.probability !== null ? ' (probability ' + (r.probability * 100).toPrecision(3) + '%)' : '');
      var list = el('ol');
      r.steps.forEach(function (s) {
        var rel = D.relations[s.rel];
        var learn = s.gap.primary.map(skillName).concat(s.gap.secondary.map(function (x) { return skillName(x) + ' (nice to have)'; }));
        list.append(el('li', null,
          roleName(s.from) + ' → ' + roleName(s.to) + '  (' + fmt(s.cost) + (s.share != null ? ', ' + (s.share * 100).toPrecision(3) + '% of moves' : '') + ')',
          rel.note ? el('span', { class: 'note', text: rel.note }) : null,
          el('span', { class: 'learn', text: learn.length ? 'Learn: ' + learn.join(', ') : 'Nothing new to learn.' })));
      });
      var show = n === state.shown ? null : el('button', { type: 'button', class: 'show', 'aria-label': 'Light up route ' + (n + 1), text: 'Show' });
      if (show) show.addEventListener('click', function () { state.shown = n; refresh(); });
      box.append(el('div', { class: 'route' + (n === state.shown ? ' best' : ''), 'data-route': String(n) }, el('h4', { text: title }), show, list));
    });
    if (state.cost === 'skills' && D.skillSearchInexact) {
      box.append(el('p', { class: 'notice', text: 'Some skills answers are the best of the candidates (the exact search reached its budget), as on the command line.' }));
    }
  }

  function refresh() {
    renderPath();
    // Highlights: the shown route, the focus neighbourhood, hidden kinds.
    var lit = null, litEdges = new Set();
    if (Array.isArray(routes) && routes.length) {
      var r = routes[Math.min(state.shown, routes.length - 1)];
      lit = new Set(r.nodes);
      r.steps.forEach(function (s) { svgEdgesFor(s.from, s.to, 'transition').forEach(function (g) { litEdges.add(g); }); });
    }
    var near = null;
    if (state.focus && state.role !== null) {
      near = new Set([state.role]);
      D.relations.forEach(function (rel) {
        if (state.hidden.has(rel.kind)) return;
        if (rel.from === state.role) near.add(rel.to);
        if (rel.to === state.role) near.add(rel.from);
      });
    }
    nodeEls.forEach(function (g, i) {
      if (!g) return;
      g.classList.toggle('lit', !!(lit && lit.has(i)));
      g.classList.toggle('selected', state.role === i);
      g.classList.toggle('dim', !!((lit && !lit.has(i)) || (near && !near.has(i))));
    });
    var focusId = state.role !== null ? D.roles[state.role].id : null;
    allEdges.forEach(function (g) {
      var kind = KINDS.find(function (k) { return g.classList.contains(k); });
      g.classList.toggle('kind-hidden', !!(kind && state.hidden.has(kind)));
      g.classList.toggle('lit', litEdges.has(g));
      var dim = !!(lit && !litEdges.has(g));
      if (near && !dim) {
        var t = g.querySelector('title'), title = t ? t.textContent : '';
        dim = !(title.indexOf(focusId + '->') === 0 || title.slice(-(focusId.length + 2)) === '->' + focusId ||
                title.indexOf(focusId + '--') === 0 || title.slice(-(focusId.length + 2)) === '--' + focusId);
      }
      g.classList.toggle('dim', dim);
    });
    writeHash();
  }

  // ---------------------------------------------------------------- the role card
  var lastFocus = null;
  function relationItem(rel, other, label) {
    var b = el('button', { type: 'button', class: 'rel-role', 'data-role': D.roles[other].id, text: D.roles[other].name });
    b.addEventListener('click', function () { openCard(other, true); });
    var facts = [];
    if (rel.effort != null) facts.push('effort ' + fmt(rel.effort));
    if (rel.count != null) facts.push(fmt(rel.count) + ' moves observed');
    if (rel.share != null) facts.push((rel.share * 100).toPrecision(3) + '% of moves out');
    return el('li', { 'data-kind': rel.kind, 'data-direction': label },
      b, facts.length ? ' (' + facts.join(', ') + ')' : '', rel.note ? el('div', { class: 'rel-note', text: rel.note }) : null);
  }
  function openCard(i, fromKeyboard) {
    if (i === undefined || i === null) return;
    if ($('card').hidden) lastFocus = document.activeElement;
    state.role = i;
    var r = D.roles[i], area = D.areas[r.area];
    var body = $('card-body');
    body.textContent = '';
    $('card').setAttribute('data-role', r.id);
    body.append(el('h2', { id: 'card-title', tabindex: '-1', text: r.name }));
    var facts = [area ? area.name : null, r.id,
      r.entry === true ? 'entry level' : (r.entry === false ? 'not entry level' : null),
      r.prevalence ? r.prevalence + ' as a distinct position' : null,
      r.stays != null ? fmt(r.stays) + ' observed stayers' : null].filter(function (x) { return x; });
    body.append(el('p', { class: 'facts', id: 'card-facts', text: facts.join(' · ') }));
    if (r.summary) body.append(el('p', { id: 'card-summary', text: r.summary }));
    function list(title, items, id) {
      if (!items.length) return;
      var ul = el('ul', { id: id });
      items.forEach(function (t) { ul.append(el('li', { text: t })); });
      body.append(el('h3', { text: title }), ul);
    }
    list('Titles', r.titles, 'card-titles');
    list('Responsibilities', r.responsibilities, 'card-responsibilities');
    list('Problems it solves', r.problems, 'card-problems');
    if (r.primary.length || r.secondary.length) {
      var sk = el('p', { id: 'card-skills' });
      r.primary.forEach(function (s) { sk.append(el('span', { class: 'tag primary', title: 'primary', text: skillName(s) })); });
      r.secondary.forEach(function (s) { sk.append(el('span', { class: 'tag', title: 'secondary', text: skillName(s) })); });
      body.append(el('h3', { text: 'Skills (primary outlined)' }), sk);
    }
    var groups = [
      ['Relies on', function (x) { return x.kind === 'stakeholder' && x.from === i; }, 'to', 'out'],
      ['Relied on by', function (x) { return x.kind === 'stakeholder' && x.to === i; }, 'from', 'in'],
      ['Works with', function (x) { return x.kind === 'collaboration' && (x.from === i || x.to === i); }, 'other', 'both'],
      ['Can move to', function (x) { return x.kind === 'transition' && x.from === i; }, 'to', 'out'],
      ['Can be reached from', function (x) { return x.kind === 'transition' && x.to === i; }, 'from', 'in']
    ];
    var rels = el('div', { id: 'card-relations' });
    groups.forEach(function (gr) {
      var items = D.relations.filter(gr[1]);
      if (!items.length) return;
      var ul = el('ul');
      items.slice(0, 200).forEach(function (x) {
        var other = gr[2] === 'other' ? (x.from === i ? x.to : x.from) : x[gr[2]];
        ul.append(relationItem(x, other, gr[3]));
      });
      if (items.length > 200) ul.append(el('li', { text: '… and ' + (items.length - 200) + ' more' }));
      rels.append(el('h3', { text: gr[0] + ' (' + items.length + ')' }), ul);
    });
    body.append(rels);
    var bFrom = el('button', { type: 'button', text: 'Path from here' }), bTo = el('button', { type: 'button', text: 'Path to here' });
    bFrom.addEventListener('click', function () { $('from').value = r.id; onPathControl(); });
    bTo.addEventListener('click', function () { $('to').value = r.id; onPathControl(); });
    body.append(el('div', { class: 'buttons' }, bFrom, bTo));
    $('card').hidden = false;
    refresh();
    uncover(i);
    if (fromKeyboard) $('card-title').focus();
  }
  // Pans the diagram so that the open role is not hidden under its card.
  function uncover(i) {
    var g = nodeEls[i];
    if (!g || !vb || !g.getBoundingClientRect) return;
    var n = g.getBoundingClientRect(), c = $('card').getBoundingClientRect(), d = diagram.getBoundingClientRect();
    if (n.right < c.left || n.left > c.right || n.bottom < c.top || n.top > c.bottom) return;
    var free = (d.left + c.left) / 2, s = toSvg({ clientX: 0, clientY: 0 }).s;
    vb.x += ((n.left + n.right) / 2 - free) * s;
    applyView();
  }
  function closeCard() {
    $('card').hidden = true; state.role = null; refresh();
    if (lastFocus && lastFocus.focus) lastFocus.focus();
  }
  $('card-close').addEventListener('click', closeCard);
  $('card').addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { ev.preventDefault(); closeCard(); } });

  // ---------------------------------------------------------------- search
  var search = $('search'), results = $('search-results'), active = -1, matches = [];
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.textContent = ''; active = -1; matches = [];
    if (!q) { results.hidden = true; search.setAttribute('aria-expanded', 'false'); return; }
    var scored = [];
    for (var i = 0; i < R; i++) {
      var r = D.roles[i], name = r.name.toLowerCase(), id = r.id.toLowerCase(), score = -1;
      if (name.indexOf(q) === 0 || id.indexOf(q) === 0) score = 0;
      else if (name.indexOf(q) >= 0 || id.indexOf(q) >= 0) score = 1;
      else if (r.titles.some(function (t) { return t.toLowerCase().indexOf(q) >= 0; })) score = 2;
      if (score >= 0) scored.push([score, i]);
    }
    scored.sort(function (a, b) { return a[0] - b[0] || D.roles[a[1]].name.localeCompare(D.roles[b[1]].name) || a[1] - b[1]; });
    matches = scored.slice(0, 12).map(function (x) { return x[1]; });
    matches.forEach(function (i, n) {
      var li = el('li', { id: 'search-option-' + n, role: 'option', 'aria-selected': 'false', 'data-role': D.roles[i].id },
        D.roles[i].name, el('span', { class: 'sub', text: D.roles[i].id + (D.roles[i].titles.length ? ' · ' + D.roles[i].titles.slice(0, 3).join(', ') : '') }));
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); openCard(i, false); });
      results.append(li);
    });
    if (!matches.length) results.append(el('li', { role: 'option', 'aria-disabled': 'true', text: 'No role matches.' }));
    results.hidden = false; search.setAttribute('aria-expanded', 'true');
    setActive(matches.length ? 0 : -1);
  }
  function setActive(n) {
    active = n;
    Array.prototype.forEach.call(results.children, function (li, j) { li.setAttribute('aria-selected', j === n ? 'true' : 'false'); });
    if (n >= 0) { search.setAttribute('aria-activedescendant', 'search-option-' + n); results.children[n].scrollIntoView({ block: 'nearest' }); }
    else search.removeAttribute('aria-activedescendant');
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' && matches.length) { setActive((active + 1) % matches.length); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && matches.length) { setActive((active - 1 + matches.length) % matches.length); ev.preventDefault(); }
    else if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); openCard(matches[active], true); results.hidden = true; search.setAttribute('aria-expanded', 'false'); }
    else if (ev.key === 'Escape') { results.hidden = true; search.setAttribute('aria-expanded', 'false'); }
  });
  search.addEventListener('blur', function () { setTimeout(function () { results.hidden = true; search.setAttribute('aria-expanded', 'false'); }, 150); });
  document.addEventListener('keydown', function (ev) {
    var t = ev.target, tag = t && t.tagName;
    var typing = (tag === 'INPUT' && (t.type === 'search' || t.type === 'text')) || tag === 'TEXTAREA';
    if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault(); search.focus(); search.select();
    }
  });

  // ---------------------------------------------------------------- skills and the closest roles
  var skillOrder = D.skills.map(function (s, i) { return i; }).sort(function (a, b) { return D.skills[a].name.localeCompare(D.skills[b].name) || a - b; });
  var skillBoxes = [];
  skillOrder.forEach(function (s) {
    var box = el('input', { type: 'checkbox', 'data-skill': D.skills[s].id });
    box.checked = have.has(s);
    box.addEventListener('change', function () { if (box.checked) have.add(s); else have.delete(s); saveSkills(); renderSkills(); });
    var label = el('label', { 'data-skill': D.skills[s].id }, box, ' ' + D.skills[s].name);
    skillBoxes.push([s, label]);
    $('skill-list').append(label);
  });
  $('skill-filter').addEventListener('input', function () {
    var q = $('skill-filter').value.trim().toLowerCase();
    skillBoxes.forEach(function (x) {
      var s = D.skills[x[0]];
      var hit = !q || s.name.toLowerCase().indexOf(q) >= 0 || s.id.toLowerCase().indexOf(q) >= 0 ||
        s.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
      x[1].hidden = !hit;
    });
  });
  $('clear-skills').addEventListener('click', function () {
    have.clear(); skillBoxes.forEach(function (x) { x[1].querySelector('input').checked = false; }); saveSkills(); renderSkills();
  });

  // The ranking of `rolegraph plan --have …`: covered share of the weighted skills (highest
  // first; a role that lists none last), then smaller gap, entry-level roles, file order.
  function fit(i) {
    var r = D.roles[i], gap = skillGap(i, have), listed = 2 * r.primary.length + r.secondary.length;
    return { role: i, gap: gap, share: listed > 0 ? (listed - gap.cost) / listed : null };
  }
  function closest() {
    var fits = D.roles.map(function (r, i) { return fit(i); });
    return fits.sort(function (a, b) {
      var sa = -(a.share === null ? -1 : a.share), sb = -(b.share === null ? -1 : b.share);
      if (sa !== sb) return sa - sb;
      if (a.gap.cost !== b.gap.cost) return a.gap.cost - b.gap.cost;
      var ea = D.roles[a.role].entry === true ? 0 : 1, eb = D.roles[b.role].entry === true ? 0 : 1;
      if (ea !== eb) return ea - eb;
      return a.role - b.role;
    });
  }
  function renderSkills() {
    var ranked = closest(), ol = $('closest');
    ol.textContent = '';
    ol.setAttribute('data-ranking', JSON.stringify(ranked.map(function (f) { return D.roles[f.role].id; })));
    if (!have.size) ol.append(el('li', { class: 'muted', text: 'Tick the skills you have to see the roles closest to them.' }));
    else ranked.slice(0, 10).forEach(function (f) {
      var b = el('button', { type: 'button', class: 'rel-role', text: D.roles[f.role].name });
      b.addEventListener('click', function () { openCard(f.role, true); });
      var missing = f.gap.primary.map(skillName).concat(f.gap.secondary.map(function (s) { return skillName(s) + ' (nice to have)'; }));
      ol.append(el('li', { 'data-role': D.roles[f.role].id }, b,
        ' ' + (f.share === null ? 'lists no skills' : Math.round(f.share * 100) + '% covered'),
        el('span', { class: 'gap', text: missing.length ? 'Missing: ' + missing.slice(0, 8).join(', ') + (missing.length > 8 ? ', …' : '') : 'Nothing missing.' })));
    });
    var g = $('goal-result');
    g.textContent = '';
    if (state.goal !== null) {
      var f = fit(state.goal), rank = ranked.findIndex(function (x) { return x.role === state.goal; }) + 1;
      var learn = f.gap.primary.map(skillName).concat(f.gap.secondary.map(function (s) { return skillName(s) + ' (nice to have)'; }));
      g.append(el('p', { text: roleName(state.goal) + ': ' + (f.share === null ? 'lists no skills' : Math.round(f.share * 100) + '% of its weighted skills covered') +
        ', number ' + rank + ' of ' + R + ' by closeness.' }));
      g.append(el('p', { class: 'muted', text: learn.length ? 'To learn: ' + learn.join(', ') + '.' : 'You have every skill it lists.' }));
      var ids = Array.from(have).map(function (s) { return D.skills[s].id; }).sort();
      var model = state.cost;
      if (model === 'skills') {
        g.append(el('p', { class: 'muted', text: 'Where to start and what to learn on the way, by skill gaps: rolegraph plan --have ' +
          (ids.length ? ids.join(',') : '…') + ' --goal ' + D.roles[state.goal].id + '. Choose another cost above to see the ways in here.' }));
      } else {
        var plan = planRoutes(model, state.goal, state.k);
        var box = el('div', { id: 'plan-routes', 'data-cost': model });
        box.setAttribute('data-plan', JSON.stringify(plan.map(function (r) {
          return { roles: r.nodes.map(function (i) { return D.roles[i].id; }), cost: r.cost };
        })));
        if (!plan.length) box.append(el('p', { class: 'nopath', text: 'No allowed starting role leads to ' + roleName(state.goal) + ' under the ' + model + ' cost.' }));
        else {
          box.append(el('h3', { text: 'Ways in (' + model + ' cost, as rolegraph plan --cost ' + model + ')' }));
          var ol = el('ol');
          plan.forEach(function (r) {
            ol.append(el('li', null, r.nodes.map(roleName).join(' → ') + '  (cost ' + fmt(r.cost) + ')'));
          });
          box.append(ol);
        }
        g.append(box);
      }
    }
  }

  // ---------------------------------------------------------------- the view in the URL
  var writing = false;
  function writeHash() {
    var p = new URLSearchParams();
    if (state.from !== null) p.set('from', D.roles[state.from].id);
    if (state.to !== null) p.set('to', D.roles[state.to].id);
    if (state.cost !== MODELS[0][0]) p.set('cost', state.cost);
    if (state.k !== 1) p.set('routes', String(state.k));
    if (state.role !== null) p.set('role', D.roles[state.role].id);
    if (state.focus) p.set('focus', '1');
    if (state.hidden.size) p.set('hide', Array.from(state.hidden).sort().join(','));
    if (state.goal !== null) p.set('goal', D.roles[state.goal].id);
    var h = p.toString();
    $('view-link').setAttribute('href', '#' + h);
    if (('#' + h) !== window.location.hash && !(h === '' && window.location.hash === '')) {
      writing = true;
      try { history.replaceState(null, '', '#' + h); } catch (e) { /* a sandboxed frame */ }
      writing = false;
    }
  }
  function readHash() {
    var p = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    function setSelect(id, v) { var s = $(id); s.value = v || ''; if (s.value !== (v || '')) s.value = ''; }
    setSelect('from', p.get('from')); setSelect('to', p.get('to'));
    var cost = p.get('cost'); $('cost').value = MODELS.some(function (m) { return m[0] === cost; }) ? cost : MODELS[0][0];
    var k = parseInt(p.get('routes') || '1', 10); $('routes').value = String(k >= 1 && k <= D.maxRoutes ? k : 1);
    state.hidden = new Set((p.get('hide') || '').split(',').filter(function (x) { return KINDS.indexOf(x) >= 0; }));
    KINDS.forEach(function (kd) { $('kind-' + kd).checked = !state.hidden.has(kd); });
    state.focus = p.get('focus') === '1'; $('focus-mode').checked = state.focus;
    setSelect('goal', p.get('goal'));
    state.goal = byId.has($('goal').value) ? byId.get($('goal').value) : null;
    onPathControl();
    var role = p.get('role');
    if (role !== null && byId.has(role)) openCard(byId.get(role), false);
    else if (!$('card').hidden) { $('card').hidden = true; state.role = null; refresh(); }
    renderSkills();
  }
  window.addEventListener('hashchange', function () { if (!writing) readHash(); });
  readHash();
})();
