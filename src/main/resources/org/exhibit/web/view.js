// The reading view's behaviour: select a quote or a name to show its card in the side panel, light up the evidence
// for an attribution, jump between copies of reused text, place the timeline ticks. Thread text is never parsed as
// HTML here: the page arrives escaped from the server and this script only toggles classes and reads attributes.
'use strict';
(function () {
  document.documentElement.classList.add('js');

  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // The provenance graph: which drawn elements (nodes, links, timeline marks) each quote's chain runs through.
  var byQuote = null;
  function graphIndex() {
    if (byQuote) return byQuote;
    byQuote = {};
    all('svg [data-qs]').forEach(function (el) {
      (el.getAttribute('data-qs') || '').split(' ').forEach(function (q) {
        if (q === '') return;
        (byQuote[q] = byQuote[q] || []).push(el);
      });
    });
    return byQuote;
  }
  function quotesOf(el) { return (el.getAttribute('data-qs') || '').split(' ').filter(function (q) { return q !== ''; }); }

  function lightPath(n) {
    all('svg .lit').forEach(function (e) { e.classList.remove('lit'); });
    var els = graphIndex()[n] || [];
    els.forEach(function (e) { if (!e.classList.contains('pg-group')) e.classList.add('lit'); });
    all('svg.pg').forEach(function (s) { s.classList.toggle('dim', els.length > 0); });
  }

  // Hovering a source lights its passages in the text.
  function glow(node, on) {
    all('.q.gl').forEach(function (e) { e.classList.remove('gl'); });
    all('svg .hot').forEach(function (e) { e.classList.remove('hot'); });
    if (!on) return;
    node.classList.add('hot');
    quotesOf(node).forEach(function (q) { all('.q[data-q="' + q + '"]').forEach(function (e) { e.classList.add('gl'); }); });
  }

  function chooseNode(node) {
    var n = node.getAttribute('data-n');
    all('.pg-info.on').forEach(function (e) { e.classList.remove('on'); });
    var info = document.getElementById('pg-info-' + n);
    if (info) info.classList.add('on');
    all('svg .lit').forEach(function (e) { e.classList.remove('lit'); });
    var lit = [];
    quotesOf(node).forEach(function (q) { (graphIndex()[q] || []).forEach(function (e) { if (e.closest('svg.pg') && !e.classList.contains('pg-group')) { e.classList.add('lit'); lit.push(e); } }); });
    all('svg.pg').forEach(function (s) { s.classList.toggle('dim', lit.length > 0); });
  }

  function clearSelection() {
    all('.sel').forEach(function (e) { e.classList.remove('sel'); });
    all('.lit').forEach(function (e) { e.classList.remove('lit'); });
    all('.card.on').forEach(function (e) { e.classList.remove('on'); });
  }

  function showCard(card) {
    var hint = document.querySelector('#panel .hint');
    if (hint) hint.classList.add('off');
    card.classList.add('on');
    var panel = document.getElementById('panel');
    if (panel) panel.scrollTop = 0;
  }

  function selectQuote(n, scroll) {
    var card = document.getElementById('card-q-' + n);
    if (!card) return;
    clearSelection();
    all('.q[data-q="' + n + '"]').forEach(function (e) { e.classList.add('sel'); });
    all('[data-ev^="q-' + n + '-"]').forEach(function (e) { e.classList.add('lit'); });
    lightPath(n);
    showCard(card);
    if (scroll) { var q = document.getElementById('q-' + n); if (q) q.scrollIntoView({block: 'center'}); }
  }

  function selectEntity(n) {
    var card = document.getElementById('card-e-' + n);
    if (!card) return;
    clearSelection();
    all('.m[data-e="' + n + '"]').forEach(function (e) { e.classList.add('sel'); });
    showCard(card);
  }

  function flash(el) {
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var jump = t.closest('a.jump, a.tick, #reuse a, #dates a, #citations a, .mentions a');
    if (jump) {
      var target = document.getElementById((jump.getAttribute('href') || '').replace(/^#/, ''));
      if (target) { ev.preventDefault(); target.scrollIntoView({block: 'center'}); flash(target); history.replaceState(null, '', '#' + target.id); }
      return;
    }
    var node = t.closest('svg .pg-node');
    if (node) { ev.preventDefault(); chooseNode(node); return; }
    var ent = t.closest('[data-e]');
    if (ent) { ev.preventDefault(); selectEntity(ent.getAttribute('data-e')); return; }
    var q = t.closest('[data-q]');
    if (q) {
      if (!document.getElementById('card-q-' + q.getAttribute('data-q'))) return; // the graph alone: links lead to the thread
      ev.preventDefault();
      selectQuote(q.getAttribute('data-q'), q.tagName === 'A' || q.closest('svg') !== null);
      return;
    }
    var ref = t.closest('[data-evref]');
    if (ref) {
      var first = document.querySelector('[data-ev="' + ref.getAttribute('data-evref') + '"]');
      if (first) { first.scrollIntoView({block: 'center'}); flash(first); }
    }
  });

  document.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    var t = ev.target;
    if (!(t instanceof Element)) return;
    if (t.matches('.q[data-q]')) { ev.preventDefault(); selectQuote(t.getAttribute('data-q'), false); }
    else if (t.matches('svg .pg-node')) { ev.preventDefault(); chooseNode(t); }
    else if (t.matches('.m[data-e]')) { ev.preventDefault(); selectEntity(t.getAttribute('data-e')); }
  });

  // Hovering an attribution line lights the words in the text that justify it.
  function hover(on) {
    return function (ev) {
      var t = ev.target;
      if (!(t instanceof Element)) return;
      var node = t.closest('svg .pg-node, svg .tl-mark[data-qs]');
      if (node) { glow(node, on); return; }
      var ref = t.closest('[data-evref]');
      if (!ref) return;
      all('[data-ev="' + ref.getAttribute('data-evref') + '"]').forEach(function (e) { e.classList.toggle('hot', on); });
    };
  }
  document.addEventListener('focusin', function (ev) { if (ev.target instanceof Element && ev.target.matches('svg .pg-node')) glow(ev.target, true); });
  document.addEventListener('focusout', function (ev) { if (ev.target instanceof Element && ev.target.matches('svg .pg-node')) glow(ev.target, false); });
  document.addEventListener('mouseover', hover(true));
  document.addEventListener('mouseout', hover(false));

  function place() {
    all('.timeline [data-x]').forEach(function (t) {
      var x = parseFloat(t.getAttribute('data-x'));
      if (!isNaN(x)) t.style.left = (Math.max(0, Math.min(1, x)) * 100) + '%';
    });
    // Label a tick with its year only where the label does not run into the one before.
    var lastRight = -Infinity;
    all('.timeline .tick').forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (r.left < lastRight + 6) t.classList.add('mute'); else lastRight = r.right;
    });
  }

  function start() {
    place();
    var m = /^#q-(\d+)$/.exec(location.hash);
    if (m) selectQuote(m[1], true);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
