//! The phone's page: plain HTML, a stylesheet and a script served by the room itself (nothing
//! from outside), using only what a plain-HTTP page may (no service worker, no
//! `crypto.randomUUID`). The sheet is kept as a draft on the phone until it is sent; sending the
//! same sheet twice records it once; nothing the member is typing is ever cleared by an update
//! (the page asks every few seconds whether the sheets are locked, and shows the ranking only
//! once the secretary shows it).

pub const HTML: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phiếu chấm điểm</title>
<link rel="stylesheet" href="/phieu.css">
</head>
<body>
<header><h1>PHIẾU CHẤM ĐIỂM</h1><p id="who">Đang tải phiếu…</p></header>
<main id="sheet"></main>
<section id="results" hidden><h2>KẾT QUẢ CHẤM ĐIỂM</h2><table><thead><tr><th>Hạng</th><th>Họ và tên / Tập thể</th><th>Điểm TB</th></tr></thead><tbody id="ranking"></tbody></table></section>
<footer>
<p id="status" role="status"></p>
<button id="send" type="button" disabled>Gửi phiếu</button>
</footer>
<script src="/phieu.js"></script>
</body>
</html>
"#;

pub const STYLE: &str = r#"
body{font-family:system-ui,sans-serif;margin:0;padding:0 12px 96px;font-size:17px;color:#111}
header h1{font-size:20px;margin:12px 0 4px;text-align:center}
#who{text-align:center;margin:0 0 8px;color:#333}
section{border:1px solid #bbb;border-radius:8px;padding:8px 10px;margin:10px 0}
section h2{font-size:17px;margin:0 0 2px}
section p.detail{margin:0 0 6px;color:#444;font-size:15px}
label{display:flex;align-items:center;justify-content:space-between;gap:8px;margin:6px 0}
label span{flex:1}
input{width:5.5em;font-size:18px;padding:6px;text-align:right}
input.bad{border:2px solid #b00}
footer{position:fixed;left:0;right:0;bottom:0;background:#fff;border-top:1px solid #bbb;padding:8px 12px}
#status{margin:0 0 6px;font-size:15px}
#status.error{color:#b00}
#send{width:100%;font-size:18px;padding:10px}
#results table{width:100%;border-collapse:collapse;font-size:16px}
#results th,#results td{border-bottom:1px solid #ccc;padding:4px;text-align:left}
#results td.n{text-align:right}
"#;

pub const SCRIPT: &str = r#"(function () {
  'use strict';
  var sheet = null;
  var draftKey = null;
  var statusEl = document.getElementById('status');
  var sendEl = document.getElementById('send');
  function say(text, bad) { statusEl.textContent = text; statusEl.className = bad ? 'error' : ''; }
  function points(text) {
    var t = String(text).trim().replace(',', '.');
    if (!/^\d+(\.(0|5))?$/.test(t)) return null;
    return Number(t);
  }
  function inputs() { return Array.prototype.slice.call(document.querySelectorAll('input[data-n]')); }
  function saveDraft() {
    var d = {};
    inputs().forEach(function (i) { d[i.dataset.n + '/' + i.dataset.c] = i.value; });
    try { localStorage.setItem(draftKey, JSON.stringify(d)); } catch (e) {}
  }
  function check() {
    var missing = 0, bad = 0;
    inputs().forEach(function (i) {
      var v = i.value.trim();
      var p = v === '' ? null : points(v);
      var wrong = v !== '' && (p === null || p > Number(String(i.dataset.max).replace(',', '.')));
      i.className = wrong ? 'bad' : '';
      if (v === '') missing++;
      if (wrong) bad++;
    });
    sendEl.disabled = sheet.locked || missing > 0 || bad > 0;
    if (sheet.locked) say('Thư ký đã khóa phiếu; không sửa được nữa.', true);
    else if (bad > 0) say(bad + ' ô chưa đúng (số không âm, lẻ đến 0,5, không quá điểm tối đa).', true);
    else if (missing > 0) say('Còn ' + missing + ' ô chưa chấm.', false);
    else say('Đã chấm đủ; bấm «Gửi phiếu».', false);
  }
  function render() {
    var main = document.getElementById('sheet');
    document.getElementById('who').textContent = 'Thành viên: ' + sheet.member;
    var draft = {};
    try { draft = JSON.parse(localStorage.getItem(draftKey) || '{}'); } catch (e) {}
    sheet.nominees.forEach(function (n) {
      var sec = document.createElement('section');
      var h = document.createElement('h2');
      h.textContent = 'Hồ sơ số ' + n.id + ': ' + n.name;
      sec.appendChild(h);
      if (n.detail) { var p = document.createElement('p'); p.className = 'detail'; p.textContent = n.detail; sec.appendChild(p); }
      n.criteria.forEach(function (c) {
        var l = document.createElement('label');
        var s = document.createElement('span');
        s.textContent = 'Tiêu chí ' + c.label + ' (tối đa ' + c.max + ')';
        s.title = c.text;
        var i = document.createElement('input');
        i.inputMode = 'decimal';
        i.dataset.n = n.id; i.dataset.c = c.label; i.dataset.max = c.max;
        var k = n.id + '/' + c.label;
        i.value = Object.prototype.hasOwnProperty.call(draft, k) ? draft[k] : c.points;
        i.disabled = sheet.locked;
        i.addEventListener('input', function () { saveDraft(); check(); });
        l.appendChild(s); l.appendChild(i); sec.appendChild(l);
      });
      main.appendChild(sec);
    });
    check();
  }
  function send() {
    var cells = inputs().map(function (i) { return { nomination: Number(i.dataset.n), criterion: i.dataset.c, points: i.value.trim() }; });
    sendEl.disabled = true;
    say('Đang gửi…', false);
    fetch('/api/phieu', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scores: cells }) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) { say(r.body.message, !r.ok); if (r.ok) { try { localStorage.removeItem(draftKey); } catch (e) {} } sendEl.disabled = false; })
      .catch(function () { say('Không gửi được (mạng?). Phiếu vẫn còn trên máy; hãy thử lại.', true); sendEl.disabled = false; });
  }
  function showResults(rows) {
    var box = document.getElementById('results');
    if (!rows) { box.hidden = true; return; }
    var body = document.getElementById('ranking');
    while (body.firstChild) body.removeChild(body.firstChild);
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      [r.rank === null ? '–' : String(r.rank), r.name, r.average || '—'].forEach(function (t, i) {
        var td = document.createElement('td'); td.textContent = t; if (i !== 1) td.className = 'n'; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    box.hidden = false;
  }
  // The lock and the results as the secretary sets them; the cells keep what is typed.
  function poll() {
    fetch('/api/trang-thai', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (b) {
        if (!b) return;
        if (b.locked !== sheet.locked) {
          sheet.locked = b.locked;
          inputs().forEach(function (i) { i.disabled = b.locked; });
          check();
        }
        showResults(b.results);
      })
      .catch(function () {});
  }
  sendEl.addEventListener('click', send);
  fetch('/api/phieu', { credentials: 'same-origin' })
    .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
    .then(function (r) {
      if (!r.ok) { say(r.body.message, true); return; }
      sheet = r.body;
      draftKey = 'phieu:' + sheet.member;
      render();
      poll();
      setInterval(poll, 5000);
    })
    .catch(function () { say('Không tải được phiếu.', true); });
})();
"#;
