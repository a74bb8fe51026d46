// The console: polls GET /api/replicas every second, renders the table and two charts,
// and sends the operator's changes with the admin token kept in this tab's sessionStorage.
'use strict';

const COLORS = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bc4c00', '#1b7c83', '#bf3989', '#57606a'];
const SAMPLES = 60;
const history = new Map(); // address -> {total, at, rates[], p99s[]}
let readOnly = true;

function token() {
  return sessionStorage.getItem('scaleout-admin-token') || '';
}

async function change(address, action, init) {
  const response = await fetch('api/replicas/' + encodeURIComponent(address) + '/' + action,
    Object.assign({ headers: { 'Authorization': 'Bearer ' + token(), 'Content-Type': 'application/json' } }, init));
  const message = document.getElementById('message');
  if (response.ok) {
    message.textContent = '';
  } else {
    const problem = await response.json().catch(() => ({ detail: response.statusText }));
    message.textContent = problem.detail || ('HTTP ' + response.status);
  }
  await refresh();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function button(td, label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.disabled = readOnly;
  b.addEventListener('click', onClick);
  td.appendChild(b);
  return b;
}

function render(replicas) {
  const tbody = document.querySelector('#replicas tbody');
  tbody.replaceChildren();
  const now = Date.now();
  replicas.forEach((replica) => {
    const seen = history.get(replica.address) || { total: replica.total, at: now, rates: [], p99s: [] };
    const seconds = Math.max((now - seen.at) / 1000, 0.001);
    const rate = seen.at === now ? 0 : Math.max(replica.total - seen.total, 0) / seconds;
    seen.rates.push(rate);
    seen.p99s.push(replica.p99Millis);
    seen.rates.splice(0, Math.max(seen.rates.length - SAMPLES, 0));
    seen.p99s.splice(0, Math.max(seen.p99s.length - SAMPLES, 0));
    seen.total = replica.total;
    seen.at = now;
    history.set(replica.address, seen);

    const row = tbody.insertRow();
    row.dataset.address = replica.address;
    row.dataset.state = replica.state;
    cell(row, replica.address);
    cell(row, replica.state, 'state');
    cell(row, replica.mode, 'mode');
    cell(row, replica.weight);
    cell(row, replica.inFlight);
    cell(row, rate.toFixed(1));
    cell(row, replica.p50Millis.toFixed(1));
    cell(row, replica.p99Millis.toFixed(1));
    cell(row, replica.failures);
    cell(row, replica.ejections);
    cell(row, replica.changedAt ? new Date(replica.changedAt).toLocaleTimeString() + ' by ' + replica.changedBy : '', 'changed');
    const actions = cell(row, '', 'actions');
    ['drain', 'maint', 'ready'].forEach((action) => {
      const b = button(actions, action, () => change(replica.address, action, { method: 'POST' }));
      b.name = action;
    });
    const weight = document.createElement('input');
    weight.type = 'number';
    weight.min = 1;
    weight.max = 1000;
    weight.value = replica.weight;
    weight.disabled = readOnly;
    weight.name = 'weight';
    actions.appendChild(weight);
    button(actions, 'set weight', () => change(replica.address, 'weight',
      { method: 'PUT', body: JSON.stringify({ weight: Number(weight.value) }) }));
  });
  for (const address of [...history.keys()]) {
    if (!replicas.some((replica) => replica.address === address)) {
      history.delete(address);
    }
  }
  draw('rate-chart', 'rates');
  draw('p99-chart', 'p99s');
  legend();
}

function draw(id, series) {
  const canvas = document.getElementById(id);
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const all = [...history.values()].flatMap((h) => h[series]);
  const max = Math.max(1, ...all) * 1.1;
  g.fillStyle = '#57606a';
  g.fillText(max.toFixed(0), 4, 12);
  [...history.values()].forEach((h, i) => {
    g.strokeStyle = COLORS[i % COLORS.length];
    g.beginPath();
    h[series].forEach((value, x) => {
      const px = (x / (SAMPLES - 1)) * canvas.width;
      const py = canvas.height - (value / max) * canvas.height;
      if (x === 0) { g.moveTo(px, py); } else { g.lineTo(px, py); }
    });
    g.stroke();
  });
}

function legend() {
  const list = document.getElementById('legend');
  list.replaceChildren();
  [...history.keys()].forEach((address, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.style.background = COLORS[i % COLORS.length];
    item.append(swatch, address);
    list.appendChild(item);
  });
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('api/replicas', { cache: 'no-store' });
    const body = await response.json();
    readOnly = body.readOnly;
    document.getElementById('read-only').hidden = !readOnly;
    render(body.replicas);
    status.textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (failure) {
    status.textContent = 'gateway unreachable: ' + failure;
  }
}

document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('scaleout-admin-token', document.getElementById('token').value);
  document.getElementById('message').textContent = 'token set for this tab';
});

refresh();
setInterval(refresh, 1000);
